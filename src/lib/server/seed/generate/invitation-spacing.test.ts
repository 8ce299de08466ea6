import { describe, expect, it } from 'vitest';
import { DAY_MS } from '../../../dates';
import { MIN_DAYS_BETWEEN } from '../../surveys/invitation-rules';
import { InvitationSpacing, LARGE_POOL } from './invitation-spacing';
import { Rng } from './random';

const GAP = MIN_DAYS_BETWEEN * DAY_MS;
const start = Date.UTC(2026, 0, 1, 9);

/** A pool whose element reads are counted: how many clients a pick looked at. */
function countedPool(size: number): { pool: string[]; reads: () => number } {
	const ids = Array.from({ length: size }, (_, i) => `c${i}`);
	let n = 0;
	const pool = new Proxy(ids, {
		get(target, key, receiver) {
			if (typeof key === 'string' && /^\d+$/.test(key)) n++;
			return Reflect.get(target, key, receiver) as unknown;
		}
	});
	return { pool, reads: () => n };
}

describe('InvitationSpacing in a large pool (the large seeder at full scale)', () => {
	it('never invites a client twice within the minimum number of days', () => {
		const spacing = new InvitationSpacing();
		const rng = new Rng(5);
		const { pool } = countedPool(LARGE_POOL + 500);
		const made = new Map<string, number[]>();
		for (let i = 0; i < 40_000; i++) {
			const at = new Date(start + Math.floor(rng.next() * 365 * DAY_MS));
			const who = spacing.pick(rng, pool, at);
			if (who) made.set(who, [...(made.get(who) ?? []), at.getTime()]);
		}
		let invited = 0;
		for (const times of made.values()) {
			invited += times.length;
			times.sort((a, b) => a - b);
			for (let i = 1; i < times.length; i++)
				expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(GAP);
		}
		// Most clients are invited several times in a year, so the pool was really filled.
		expect(invited).toBeGreaterThan((LARGE_POOL + 500) * 4);
	});

	it('answers "nobody free" for a full period without going through the pool again', () => {
		// The old search read every client of the pool for every invitation once the pool was
		// full, which made 1,000,000 generated answers take longer than 14 minutes.
		const spacing = new InvitationSpacing();
		const rng = new Rng(9);
		const size = LARGE_POOL + 1;
		const { pool, reads } = countedPool(size);
		const at = new Date(start);
		for (let i = 0; i < size; i++) expect(spacing.pick(rng, pool, at)).not.toBeNull();
		expect(spacing.pick(rng, pool, at)).toBeNull();
		const before = reads();
		for (let i = 0; i < 100; i++) expect(spacing.pick(rng, pool, at)).toBeNull();
		expect(reads() - before).toBe(0);
		// A month later everyone may be invited again.
		expect(spacing.pick(rng, pool, new Date(start + 2 * GAP))).not.toBeNull();
	});
});
