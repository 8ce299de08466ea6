import { sql } from 'drizzle-orm';
import type { Db } from '../db/open';
import { MAATREGEL_GROUNDS } from '../db/schema';
import { quartersEndingWith } from '../../quarters';
import { exactSum, perGemeenteSplits, rows, type Row } from './rows';
import { ALL, countCell, key, type CountCell, type Grid } from './cells';
import { cellId, suppress, type Line, type Visibility } from './suppression';
import { DOMINANCE_N, DOMINANCE_RULE, dominanceProtection, largestOf } from './dominance';
import type { ReportContext } from './context';
import type { Report } from './report';
import type { ReportTable, TableCell } from './report-tables';

// ── Handhaving ────────────────────────────────────────────────────────────────
// Besluiten in the period (issue #13 §7, docs/DOMAIN.md "Handhaving"): maatregelen by ground
// and by percentage band, boetes, terugvorderingen, counted in the quarter stored on the row
// when it was recorded (`counted_in_quarter`: the quarter of its day, or the first one not yet
// published when that quarter already was); a withdrawn one is not counted. The amounts of
// boetes and terugvorderingen are summed. One protected grid of counts per period: gemeenten ×
// (kinds, bands, the maatregelen subtotal) with their margins. The sums are their own table
// (gemeenten × boete, terugvordering; the gemeenten add up to the dienst), protected apart: a
// sum is hidden where its count is hidden (a sum of fewer than 10 besluiten is nearly one
// person's amount) and where the largest two clients' amounts are more than 85% of it (the
// dominance rule, dominance.ts), and further sums are hidden until no hidden one can be worked
// out, or narrowed to within its protection. The trend over eight quarters takes each quarter's
// own protected cells.

export const HANDHAVING_CATEGORIES = [
	...MAATREGEL_GROUNDS.map((g) => `maatregel_${g}` as const),
	'boete',
	'terugvordering'
] as const;

/**
 * Percentage bands of a maatregel (docs/DOMAIN.md "Handhaving"). Afstemmingsverordeningen set
 * lowerings by category of the gedraging, in the VNG model Afstemmingsverordening
 * Participatiewet, IOAW en IOAZ 20%, 50% and 100% of the norm for one month; Participatiewet
 * art. 18 lid 4 sets 100% for one to three months for arbeidsverplichtingen. The bands keep
 * those levels apart (a gemeente with other percentages falls in the band around them): a
 * written warning without lowering (0%), up to 20%, 21–50%, more than 50%.
 */
export const PERCENTAGE_BANDS = ['band_0', 'band_1_20', 'band_21_50', 'band_51_100'] as const;
export type PercentageBand = (typeof PERCENTAGE_BANDS)[number];

export function percentageBand(percentage: number): PercentageBand {
	if (percentage <= 0) return 'band_0';
	if (percentage <= 20) return 'band_1_20';
	if (percentage <= 50) return 'band_21_50';
	return 'band_51_100';
}

const MONEY = ['boete', 'terugvordering'] as const;
const MAATREGEL = 'maatregel';
const GROUND_CATS = HANDHAVING_CATEGORIES.filter((c) => c.startsWith('maatregel_'));
const ALL_CATS = [...HANDHAVING_CATEGORIES, ...PERCENTAGE_BANDS, MAATREGEL];
export const HANDHAVING_TREND_QUARTERS = 8;

/**
 * The lines a reader can add up: per gemeente (and the dienst) the kinds add up to all
 * besluiten, the grounds and the bands each add up to the maatregelen; per category the
 * gemeenten add up to the dienst.
 */
export function handhavingLines(gemeenten: string[]): Line[] {
	const lines: Line[] = [];
	for (const m of [...gemeenten, ALL]) {
		const at = (c: string) => cellId(m, c);
		lines.push({ total: at(ALL), parts: HANDHAVING_CATEGORIES.map(at) });
		lines.push({ total: at(MAATREGEL), parts: GROUND_CATS.map(at) });
		lines.push({ total: at(MAATREGEL), parts: PERCENTAGE_BANDS.map(at) });
	}
	for (const c of [...ALL_CATS, ALL])
		lines.push({ total: cellId(ALL, c), parts: gemeenten.map((m) => cellId(m, c)) });
	return lines;
}

/** The lines of the sums: per kind, the gemeenten add up to the dienst (no sum of both kinds). */
export function amountLines(gemeenten: string[]): Line[] {
	return MONEY.map((c) => ({ total: cellId(ALL, c), parts: gemeenten.map((m) => cellId(m, c)) }));
}

/**
 * The largest amounts per client in each sum of a gemeente (cell id → cents, any order; the
 * dominance rule needs the largest two). The dienst's are the largest of its gemeenten's: a
 * client belongs to one gemeente.
 */
export type Largest = Map<string, number[]>;

interface Protected {
	counts: Grid;
	cents: Grid;
	vis: Map<string, Visibility>;
	/** The sums' own verdict. */
	centsVis: Map<string, Visibility>;
}

/** Counts and sums of one period, each protected (the sums also where their count is hidden). */
export function protectHandhaving(
	list: Row[],
	gemeenten: string[],
	largest: Largest = new Map()
): Protected {
	const counts: Grid = new Map();
	const cents: Grid = new Map();
	for (const m of [...gemeenten, ALL])
		for (const c of [...ALL_CATS, ALL]) {
			counts.set(cellId(m, c), 0);
			cents.set(cellId(m, c), 0);
		}
	for (const r of list) {
		const id = cellId(key(r.m), key(r.c));
		if (!counts.has(id)) continue;
		counts.set(id, counts.get(id)! + Number(r.n ?? 0));
		cents.set(id, exactSum(cents.get(id)!, Number(r.cents ?? 0)));
	}
	for (const m of [...gemeenten, ALL])
		counts.set(
			cellId(m, MAATREGEL),
			GROUND_CATS.reduce((s, c) => s + counts.get(cellId(m, c))!, 0)
		);
	const vis = suppress(counts, handhavingLines(gemeenten));
	return { counts, cents, vis, centsVis: protectAmounts(cents, vis, gemeenten, largest) };
}

/**
 * The sums as their own table (docs/REPORT.md "Sums of euros"): hidden where the count is
 * hidden or the dominance rule finds the sum dominated; then the secondary suppression of
 * suppression.ts along the gemeenten, which also keeps a dominated sum's bounds at least its
 * protection away. Every hidden sum is "verborgen": "< 10" would tell which sums are hidden
 * for their count and so which for one large amount.
 */
function protectAmounts(
	cents: Grid,
	countVis: Map<string, Visibility>,
	gemeenten: string[],
	largest: Largest
): Map<string, Visibility> {
	const sums: Grid = new Map();
	const primary: string[] = [];
	const protection = new Map<string, number>();
	for (const c of MONEY)
		for (const m of [...gemeenten, ALL]) {
			const id = cellId(m, c);
			const total = cents.get(id) ?? 0;
			sums.set(id, total);
			const top =
				m === ALL
					? largestOf(gemeenten.map((g) => largest.get(cellId(g, c)) ?? []))
					: (largest.get(id) ?? []);
			const needed = dominanceProtection(total, top);
			if (needed > 0) protection.set(id, needed);
			if (needed > 0 || (countVis.get(id) ?? 'shown') !== 'shown') primary.push(id);
		}
	return suppress(sums, amountLines(gemeenten), { primary, protection, kinds: false });
}

/** A sum in cents as its own protection lets it be shown. */
function amountCell(p: Protected, m: string, c: string): CountCell {
	return countCell(p.cents, p.centsVis, m, c);
}

/** A period of the report (key 'P', or a trend quarter) and the quarters it is made of. */
interface Period {
	q: string;
	quarters: string[];
}

/** The pairs (period key, quarter) a besluit's counted_in_quarter is joined on. */
function periodQuarters(periods: Period[]) {
	return sql.join(
		periods.flatMap((p) => p.quarters.map((quarter) => sql`(${p.q}, ${quarter})`)),
		sql`, `
	);
}

/** The rows of the period (key 'P') and of each quarter, per gemeente and category. */
async function handhavingRows(db: Db, periods: Period[]) {
	const ranges = periodQuarters(periods);
	const { c, b } = await perGemeenteSplits(
		db,
		sql`select c.gemeente_id as m, r.q as q,
				case when h.kind = 'maatregel' then 'maatregel_' || h.ground else h.kind end as c,
				case when h.kind <> 'maatregel' then 'none'
					when h.percentage <= 0 then 'band_0'
					when h.percentage <= 20 then 'band_1_20'
					when h.percentage <= 50 then 'band_21_50'
					else 'band_51_100' end as b,
				h.amount_cents
			from handhaving h join client c on c.id = h.client_id
				join (values ${ranges}) r(q, quarter) on h.counted_in_quarter = r.quarter
			where h.withdrawn_on is null`,
		['c', 'b'],
		{ n: sql`count(*)`, cents: sql`coalesce(sum(amount_cents), 0)` },
		['q']
	);
	return [...c, ...b.filter((r) => r.c !== null && r.c !== 'none')];
}

/**
 * The largest amounts per client in each sum of a gemeente, per period key: the two largest
 * clients' totals of boetes and of terugvorderingen (a client with two besluiten in a period
 * contributes their sum: the rule protects people).
 */
async function largestAmounts(db: Db, periods: Period[]): Promise<Map<string, Largest>> {
	const ranges = periodQuarters(periods);
	const list = await rows(
		db,
		sql`select m, q, c, cents from (
				select cl.gemeente_id as m, r.q as q, h.kind as c,
					sum(h.amount_cents)::bigint as cents,
					row_number() over (partition by cl.gemeente_id, r.q, h.kind
						order by sum(h.amount_cents) desc) as place
				from handhaving h join client cl on cl.id = h.client_id
					join (values ${ranges}) r(q, quarter) on h.counted_in_quarter = r.quarter
				where h.withdrawn_on is null and h.kind in ('boete', 'terugvordering')
				group by cl.gemeente_id, r.q, h.kind, h.client_id
			) x where place <= ${DOMINANCE_N}`
	);
	const out = new Map<string, Largest>();
	for (const r of list) {
		const byCell = out.get(String(r.q)) ?? new Map<string, number[]>();
		const id = cellId(String(r.m), String(r.c));
		byCell.set(id, [...(byCell.get(id) ?? []), exactSum(0, Number(r.cents))]);
		out.set(String(r.q), byCell);
	}
	return out;
}

export interface HandhavingPoint {
	key: string;
	maatregel: CountCell;
	boete: CountCell;
	terugvordering: CountCell;
	boeteCents: CountCell;
	terugvorderingCents: CountCell;
}

export async function handhavingCounts(db: Db, ctx: ReportContext) {
	const last = ctx.quarters[ctx.quarters.length - 1]!;
	const quarters = quartersEndingWith(last, HANDHAVING_TREND_QUARTERS);
	const periods: Period[] = [
		{ q: 'P', quarters: ctx.quarters },
		...quarters.map((q) => ({ q, quarters: [q] }))
	];
	const [list, largest] = await Promise.all([
		handhavingRows(db, periods),
		largestAmounts(db, periods)
	]);
	const gemeenten = ctx.gemeenten.map((g) => g.id);
	const m = ctx.selected?.id ?? ALL;
	const of = (q: string) =>
		protectHandhaving(
			list.filter((r) => r.q === q),
			gemeenten,
			largest.get(q)
		);
	const period = of('P');
	const row = (p: Protected, c: string) => ({
		key: c,
		cells: { n: countCell(p.counts, p.vis, m, c) }
	});
	const points: HandhavingPoint[] = quarters.map((q) => {
		const p = of(q);
		return {
			key: q,
			maatregel: countCell(p.counts, p.vis, m, MAATREGEL),
			boete: countCell(p.counts, p.vis, m, 'boete'),
			terugvordering: countCell(p.counts, p.vis, m, 'terugvordering'),
			boeteCents: amountCell(p, m, 'boete'),
			terugvorderingCents: amountCell(p, m, 'terugvordering')
		};
	});
	return {
		// Every category is a row, also at 0.
		rows: HANDHAVING_CATEGORIES.map((c) => row(period, c)),
		total: row(period, ALL),
		bands: {
			rows: PERCENTAGE_BANDS.map((c) => row(period, c)),
			total: { key: ALL, cells: { n: countCell(period.counts, period.vis, m, MAATREGEL) } }
		},
		// No total of boetes and terugvorderingen together: it is no line of the sums' table.
		amounts: {
			/** The rule the sums were protected by: a report frozen without it shows none. */
			rule: DOMINANCE_RULE,
			rows: MONEY.map((c) => ({ key: c, cells: { cents: amountCell(period, m, c) } }))
		},
		history: { points }
	};
}

type Handhaving = Awaited<ReturnType<typeof handhavingCounts>>;
type T = (key: string, options?: Record<string, unknown>) => string;

const count = (c: CountCell | undefined): TableCell =>
	!c ? { t: 'none' } : c.hidden ? { t: 'hidden', why: c.hidden } : { t: 'count', v: c.n ?? 0 };
const euro = (c: CountCell | undefined): TableCell =>
	!c ? { t: 'none' } : c.hidden ? { t: 'hidden', why: c.hidden } : { t: 'euro', cents: c.n ?? 0 };

/**
 * The tables for the page and the CSV: none for a report frozen before handhaving existed, only
 * the first for one frozen before the bands, amounts and trend.
 */
export function handhavingTables(r: Report, t: T): ReportTable[] {
	const h = r.handhaving as Partial<Handhaving> | undefined;
	if (!h?.rows || !h.total) return [];
	const text = (v: string): TableCell => ({ t: 'text', v });
	const tables: ReportTable[] = [
		{
			id: 'handhaving',
			section: 'handhaving',
			title: t('report.handhaving.title'),
			columns: [t('report.col.besluit'), t('report.col.count')],
			rows: [
				...h.rows.map((row) => [
					text(t(`report.category.handhaving.${row.key}`)),
					count(row.cells.n)
				]),
				[text(t('report.category.all')), count(h.total.cells.n)]
			]
		}
	];
	if (h.bands)
		tables.push({
			id: 'handhaving-bands',
			section: 'handhaving',
			title: t('report.handhaving.bandsTitle'),
			columns: [t('report.handhaving.band'), t('report.col.count')],
			rows: [
				...h.bands.rows.map((row) => [
					text(t(`report.category.handhavingBand.${row.key}`)),
					count(row.cells.n)
				]),
				[text(t('report.handhaving.allMaatregelen')), count(h.bands.total.cells.n)]
			]
		});
	if (h.amounts)
		tables.push({
			id: 'handhaving-amounts',
			section: 'handhaving',
			title: t('report.handhaving.amountsTitle'),
			columns: [t('report.col.besluit'), t('report.handhaving.amount')],
			rows: h.amounts.rows.map((row) => [
				text(t(`report.category.handhaving.${row.key}`)),
				euro(row.cells.cents)
			])
		});
	if (h.history)
		tables.push({
			id: 'handhaving-trend',
			section: 'handhaving',
			title: t('report.handhaving.trendTitle'),
			columns: [
				t('report.col.quarter'),
				t('report.handhaving.trendCol.maatregel'),
				t('report.handhaving.trendCol.boete'),
				t('report.handhaving.trendCol.boeteAmount'),
				t('report.handhaving.trendCol.terugvordering'),
				t('report.handhaving.trendCol.terugvorderingAmount')
			],
			rows: h.history.points.map((p) => [
				text(p.key),
				count(p.maatregel),
				count(p.boete),
				euro(p.boeteCents),
				count(p.terugvordering),
				euro(p.terugvorderingCents)
			])
		});
	return tables;
}

const HIDDEN: CountCell = { n: null, hidden: 'secondary' };

/**
 * A trend point as its quarter's frozen report (report_snapshot) published it, so a besluit
 * recorded or withdrawn later never makes the trend differ from that report. A figure the
 * frozen report did not have (frozen before the bands and amounts) is not shown: building it
 * now could undo that report's suppression. Nor is a sum the frozen report protected by
 * another rule than today's dominance rule (before it existed: a dominated sum could be shown).
 */
export function frozenHandhavingPoint(frozen: Report, point: HandhavingPoint): HandhavingPoint {
	const h = frozen.handhaving as Partial<Handhaving> | undefined;
	const kind = (c: string) => h?.rows?.find((r) => r.key === c)?.cells.n ?? HIDDEN;
	const checked = h?.amounts?.rule === DOMINANCE_RULE;
	const cents = (c: string) =>
		(checked && h?.amounts?.rows.find((r) => r.key === c)?.cells.cents) || HIDDEN;
	return {
		key: point.key,
		maatregel: h?.bands?.total.cells.n ?? HIDDEN,
		boete: kind('boete'),
		terugvordering: kind('terugvordering'),
		boeteCents: cents('boete'),
		terugvorderingCents: cents('terugvordering')
	};
}

/**
 * A published report as today's rule lets it be read: its sums of euros hidden (amounts and
 * trend) when it was frozen before the dominance rule or under another one. Its counts stay as
 * frozen. For a report read from report_snapshot (page, CSV, the year built on its quarters).
 */
export function uncheckedAmountsHidden(r: Report): Report {
	const h = r.handhaving as Partial<Handhaving> | undefined;
	if (!h?.amounts || h.amounts.rule === DOMINANCE_RULE) return r;
	return {
		...r,
		handhaving: {
			...(h as Handhaving),
			amounts: {
				rule: DOMINANCE_RULE,
				rows: h.amounts.rows.map((row) => ({ ...row, cells: { cents: HIDDEN } }))
			},
			...(h.history && {
				history: {
					points: h.history.points.map((p) => ({
						...p,
						boeteCents: HIDDEN,
						terugvorderingCents: HIDDEN
					}))
				}
			})
		}
	};
}
