import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { onShutdown } from './shutdown';

describe('a clean shutdown', () => {
	it('stops the timers, closes the database and exits once the server has stopped', async () => {
		const proc = new EventEmitter();
		const order: string[] = [];
		const exit = vi.fn((code: number) => order.push(`exit ${code}`));
		onShutdown(proc, {
			stopTimers: () => order.push('timers'),
			closeDatabase: async () => {
				order.push('database');
			},
			exit,
			graceMs: 1000
		});
		proc.emit('sveltekit:shutdown', 'SIGTERM');
		await vi.waitFor(() => expect(exit).toHaveBeenCalled());
		expect(order).toEqual(['timers', 'database', 'exit 0']);
	});

	it('exits within the grace time when the database does not close', async () => {
		vi.useFakeTimers();
		const proc = new EventEmitter();
		const exit = vi.fn();
		onShutdown(proc, {
			stopTimers: () => {},
			closeDatabase: () => new Promise<void>(() => {}),
			exit,
			graceMs: 3000
		});
		proc.emit('sveltekit:shutdown', 'SIGTERM');
		await vi.advanceTimersByTimeAsync(2999);
		expect(exit).not.toHaveBeenCalled();
		await vi.advanceTimersByTimeAsync(2);
		expect(exit).toHaveBeenCalledWith(1);
		vi.useRealTimers();
	});
});
