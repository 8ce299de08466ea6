import { describe, expect, it } from 'vitest';
import { limiter, TurnTimeout } from './limit';

// Five phones sending a photo at the same moment: the server decodes only a few at once, so
// memory stays bounded; the others wait their turn, in order, and nobody is dropped.

function gate() {
	let open!: () => void;
	const opened = new Promise<void>((r) => (open = r));
	return { open, opened };
}

describe('limiter', () => {
	it('runs at most n at once and the rest in the order they came', async () => {
		const run = limiter(2);
		const gates = Array.from({ length: 5 }, gate);
		const started: number[] = [];
		let running = 0;
		let most = 0;
		const all = gates.map((g, i) =>
			run(async () => {
				started.push(i);
				most = Math.max(most, ++running);
				await g.opened;
				running--;
				return i;
			})
		);
		await Promise.resolve();
		expect(started).toEqual([0, 1]);
		gates[1]!.open();
		await new Promise((r) => setTimeout(r, 0));
		expect(started).toEqual([0, 1, 2]);
		for (const g of gates) g.open();
		expect(await Promise.all(all)).toEqual([0, 1, 2, 3, 4]);
		expect(most).toBe(2);
		expect(started).toEqual([0, 1, 2, 3, 4]);
	});

	it('frees the place of a photo that failed', async () => {
		const run = limiter(1);
		await expect(run(() => Promise.reject(new Error('broken photo')))).rejects.toThrow(
			'broken photo'
		);
		expect(await run(async () => 'next')).toBe('next');
	});

	it('gives up on a turn that does not come in time, and the work never starts', async () => {
		const run = limiter(1);
		const first = gate();
		const busy = run(() => first.opened);
		let ran = false;
		const waited = run(async () => (ran = true), 20);
		await expect(waited).rejects.toBeInstanceOf(TurnTimeout);
		first.open();
		await busy;
		// The place that gave up is not handed on to nobody: the next one runs at once.
		expect(await run(async () => 'next', 20)).toBe('next');
		expect(ran).toBe(false);
	});

	it('a turn that comes in time runs as before', async () => {
		const run = limiter(1);
		const first = gate();
		const busy = run(() => first.opened);
		const waiting = run(async () => 'second', 5_000);
		first.open();
		await busy;
		expect(await waiting).toBe('second');
	});
});
