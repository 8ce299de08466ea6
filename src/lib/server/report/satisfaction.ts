import { sql } from 'drizzle-orm';
import type { Db } from '../db/open';
import { TALLY_SPLITS, type TallySplit } from '../db/schema';
import { agreeShare, gradeStats, type ValueCounts } from './indicators';
import { cellId, suppress, tableLines } from './suppression';
import { GRADE, protectShares, type Extreme } from './extremes';
import { rows, withMargins, type Row } from './rows';
import { groupLanguages, languageColumns } from './language-groups';
import { ALL, byOrder, countCell, key, shareCell, type Hidden, type ShareCell } from './cells';
import type { ReportContext } from './context';

// ── Klanttevredenheid ─────────────────────────────────────────────────────────

// Segment, language group, instrument and survey trigger: the categories are those of
// tallyCategories(); a language the gemeente does not offer counts as 'other' (language-groups.ts).
export type SplitName = TallySplit;

export async function satisfaction(db: Db, ctx: ReportContext, gradeCodes: string[]) {
	// The item × value counts per gemeente and category of each split, from the split tally.
	const list = await rows(
		db,
		sql`select gemeente_id as m, split, category as c, item, value, sum(count)::int as n
			from survey_tally_split where quarter in (${sql.join(
				ctx.quarters.map((q) => sql`${q}`),
				sql`, `
			)})
			group by gemeente_id, split, category, item, value`
	);
	return satisfactionOf(list, ctx, gradeCodes);
}

/**
 * The satisfaction tables from the split tally's counts of the period (rows of gemeente m,
 * split, category c, item, value, n), suppressed. The trend uses it per quarter, so a trend
 * point is exactly the quarter's published cell.
 */
export function satisfactionOf(list: Row[], ctx: ReportContext, gradeCodes: string[]) {
	const gemeenten = ctx.gemeenten.map((g) => g.id);
	const m = ctx.selected?.id ?? ALL;
	const offers = new Map(ctx.gemeenten.map((g) => [g.id, g.languages]));
	const perSplit = (s: SplitName) => list.filter((r) => r.split === s);
	const bySplit = withMargins(
		Object.fromEntries(
			TALLY_SPLITS.map((s) => [
				s,
				s === 'language' ? groupLanguages(perSplit(s), offers) : perSplit(s)
			])
		) as Record<SplitName, Row[]>,
		['n'],
		['item', 'value']
	);
	const items = new Set<string>();
	for (const r of bySplit.segment) if (!String(r.item).startsWith('*')) items.add(String(r.item));

	// Value counts per (cell id, item), with every split's columns prefixed by its name.
	const counts = new Map<string, Map<string, ValueCounts>>();
	const cats: Record<SplitName, string[]> = {
		segment: [],
		language: [],
		instrument: [],
		trigger: []
	};
	for (const [name, list] of Object.entries(bySplit) as [SplitName, Row[]][]) {
		const seen = new Set<string>();
		for (const r of list) {
			const c = r.c === null ? ALL : `${name}:${r.c}`;
			if (c !== ALL) seen.add(String(r.c));
			const id = cellId(key(r.m), c);
			const item = String(r.item);
			const perItem = counts.get(item) ?? new Map<string, ValueCounts>();
			const vc = perItem.get(id) ?? {};
			vc[Number(r.value)] = Number(r.n);
			perItem.set(id, vc);
			counts.set(item, perItem);
		}
		cats[name] = [...seen].sort(byOrder);
	}

	const lines = TALLY_SPLITS.flatMap((name) =>
		tableLines(
			gemeenten,
			cats[name].map((c) => `${name}:${c}`)
		)
	);
	const allIds = [
		...[...gemeenten, ALL].flatMap((g) => [
			cellId(g, ALL),
			...TALLY_SPLITS.flatMap((name) => cats[name].map((c) => cellId(g, `${name}:${c}`)))
		])
	];

	const summarise = (item: string, grade: boolean) => {
		const perItem = counts.get(item) ?? new Map<string, ValueCounts>();
		const stats = new Map(
			allIds.map((id) => [id, grade ? gradeStats(perItem.get(id) ?? {}) : null])
		);
		const shares = new Map(allIds.map((id) => [id, agreeShare(perItem.get(id) ?? {})]));
		const n = new Map(allIds.map((id) => [id, grade ? stats.get(id)!.n : shares.get(id)!.n]));
		const vis = suppress(n, lines);
		// The share (helemaal) eens, or onvoldoende, of nobody or everybody in a group is every
		// person's answer (extremes.ts): words or hidden, and protected along the same lines.
		const k = new Map(allIds.map((id) => [id, grade ? stats.get(id)!.fail : shares.get(id)!.k]));
		const masked = protectShares(n, k, vis, lines);
		// A mean rapportcijfer of (almost) only 10s or only 1s is every person's grade too: its
		// sum of grades (less n) is masked the same way, along the same lines (extremes.ts GRADE).
		const meanMasked = grade
			? protectShares(
					n,
					new Map(allIds.map((id) => [id, stats.get(id)!.sum - stats.get(id)!.n])),
					vis,
					lines,
					GRADE
				)
			: new Map<string, Extreme>();
		return { stats, shares, vis, masked, meanMasked };
	};

	// The columns this selection shows; the others are zeros for it (suppressed all the same).
	const shown: Record<SplitName, string[]> = {
		...cats,
		language: languageColumns(cats.language, offers, ctx.selected?.id ?? null)
	};
	const agreeItems = [...items].filter((i) => !gradeCodes.includes(i)).sort(itemOrder);
	const result = agreeItems.map((item) => {
		const { shares, vis, masked } = summarise(item, false);
		const cell = (id: string) => {
			const s = shares.get(id)!;
			return shareCell(
				s.n,
				s.k,
				vis.get(id),
				s.interval?.low ?? null,
				s.interval?.high ?? null,
				masked.get(id)
			);
		};
		return {
			code: item,
			total: cell(cellId(m, ALL)),
			splits: Object.fromEntries(
				TALLY_SPLITS.map((name) => [
					name,
					shown[name].map((c) => ({ key: c, cell: cell(cellId(m, `${name}:${c}`)) }))
				])
			) as Record<SplitName, { key: string; cell: ShareCell }[]>
		};
	});

	const gradeItem = [...items].find((i) => gradeCodes.includes(i));
	let grade = null as null | {
		n: number | null;
		mean: number | null;
		failShare: number | null;
		hidden: Hidden;
		failExtreme?: Extreme;
		meanExtreme?: Extreme;
		segments: {
			key: string;
			n: number | null;
			mean: number | null;
			failShare: number | null;
			hidden: Hidden;
			failExtreme?: Extreme;
			meanExtreme?: Extreme;
		}[];
	};
	if (gradeItem) {
		const { stats, vis, masked, meanMasked } = summarise(gradeItem, true);
		const at = (id: string) => {
			const s = stats.get(id)!;
			const v = vis.get(id) ?? 'shown';
			const failExtreme = masked.get(id);
			const meanExtreme = meanMasked.get(id);
			if (v !== 'shown') return { n: null, mean: null, failShare: null, hidden: v };
			// An extreme % onvoldoende or mean as words (extremes.ts), each apart.
			return {
				n: s.n,
				mean: meanExtreme ? null : s.mean,
				failShare: failExtreme ? null : s.failShare,
				hidden: false as const,
				...(failExtreme ? { failExtreme } : {}),
				...(meanExtreme ? { meanExtreme } : {})
			};
		};
		grade = {
			...at(cellId(m, ALL)),
			segments: cats.segment.map((c) => ({ key: c, ...at(cellId(m, `segment:${c}`)) }))
		};
	}

	// Answer sets and invitations in the period, per gemeente.
	const answeredGrid = new Map<string, number>();
	for (const r of bySplit.segment)
		if (r.item === '*' && r.c === null) {
			answeredGrid.set(
				cellId(key(r.m), ALL),
				(answeredGrid.get(cellId(key(r.m), ALL)) ?? 0) + Number(r.n)
			);
		}
	for (const g of [...gemeenten, ALL])
		if (!answeredGrid.has(cellId(g, ALL))) answeredGrid.set(cellId(g, ALL), 0);
	const answeredVis = suppress(answeredGrid, [
		{ total: cellId(ALL, ALL), parts: gemeenten.map((g) => cellId(g, ALL)) }
	]);
	return {
		items: result,
		grade,
		categories: cats,
		answered: countCell(answeredGrid, answeredVis, m, ALL)
	};
}

const ITEM_ORDER = ['serious', 'together', 'easy', 'fits', 'closer', 'rights'];
export function itemOrder(a: string, b: string) {
	const ia = ITEM_ORDER.indexOf(a);
	const ib = ITEM_ORDER.indexOf(b);
	return (ia < 0 ? 99 : ia) - (ib < 0 ? 99 : ib) || a.localeCompare(b);
}
