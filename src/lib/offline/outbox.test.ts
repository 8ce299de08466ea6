import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

// The offline queue's promises, attacked where the browser journeys failed on a loaded
// machine (#16): an action queued while another is being sent, and a restore from IndexedDB
// that finishes after the queue has moved on. Each left the client looking at "Wordt
// verstuurd…" for good.

type Row = { key: string; sealed: unknown };
const rows = new Map<string, Row>();
let holdGetAll: Promise<void> | null = null;

const fakeStore = {
	db: {
		async getAll() {
			const snapshot = [...rows.values()];
			await holdGetAll;
			return snapshot;
		},
		async put(_name: string, row: Row) {
			rows.set(row.key, structuredClone(row));
		},
		async delete(_name: string, key: string) {
			rows.delete(key);
		}
	},
	vault: {
		async seal(item: unknown) {
			return structuredClone(item);
		},
		async open(sealed: unknown) {
			return structuredClone(sealed);
		}
	}
};

vi.mock('./page-data', () => ({
	offlineStoreReady: async () => ({ offlineStore: async () => fakeStore })
}));

const { outbox } = await import('./outbox.svelte');

type Call = {
	key: string;
	url: string;
	body: unknown;
	answer: (status: number, body?: object) => void;
};
let calls: Call[] = [];

beforeEach(() => {
	rows.clear();
	calls = [];
	holdGetAll = null;
	outbox.items = [];
	vi.stubGlobal(
		'fetch',
		vi.fn(
			(_url: string, init: RequestInit) =>
				new Promise<Response>((resolve) => {
					calls.push({
						key: (init.headers as Record<string, string>)['idempotency-key']!,
						url: _url,
						// A document goes as form data, an action as JSON.
						body: init.body instanceof FormData ? init.body : JSON.parse(String(init.body)),
						answer: (status, body = { ok: status < 300 }) =>
							resolve(new Response(JSON.stringify(body), { status }))
					});
				})
		)
	);
});

afterEach(() => {
	vi.unstubAllGlobals();
});

const tick = () => new Promise((r) => setTimeout(r, 5));
const step = (id: string) => ({ type: 'step' as const, stepId: id, done: true });
const uuid = (n: number) => `00000000-0000-4000-8000-00000000000${n}`;

async function until(what: () => boolean) {
	for (let i = 0; i < 200 && !what(); i++) await tick();
	expect(what()).toBe(true);
}

describe('outbox', () => {
	it('sends an action queued while another one is on its way', async () => {
		await outbox.enqueue(step(uuid(1)));
		await until(() => calls.length === 1);
		// The client taps again while the first is still being sent.
		const second = await outbox.enqueue(step(uuid(2)));
		calls[0]!.answer(200);
		await until(() => calls.length === 2);
		expect(calls[1]!.key).toBe(second.key);
		calls[1]!.answer(200);
		await until(() => outbox.items.length === 0);
		expect(rows.size).toBe(0);
	});

	it('a restore that finishes late neither brings back a sent action nor hides a refusal', async () => {
		const sent = await outbox.enqueue(step(uuid(3)));
		await until(() => calls.length === 1);
		const refused = await outbox.enqueue(step(uuid(4)));
		// The page's data is reloaded and the queue restored from IndexedDB; reading it is slow.
		let release!: () => void;
		holdGetAll = new Promise<void>((r) => (release = r));
		const restoring = outbox.restore();
		await tick();
		calls[0]!.answer(200);
		await until(() => calls.length === 2);
		calls[1]!.answer(422, { ok: false, error: 'invalid', message: 'Dit kan niet.' });
		await until(() => outbox.items.find((i) => i.key === refused.key)?.status === 'failed');
		release();
		await restoring;
		await tick();
		expect(outbox.items.find((i) => i.key === sent.key)).toBeUndefined();
		expect(outbox.items.find((i) => i.key === refused.key)?.status).toBe('failed');
		expect(calls).toHaveLength(2);
	});

	it('a photo the server is too busy to take waits, says so, and goes later', async () => {
		// Queued offline; sent when the line is back. The server answers 503 photo_busy: not the
		// photo's fault, so it is kept, and the page must be able to say why it waits.
		vi.stubGlobal('navigator', {}); // no service worker to wake us: the timer retries
		const photo = new File([new Uint8Array([0xff, 0xd8, 0xff, 0xe0])], 'loonstrook.jpg', {
			type: 'image/jpeg'
		});
		const item = await outbox.enqueue(
			{ type: 'message', body: 'Mijn loonstrook', context: { kind: 'home' } },
			[photo]
		);
		await until(() => calls.length === 1);
		expect(calls[0]!.url).toBe('/api/client/documents');
		calls[0]!.answer(503, {
			ok: false,
			error: 'photo_busy',
			message: 'Het is nu te druk om je foto te verwerken.'
		});
		await until(() => outbox.items[0]?.status === 'pending');
		expect(outbox.items[0]).toMatchObject({
			key: item.key,
			status: 'pending',
			error: 'photo_busy'
		});
		expect(outbox.failed).toEqual([]);

		// The next try takes it; the message goes with the photo's id, and the queue is empty.
		void outbox.flush();
		await until(() => calls.length === 2);
		expect(calls[1]!.url).toBe('/api/client/documents');
		calls[1]!.answer(200, { ok: true, id: uuid(9) });
		await until(() => calls.length === 3);
		expect(calls[2]!.body).toMatchObject({ type: 'message', documents: [uuid(9)] });
		calls[2]!.answer(200);
		await until(() => outbox.items.length === 0);
	});
});
