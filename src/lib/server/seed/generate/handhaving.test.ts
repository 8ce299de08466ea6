import { describe, expect, it } from 'vitest';
import { BULK_MIX, generateHandhaving, type HandhavingMix } from './handhaving';
import { HANDHAVING_CATEGORIES, PERCENTAGE_BANDS, percentageBand } from '../../report/handhaving';
import { amsterdamDay } from '../../../dates';
import { quarterOfDay, quartersEndingWith, shiftQuarter } from '../../../quarters';

// The bulk generator's besluiten at full scale (issue #13 §7), without running the seeder: the
// smallest of three gemeenten has a fifth of 50,000 clients, and by the generator's duration
// bands some 6,000 or more of them are on the benefit even in the oldest trend quarter. Here
// 6,000 clients on the benefit all the time, as the council report counts them (by the
// besluit's day, without withdrawn ones): every cell of every handhaving table must be shown
// (10 or more), in each of the eight quarters of the trend.

const now = new Date('2026-11-20T08:00:00Z');
const SMALLEST = 6000;
const profiles = Array.from({ length: SMALLEST }, (_, i) => ({
	clientId: `client-${i}`,
	kmId: 'km',
	benefitStart: new Date('2020-01-06T08:00:00Z'),
	activeEnd: now
}));
const quarters = quartersEndingWith(shiftQuarter(quarterOfDay(amsterdamDay(now)), -1), 8);

function cells(mix: HandhavingMix) {
	const rows = generateHandhaving(profiles, now, 4242, 'km', mix).filter((r) => !r.withdrawnOn);
	const count = new Map<string, number>();
	const cents = new Map<string, number>();
	for (const r of rows) {
		const q = quarterOfDay(r.decidedOn as string);
		const cat = r.kind === 'maatregel' ? `maatregel_${r.ground}` : (r.kind as string);
		const add = (c: string, by = 1, m = count) =>
			m.set(`${q}|${c}`, (m.get(`${q}|${c}`) ?? 0) + by);
		add(cat);
		if (r.kind === 'maatregel') add(percentageBand(r.percentage as number));
		else add(r.kind as string, r.amountCents as number, cents);
	}
	return { rows, count, cents };
}

describe('generated besluiten at full scale', () => {
	const bulk = cells(BULK_MIX);

	it('every kind, ground and percentage band has 10 or more besluiten per quarter', () => {
		const small: string[] = [];
		for (const q of quarters)
			for (const c of [...HANDHAVING_CATEGORIES, ...PERCENTAGE_BANDS]) {
				const n = bulk.count.get(`${q}|${c}`) ?? 0;
				if (n < 10) small.push(`${q} ${c}: ${n}`);
			}
		expect(small).toEqual([]);
	});

	it('amounts are plausible: mostly small, some large, none above the form’s limit', () => {
		const amounts = (kind: string) =>
			bulk.rows
				.filter((r) => r.kind === kind)
				.map((r) => r.amountCents as number)
				.sort((a, b) => a - b);
		for (const [kind, median, large] of [
			// Bestuurlijke boete: a median of some hundreds of euros, a few of several thousand.
			['boete', [200_00, 1000_00], 3000_00],
			// Terugvordering: a median under 2,500 euros, some of tens of thousands.
			['terugvordering', [500_00, 2500_00], 10_000_00]
		] as const) {
			const list = amounts(kind);
			const mid = list[Math.floor(list.length / 2)]!;
			expect(mid, kind).toBeGreaterThanOrEqual(median[0]);
			expect(mid, kind).toBeLessThanOrEqual(median[1]);
			expect(list.filter((c) => c >= large).length / list.length, kind).toBeGreaterThan(0.03);
			expect(list[0], kind).toBeGreaterThanOrEqual(50_00);
			expect(list.at(-1), kind).toBeLessThanOrEqual(60_000_00);
			for (const c of list) expect(Number.isInteger(c)).toBe(true);
		}
		// Every quarter's sums are shown with their counts, so each is a real figure.
		for (const q of quarters)
			for (const kind of ['boete', 'terugvordering'])
				expect(bulk.cents.get(`${q}|${kind}`) ?? 0, `${q} ${kind}`).toBeGreaterThan(0);
	});
});
