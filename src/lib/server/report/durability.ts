import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/open';
import { quarterDays, shiftQuarter } from '../../quarters';
import { wilson } from './indicators';
import { cellId, suppress } from './suppression';
import { protectShares } from './extremes';
import { rows } from './rows';
import { ALL, key, shareCell, type Grid, type ShareCell } from './cells';
import type { ReportContext } from './context';
import { PERIODS } from './benefit-periods';

// ── Outflow to work after inflow, duurzaamheid and herinstroom (issue #13 §7) ──
// docs/DOMAIN.md "The council report". Each is a share of a cohort that started (inflow) or
// left (outflow) so many months before this period that its window has closed by the end of
// it, like the effect's after windows. Benefit periods as the bestand counts them
// (benefit-periods.ts).

/** Paid work: the Dalfsen target counts "uitstroom naar betaald werk". */
const WORK = sql.raw(`('werk', 'werk_lks')`);

/** The days of the period shifted back by `months` (a multiple of 3). */
function cohortDays(ctx: ReportContext, months: number) {
	const back = months / 3;
	return {
		from: quarterDays(shiftQuarter(ctx.quarters[0]!, -back)).from,
		to: quarterDays(shiftQuarter(ctx.quarters[ctx.quarters.length - 1]!, -back)).to
	};
}

/** n and k per gemeente and in total; n protected across the gemeenten (like the effect). */
async function shareAcrossGemeenten(db: Db, ctx: ReportContext, query: SQL): Promise<ShareCell> {
	const list = await rows(
		db,
		sql`select c.gemeente_id as m, count(*)::int as n, count(*) filter (where x.hit)::int as k
			from (${query}) x join client c on c.id = x.client_id
			group by grouping sets ((c.gemeente_id), ())`
	);
	const gemeenten = ctx.gemeenten.map((g) => g.id);
	const n: Grid = new Map();
	const k: Grid = new Map();
	for (const r of list) {
		n.set(cellId(key(r.m), ALL), Number(r.n));
		k.set(cellId(key(r.m), ALL), Number(r.k));
	}
	for (const g of [...gemeenten, ALL]) if (!n.has(cellId(g, ALL))) n.set(cellId(g, ALL), 0);
	const across = [{ total: cellId(ALL, ALL), parts: gemeenten.map((g) => cellId(g, ALL)) }];
	const vis = suppress(n, across);
	// Nobody or everybody of a cohort still off the benefit, or to work (extremes.ts).
	const masked = protectShares(n, k, vis, across);
	const id = cellId(ctx.selected?.id ?? ALL, ALL);
	const nn = n.get(id) ?? 0;
	const kk = k.get(id) ?? 0;
	const ci = wilson(kk, nn);
	return shareCell(nn, kk, vis.get(id), ci?.low ?? null, ci?.high ?? null, masked.get(id));
}

/**
 * Of the benefit periods that started in the period 12 months earlier (inflow), the share
 * that ended in outflow to paid work (werk, werk_lks) within 12 months of the start: from
 * the first day up to and including the start + 12 months.
 */
export async function workAfterInflow(db: Db, ctx: ReportContext) {
	const { from, to } = cohortDays(ctx, 12);
	const cell = await shareAcrossGemeenten(
		db,
		ctx,
		sql`select p.client_id, exists (select 1 from outflow o where o.client_id = p.client_id
				and o.benefit_start = p.start and o.reason in ${WORK}
				and o.date <= (p.start + interval '12 months')::date) as hit
			from ${PERIODS} p where p.start between ${from} and ${to}`
	);
	return { from, to, cell };
}

/**
 * Duurzaamheid: of the outflows to paid work in the period `months` earlier, the share still
 * off the benefit `months` after: no new benefit period (herinstroom) from the day after the
 * outflow up to and including the outflow day + `months`. Herinstroom is the rest.
 */
export async function stillOff(db: Db, ctx: ReportContext, months: 6 | 12) {
	const { from, to } = cohortDays(ctx, months);
	const cell = await shareAcrossGemeenten(
		db,
		ctx,
		sql`select o.client_id, not exists (select 1 from ${PERIODS} p
				where p.client_id = o.client_id and p.start > o.date
				and p.start <= (o.date + make_interval(months => ${months}))::date) as hit
			from outflow o where o.reason in ${WORK} and o.date between ${from} and ${to}`
	);
	return { months, from, to, cell };
}
