import { afterEach, describe, expect, it, vi } from 'vitest';
import { takeOver, watchForUpdates, type RegistrationLike, type WorkerLike } from './update-flow';

class FakeWorker extends EventTarget implements WorkerLike {
	state = 'installing';
	sent: unknown[] = [];
	postMessage(message: unknown) {
		this.sent.push(message);
	}
	becomes(state: string) {
		this.state = state;
		this.dispatchEvent(new Event('statechange'));
	}
}

class FakeRegistration extends EventTarget implements RegistrationLike {
	active: FakeWorker | null = null;
	installing: FakeWorker | null = null;
	waiting: FakeWorker | null = null;
	/** A new version is found and installs: it waits when an older one is active. */
	install(): FakeWorker {
		const worker = new FakeWorker();
		this.installing = worker;
		this.dispatchEvent(new Event('updatefound'));
		this.installing = null;
		if (this.active) this.waiting = worker;
		worker.becomes('installed');
		if (!this.active) {
			this.active = worker;
			worker.becomes('activated');
		}
		return worker;
	}
}

afterEach(() => {
	vi.useRealTimers();
});

describe('the update flow (service worker)', () => {
	it('offers nothing on the very first install: that version simply takes over', () => {
		const registration = new FakeRegistration();
		const offer = vi.fn();
		watchForUpdates(registration, offer);
		registration.install();
		expect(offer).not.toHaveBeenCalled();
	});

	it('offers a new version once it has installed and waits', () => {
		const registration = new FakeRegistration();
		registration.active = new FakeWorker();
		const offer = vi.fn();
		watchForUpdates(registration, offer);
		expect(offer).not.toHaveBeenCalled();
		registration.install();
		expect(offer).toHaveBeenCalledTimes(1);
	});

	it('offers a version left waiting by an earlier visit or another tab at once', () => {
		const registration = new FakeRegistration();
		registration.active = new FakeWorker();
		registration.waiting = new FakeWorker();
		const offer = vi.fn();
		watchForUpdates(registration, offer);
		expect(offer).toHaveBeenCalledTimes(1);
	});

	it('lets the waiting version take over only when asked, then reloads once', () => {
		vi.useFakeTimers();
		const registration = new FakeRegistration();
		registration.active = new FakeWorker();
		const waiting = registration.install();
		const container = new EventTarget();
		const reload = vi.fn();
		expect(waiting.sent).toEqual([]);
		takeOver(registration, container, reload, 4000);
		expect(waiting.sent).toEqual([{ type: 'SKIP_WAITING' }]);
		expect(reload).not.toHaveBeenCalled();
		container.dispatchEvent(new Event('controllerchange'));
		expect(reload).toHaveBeenCalledTimes(1);
		vi.advanceTimersByTime(5000);
		expect(reload).toHaveBeenCalledTimes(1);
	});

	it('reloads anyway when the new version does not take control in time', () => {
		vi.useFakeTimers();
		const registration = new FakeRegistration();
		registration.active = new FakeWorker();
		registration.install();
		const reload = vi.fn();
		takeOver(registration, new EventTarget(), reload, 4000);
		vi.advanceTimersByTime(3999);
		expect(reload).not.toHaveBeenCalled();
		vi.advanceTimersByTime(1);
		expect(reload).toHaveBeenCalledTimes(1);
	});

	it('reloads at once when nothing waits (another tab switched already)', () => {
		const registration = new FakeRegistration();
		const reload = vi.fn();
		takeOver(registration, new EventTarget(), reload, 4000);
		expect(reload).toHaveBeenCalledTimes(1);
	});
});
