import { sql } from 'drizzle-orm';
import type { Db } from '../db/open';
import { quartersEndingWith } from '../../quarters';
import { agreeShare, type ValueCounts } from './indicators';
import { suppress } from './suppression';
import { rows } from './rows';
import { ALL, key, shareCell } from './cells';
import type { ReportContext } from './context';
import { itemOrder } from './satisfaction';

// ── Trend of klanttevredenheid over eight quarters ────────────────────────────

const TREND_QUARTERS = 8;

export async function trend(db: Db, ctx: ReportContext, lastQuarter: string, gradeCodes: string[]) {
	const quarters = quartersEndingWith(lastQuarter, TREND_QUARTERS);
	const gemeenten = ctx.gemeenten.map((g) => g.id);
	const m = ctx.selected?.id ?? ALL;
	const list = await rows(
		db,
		sql`select quarter as q, gemeente_id as m, item, value, sum(count)::int as n
			from survey_tally_quarter where quarter in (${sql.join(
				quarters.map((q) => sql`${q}`),
				sql`, `
			)}) and item not like '*%'
			group by grouping sets ((quarter, gemeente_id, item, value), (quarter, item, value))`
	);
	const counts = new Map<string, ValueCounts>();
	const items = new Set<string>();
	for (const r of list) {
		const id = `${r.q}|${key(r.m)}|${r.item}`;
		items.add(String(r.item));
		const vc = counts.get(id) ?? {};
		vc[Number(r.value)] = Number(r.n);
		counts.set(id, vc);
	}
	const agreeItems = [...items].filter((i) => !gradeCodes.includes(i)).sort(itemOrder);
	return {
		quarters,
		items: agreeItems.map((item) => ({
			code: item,
			points: quarters.map((q) => {
				// Each quarter's gemeenten add up to its total: one line per quarter.
				const n = new Map<string, number>();
				const shares = new Map<string, ReturnType<typeof agreeShare>>();
				for (const g of [...gemeenten, ALL]) {
					const s = agreeShare(counts.get(`${q}|${g}|${item}`) ?? {});
					n.set(g, s.n);
					shares.set(g, s);
				}
				const vis = suppress(n, [{ total: ALL, parts: gemeenten }]);
				const s = shares.get(m)!;
				// No n per point: the trend is a picture of the shares, and its n per quarter
				// and gemeente would add lines to difference against.
				const { share, low, high, hidden } = shareCell(
					s.n,
					s.k,
					vis.get(m),
					s.interval?.low ?? null,
					s.interval?.high ?? null
				);
				return { quarter: q, share, low, high, hidden };
			})
		}))
	};
}
