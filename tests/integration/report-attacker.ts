// A careful reader of the published council report (issue #13, docs/REPORT.md "Suppression"):
// takes every view the app offers (four quarters, the calendar year, the quarter before, each
// gemeente and the whole dienst), writes down every relation between published counts that it
// can check on the visible figures (gemeenten add up to the total, categories add up to the
// table total, quarters add up to the year or the year is the last quarter, the bestand
// identity), and solves all of them together for the hidden cells, with what it knows of the
// suppression rule ("< 10" is 1–9, "verborgen" at least 10, for inflow and outflow (also in
// the bestand trend) and in a year view at least 1). A hidden cell whose
// value it pins down is a leak.
//
// Beside the counts it uses what shares and measures over the same population give away
// (issue #13, session 8): a share shown with its n gives the count k = share × n (the
// "helemaal eens" answers, the hits), and those counts add up like their n; k lies between 0
// and n; every bestand table counts the same people, and so do the uses by instrument and by
// segment; the effect within 6 months of a quarter
// and within 12 months of the quarter two later have the same cohort (n equal, k12 ≥ k6);
// answered invitations are at most the invitations, an item's answers at most the answer sets.

import { wilson } from '../../src/lib/server/report/indicators';
import { EXTREME_BAND, EXTREME_MIN_N } from '../../src/lib/server/report/extremes';

export interface View {
	/** 'Q:2025-Q1' … or 'Y:2025'. */
	view: string;
	/** Gemeente code or '*'. */
	selection: string;
	report: unknown;
	/** The same report without suppression, to check what the attacker finds. */
	truth: unknown;
}

interface Cell {
	id: string;
	known: number | null;
	lo: number;
	hi: number;
}

const UNBOUNDED = 1e9;
/** Cells holding a sum of euro cents, not a count (report/handhaving.ts). */
const AMOUNT =
	/^handhaving\.(amounts\.rows\.[^.]+\.cells\.cents|history\.points\.[^.]+\.\w+Cents)$/;

/** A count as the report publishes it; `lo`/`hi`: what the reader knows of a hidden one. */
export interface Published {
	n: number | null;
	hidden: unknown;
	lo?: number;
	hi?: number;
}

/**
 * What a reader knows of the k of a share masked by the extremes rule (report/extremes.ts):
 * "(bijna) niemand" is at most D, "(bijna) iedereen" at least n − D; "verborgen" beside a
 * shown n of at least N_MIN was hidden to protect another (neither extreme), below N_MIN it
 * may be either.
 */
function maskedK(extreme: string, n: number): { lo: number; hi: number } {
	if (extreme === 'none') return { lo: 0, hi: Math.min(EXTREME_BAND, n) };
	if (extreme === 'all') return { lo: Math.max(0, n - EXTREME_BAND), hi: n };
	return n >= EXTREME_MIN_N ? { lo: EXTREME_BAND + 1, hi: n - EXTREME_BAND - 1 } : { lo: 0, hi: n };
}

/** Every count cell of a report by path (arrays by their `key`/`code`). */
export function countCells(report: unknown): Map<string, Published> {
	const out = new Map<string, Published>();
	const walk = (v: unknown, path: string) => {
		if (!v || typeof v !== 'object') return;
		if (Array.isArray(v)) {
			v.forEach((x, i) => {
				const o = x as Record<string, unknown> | null;
				const name = o && typeof o === 'object' ? (o.key ?? o.code ?? i) : i;
				walk(x, `${path}.${String(name)}`);
			});
			return;
		}
		const o = v as Record<string, unknown>;
		if ('hidden' in o && 'n' in o) {
			out.set(path.slice(1), { n: o.n as number | null, hidden: o.hidden });
			// A share shown with its n is a count too: k = share × n.
			if ('share' in o && typeof o.extreme === 'string' && typeof o.n === 'number')
				out.set(`${path.slice(1)}.k`, {
					n: null,
					hidden: 'extreme',
					...maskedK(o.extreme, o.n)
				});
			else if ('share' in o)
				out.set(`${path.slice(1)}.k`, {
					n:
						typeof o.share === 'number' && typeof o.n === 'number'
							? Math.round(o.share * o.n)
							: o.hidden === false
								? 0
								: null,
					hidden: o.hidden
				});
		}
		for (const [k, x] of Object.entries(o))
			if (k !== 'norms' && k !== 'trend') walk(x, `${path}.${k}`);
	};
	walk(report, '');
	return out;
}

/** The quarters of a report's bestand trend, oldest first (none in an older report). */
function trendPoints(report: unknown): string[] {
	const r = report as { indicators?: { bestandTrend?: { points: { key: string }[] } } } | null;
	return r?.indicators?.bestandTrend?.points.map((p) => p.key) ?? [];
}

/** The table total a category cell adds up to, with the name of its family, or null. */
function categoryTotal(path: string): { family: string; total: string } | null {
	if (path.endsWith('.k')) {
		const t = categoryTotal(path.slice(0, -2));
		return t && { family: `${t.family}.k`, total: `${t.total}.k` };
	}
	let m = /^(.*)\.rows\.[^.]+\.cell$/.exec(path);
	if (m) return { family: `${m[1]}.rows`, total: `${m[1]}.total` };
	m = /^(.*)\.rows\.[^.]+\.cells\.(\w+)$/.exec(path);
	if (m) return { family: `${m[1]}.rows.${m[2]}`, total: `${m[1]}.total.cells.${m[2]}` };
	m = /^(.*)\.splits\.(\w+)\.[^.]+\.cell$/.exec(path);
	if (m) return { family: `${m[1]}.splits.${m[2]}`, total: `${m[1]}.total` };
	if (/^grade\.segments\.[^.]+$/.test(path)) return { family: 'grade.segments', total: 'grade' };
	return null;
}

/** A path without its category, so one table's cells share a family. */
const familyOf = (path: string) =>
	path
		.replace(/\.(rows|segments)\.[^.]+/, '.$1.*')
		.replace(/\.splits\.(\w+)\.[^.]+/, '.splits.$1.*');

interface Equation {
	family: string;
	/** Cells with coefficients; the sum is 0. */
	terms: [string, number][];
	/**
	 * True by definition (an inequality written with a slack cell ≥ 0): used without being
	 * confirmed on the visible figures.
	 */
	definition?: boolean;
}

/** A slack cell: what makes an inequality an equation (not a figure, never "recovered"). */
const SLACK = 'S:';

export interface Attack {
	hiddenCells: number;
	equations: number;
	/** Hidden cells the attacker pinned down, with the value it found. */
	recovered: { id: string; value: number; by: string }[];
	/**
	 * What it could tell of every hidden cell: the bounds interval propagation left (a sum of
	 * euros narrowed to within a few euros is as good as found, docs/REPORT.md "Sums of euros").
	 */
	bounds: Map<string, { lo: number; hi: number }>;
}

/**
 * Solves all views together. `quarters` are the four quarters of `year` in order, `before`
 * the quarter before the first.
 */
export function attack(views: View[], year: string, quarters: string[], before: string): Attack {
	const cells = new Map<string, Cell>();
	const paths = new Set<string>();
	const selections = new Set<string>();
	const truth = new Map<string, number>();
	for (const v of views) {
		selections.add(v.selection);
		for (const [p, c] of countCells(v.truth)) truth.set(`${v.view}|${v.selection}|${p}`, c.n ?? 0);
		for (const [p, c] of countCells(v.report)) {
			paths.add(p);
			const id = `${v.view}|${v.selection}|${p}`;
			if (c.hidden === false) cells.set(id, { id, known: c.n ?? 0, lo: c.n ?? 0, hi: c.n ?? 0 });
			// A masked share's k (extremes.ts): the band its words give.
			else if (c.lo !== undefined && c.hi !== undefined)
				cells.set(id, { id, known: null, lo: c.lo, hi: c.hi });
			// What the published rule says of a hidden cell: "< 10" is 1–9; "verborgen" is 10 or
			// more, except for inflow and outflow and in a year, where it only says "at least 1".
			else {
				const flow =
					/^(bestand|indicators\.bestandTrend\.points\.[^.]+)\.(inflow|outflow)$/.test(p) ||
					v.view.startsWith('Y:');
				// Inflow and outflow: "verborgen" may also be 0 (flows.ts `protectFlows`).
				// A share's k is only known to lie between 0 and n ("< 10": at most 9).
				const lo = p.endsWith('.k')
					? 0
					: c.hidden === 'secondary' && !flow
						? 10
						: /^(bestand|indicators\.bestandTrend\.points\.[^.]+)\.(inflow|outflow)$/.test(p)
							? 0
							: 1;
				// A hidden sum of euros (handhaving) says only that its besluiten are at least one
				// cent: "< 10" bounds the count behind it, not the amount.
				if (AMOUNT.test(p)) cells.set(id, { id, known: null, lo: 1, hi: UNBOUNDED });
				else cells.set(id, { id, known: null, lo, hi: c.hidden === 'primary' ? 9 : UNBOUNDED });
			}
		}
	}
	// A cell a view does not publish (a row of zeros left out) is 0.
	const cell = (id: string): Cell => cells.get(id) ?? { id, known: 0, lo: 0, hi: 0 };
	const viewNames = [...new Set(views.map((v) => v.view))];
	const equations: Equation[] = [];
	const others = [...selections].filter((s) => s !== '*');
	const gemeenteViews = (view: string) => views.some((v) => v.view === view);
	for (const view of viewNames) {
		if (!gemeenteViews(view)) continue;
		for (const p of paths) {
			// The gemeenten add up to the whole dienst.
			equations.push({
				family: `gemeenten:${familyOf(p)}`,
				terms: [
					[`${view}|*|${p}`, -1],
					...others.map((s): [string, number] => [`${view}|${s}|${p}`, 1])
				]
			});
		}
		// The categories add up to the table's total.
		const groups = new Map<string, { total: string; parts: string[] }>();
		for (const p of paths) {
			const t = categoryTotal(p);
			if (!t) continue;
			const g = groups.get(t.family) ?? { total: t.total, parts: [] };
			g.parts.push(p);
			groups.set(t.family, g);
		}
		for (const s of selections)
			for (const [family, g] of groups)
				equations.push({
					family: `categories:${family}`,
					terms: [
						[`${view}|${s}|${g.total}`, -1],
						...g.parts.map((p): [string, number] => [`${view}|${s}|${p}`, 1])
					]
				});
	}
	// The year against its quarters: the sum (flows, answers) or the last one (stocks).
	for (const s of selections)
		for (const p of paths) {
			equations.push({
				family: `year-sum:${familyOf(p)}`,
				terms: [
					[`Y:${year}|${s}|${p}`, -1],
					...quarters.map((q): [string, number] => [`Q:${q}|${s}|${p}`, 1])
				]
			});
			equations.push({
				family: `year-last:${familyOf(p)}`,
				terms: [
					[`Y:${year}|${s}|${p}`, -1],
					[`Q:${quarters[3]}|${s}|${p}`, 1]
				]
			});
		}
	// The bestand identity: size(t) = size(t−1) + inflow(t) − outflow(t).
	const chain = [before, ...quarters];
	for (const s of selections)
		for (let i = 1; i < chain.length; i++)
			equations.push({
				family: 'bestand-identity',
				terms: [
					[`Q:${chain[i]}|${s}|bestand.segment.total.cells.n`, -1],
					[`Q:${chain[i - 1]}|${s}|bestand.segment.total.cells.n`, 1],
					[`Q:${chain[i]}|${s}|bestand.inflow`, 1],
					[`Q:${chain[i]}|${s}|bestand.outflow`, -1]
				]
			});

	// The trend: a share with its Wilson interval gives back n (the interval's width depends on
	// n), so every trend point shown is a published count of the quarter's item total.
	const inViews = new Set(viewNames);
	for (const v of views)
		for (const { id, quarter, path, n, k } of trendCounts(v)) {
			if (!inViews.has(`Q:${quarter}`)) continue;
			// The point's n, and its k = share × n.
			for (const [suffix, value] of [
				['', n],
				['.k', k]
			] as const) {
				cells.set(id + suffix, { id: id + suffix, known: value, lo: value, hi: value });
				equations.push({
					family: `trend${suffix}`,
					terms: [
						[id + suffix, -1],
						[`Q:${quarter}|${v.selection}|${path}${suffix}`, 1]
					]
				});
			}
		}

	// The bestand trend (issue #13 §7): each point is that quarter's bestand figure, and the
	// points follow the bestand identity among themselves.
	const FLOW_OF = {
		size: 'bestand.segment.total.cells.n',
		inflow: 'bestand.inflow',
		outflow: 'bestand.outflow'
	};
	for (const v of views) {
		const points = trendPoints(v.report);
		for (const [i, q] of points.entries()) {
			const at = (name: string, quarter = q) =>
				`${v.view}|${v.selection}|indicators.bestandTrend.points.${quarter}.${name}`;
			if (viewNames.includes(`Q:${q}`))
				for (const [name, path] of Object.entries(FLOW_OF))
					equations.push({
						family: `trend-vs-quarter:${name}`,
						terms: [
							[at(name), 1],
							[`Q:${q}|${v.selection}|${path}`, -1]
						]
					});
			if (i > 0)
				equations.push({
					family: 'trend-identity',
					terms: [
						[at('size'), -1],
						[at('size', points[i - 1]), 1],
						[at('inflow'), 1],
						[at('outflow'), -1]
					]
				});
		}
	}

	// Relations between measures (see the header): written for every view and selection.
	const slack = (name: string): [string, number] => {
		const id = `${SLACK}${name}`;
		cells.set(id, { id, known: null, lo: 0, hi: UNBOUNDED });
		return [id, 1];
	};
	/** x ≤ y, as y − x − slack = 0. */
	const atMost = (family: string, x: string, y: string) => {
		if (!cells.has(x) || !cells.has(y)) return;
		equations.push({
			family,
			definition: true,
			terms: [
				[y, 1],
				[x, -1],
				[slack(`${x}≤${y}`)[0], -1]
			]
		});
	};
	const BESTAND_TABLES = ['segment', 'age', 'duration', 'statushouder'];
	const viewOf = new Map(views.map((v) => [`${v.view}|${v.selection}`, v]));
	for (const v of views) {
		const at = (p: string) => `${v.view}|${v.selection}|${p}`;
		// Every share's k is at most its n.
		for (const p of paths) if (p.endsWith('.k')) atMost('share-within', at(p), at(p.slice(0, -2)));
		// Every bestand table counts the same people.
		for (const t of BESTAND_TABLES.slice(1))
			if (paths.has(`bestand.${t}.total.cells.n`))
				equations.push({
					family: 'bestand-tables',
					terms: [
						[at(`bestand.${t}.total.cells.n`), 1],
						[at('bestand.segment.total.cells.n'), -1]
					]
				});
		// The uses by instrument and by segment are the same uses.
		for (const p of paths) {
			const m = /^uses\.byInstrument\.total\.cells\.(\w+)$/.exec(p);
			if (m)
				equations.push({
					family: 'uses-tables',
					terms: [
						[at(p), 1],
						[at(`uses.bySegment.total.cells.${m[1]}`), -1]
					]
				});
		}
		atMost('invited-answered', at('methods.invitedAnswered'), at('methods.invited'));
		for (const p of paths)
			if (/^satisfaction\.[^.]+\.total$/.test(p))
				atMost('item-answers', at(p), at('methods.answered'));
		// The cohort of "within 6 months" in quarter q is that of "within 12 months" in q + 2.
		if (v.view.startsWith('Q:')) {
			const q = v.view.slice(2);
			const later = [before, ...quarters].indexOf(q);
			const q2 = later >= 0 ? [before, ...quarters][later + 2] : undefined;
			if (q2 && viewOf.has(`Q:${q2}|${v.selection}`))
				for (const p of paths) {
					const m = /^effect\.within6\.(.*)$/.exec(p);
					if (!m) continue;
					const other = `Q:${q2}|${v.selection}|effect.within12.${m[1]}`;
					if (p.endsWith('.k')) atMost('cohort-k', at(p), other);
					else
						equations.push({
							family: 'cohort',
							terms: [
								[at(p), 1],
								[other, -1]
							]
						});
				}
		}
	}

	// Handhaving (issue #13 §7): the maatregelen by band add up to the maatregelen by ground,
	// and each point of the handhaving trend is that quarter's published cell.
	const grounds = [...paths].filter((p) => /^handhaving\.rows\.maatregel_\w+\.cells\.n$/.test(p));
	for (const v of views) {
		const at = (p: string) => `${v.view}|${v.selection}|${p}`;
		equations.push({
			family: 'handhaving-bands-vs-grounds',
			terms: [
				[at('handhaving.bands.total.cells.n'), -1],
				...grounds.map((p): [string, number] => [at(p), 1])
			]
		});
		const points =
			(v.report as { handhaving?: { history?: { points: { key: string }[] } } } | null)?.handhaving
				?.history?.points ?? [];
		const SAME = {
			maatregel: 'handhaving.bands.total.cells.n',
			boete: 'handhaving.rows.boete.cells.n',
			terugvordering: 'handhaving.rows.terugvordering.cells.n',
			boeteCents: 'handhaving.amounts.rows.boete.cells.cents',
			terugvorderingCents: 'handhaving.amounts.rows.terugvordering.cells.cents'
		};
		for (const { key: q } of points) {
			if (!viewNames.includes(`Q:${q}`)) continue;
			for (const [name, path] of Object.entries(SAME))
				equations.push({
					family: `handhaving-trend-vs-quarter:${name}`,
					terms: [
						[at(`handhaving.history.points.${q}.${name}`), 1],
						[`Q:${q}|${v.selection}|${path}`, -1]
					]
				});
		}
	}

	// Keep only the families the visible figures confirm (an instance with every cell shown,
	// not all zero) and never contradict: what an attacker can check.
	const broken = new Set<string>();
	const confirmed = new Set<string>();
	for (const e of equations) {
		const all = e.terms.map(([id]) => cell(id));
		if (all.every((c) => c.known !== null)) {
			const sum = e.terms.reduce((acc, [id, a]) => acc + a * cell(id).known!, 0);
			if (sum !== 0) broken.add(e.family);
			else if (all.some((c) => c.known !== 0)) confirmed.add(e.family);
		}
	}
	// Sums of euros add up over gemeenten and quarters by what they are ("totaal bedrag"): the
	// reader needs no shown instance to trust those relations (sums are rarely all shown).
	for (const e of equations)
		if (/^(gemeenten|year-sum|handhaving-trend-vs-quarter):.*(amounts|Cents)/.test(e.family))
			confirmed.add(e.family);
	let usable = equations.filter(
		(e) =>
			(e.definition || (confirmed.has(e.family) && !broken.has(e.family))) &&
			e.terms.some(([id]) => cell(id).known === null)
	);
	for (const e of usable) for (const [id] of e.terms) if (!cells.has(id)) cells.set(id, cell(id));
	const start = new Map([...cells].map(([id, c]) => [id, { ...c }]));

	// A family that makes the bounds contradict each other held by chance: drop it and retry.
	let why = new Map<string, string>();
	for (;;) {
		for (const [id, c] of start) cells.set(id, { ...c });
		const result = propagate(usable, cells);
		if (!result.contradiction) {
			why = result.why;
			break;
		}
		usable = usable.filter((e) => e.family !== result.contradiction);
	}
	const determined = eliminate(usable, cells);
	// Only a value that is right counts (a relation that held by chance may mislead it).
	const recovered: { id: string; value: number; by: string }[] = [];
	for (const c of cells.values()) {
		if (c.known !== null || c.id.startsWith(SLACK)) continue;
		const value = c.lo === c.hi ? c.lo : determined.get(c.id);
		// A year's stock hidden by the year's own suppression is the fourth quarter's published
		// figure: no hidden figure.
		const [view, selection, path] = c.id.split('|') as [string, string, string];
		const q4 = view.startsWith('Y:')
			? cells.get(`Q:${quarters[3]}|${selection}|${path}`)
			: undefined;
		if (q4?.known !== undefined && q4.known !== null && q4.known === value) continue;
		if (value !== undefined && value === (truth.get(c.id) ?? 0))
			recovered.push({ id: c.id, value, by: why.get(c.id) ?? 'elimination' });
	}
	return {
		hiddenCells: [...cells.values()].filter((c) => c.known === null && !c.id.startsWith(SLACK))
			.length,
		equations: usable.length,
		recovered,
		bounds: new Map(
			[...cells.values()]
				.filter((c) => c.known === null && !c.id.startsWith(SLACK))
				.map((c) => [c.id, { lo: c.lo, hi: c.hi }])
		)
	};
}

interface TrendPoint {
	quarter: string;
	share: number | null;
	low: number | null;
	high: number | null;
	hidden: unknown;
}

/**
 * The n behind each shown trend point of a view, worked out from its share and Wilson interval
 * (the smallest n whose k = share × n is whole and whose interval is the published one).
 */
export function trendCounts(
	v: View
): { id: string; quarter: string; path: string; n: number; k: number }[] {
	const trend = (v.report as { trend?: { items: { code: string; points: TrendPoint[] }[] } })
		?.trend;
	const out: { id: string; quarter: string; path: string; n: number; k: number }[] = [];
	for (const item of trend?.items ?? [])
		for (const p of item.points) {
			if (p.hidden || p.share === null || p.low === null || p.high === null) continue;
			const n = nFromInterval(p.share, p.low, p.high);
			if (n === null) continue;
			out.push({
				id: `T:${v.view}|${v.selection}|${p.quarter}|${item.code}`,
				quarter: p.quarter,
				path: `satisfaction.${item.code}.total`,
				n,
				k: Math.round(p.share * n)
			});
		}
	return out;
}

function nFromInterval(share: number, low: number, high: number): number | null {
	for (let n = 1; n <= 100_000; n++) {
		const k = Math.round(share * n);
		if (Math.abs(k / n - share) > 1e-12) continue;
		const ci = wilson(k, n);
		if (ci && Math.abs(ci.low - low) < 1e-12 && Math.abs(ci.high - high) < 1e-12) return n;
	}
	return null;
}

/** Interval propagation: each equation bounds each of its unknowns by the others' bounds. */
function propagate(
	equations: Equation[],
	cells: Map<string, Cell>
): { why: Map<string, string>; contradiction?: string } {
	const why = new Map<string, string>();
	for (let round = 0, changed = true; changed && round < 200; round++) {
		changed = false;
		for (const e of equations) {
			for (const [id, a] of e.terms) {
				const c = cells.get(id)!;
				if (c.known !== null) continue;
				// a·x = −Σ others
				let lo = 0;
				let hi = 0;
				for (const [o, b] of e.terms) {
					if (o === id) continue;
					const d = cells.get(o)!;
					const [l, h] = b > 0 ? [b * d.lo, b * d.hi] : [b * d.hi, b * d.lo];
					lo -= h;
					hi -= l;
				}
				const [xl, xh] = a > 0 ? [lo / a, hi / a] : [hi / a, lo / a];
				const nl = Math.max(c.lo, Math.ceil(xl - 1e-9));
				const nh = Math.min(c.hi, Math.floor(xh + 1e-9));
				if (nl > nh) return { why, contradiction: e.family };
				if (nl > c.lo || nh < c.hi) {
					c.lo = nl;
					c.hi = nh;
					why.set(id, e.family);
					changed = true;
				}
			}
		}
	}
	return { why };
}

/**
 * Gaussian elimination over the unknowns (sparse rows): an unknown is determined when a row
 * of the reduced system holds it alone.
 */
function eliminate(equations: Equation[], cells: Map<string, Cell>): Map<string, number> {
	const rows: { coef: Map<string, number>; rhs: number }[] = [];
	for (const e of equations) {
		const coef = new Map<string, number>();
		let rhs = 0;
		for (const [id, a] of e.terms) {
			const c = cells.get(id)!;
			if (c.known !== null) rhs -= a * c.known;
			else coef.set(id, (coef.get(id) ?? 0) + a);
		}
		for (const [k, v] of coef) if (Math.abs(v) < 1e-12) coef.delete(k);
		if (coef.size) rows.push({ coef, rhs });
	}
	const pivots: { id: string; row: { coef: Map<string, number>; rhs: number } }[] = [];
	const byVar = new Map<string, Set<number>>();
	rows.forEach((r, i) => {
		for (const k of r.coef.keys()) (byVar.get(k) ?? byVar.set(k, new Set()).get(k)!).add(i);
	});
	const alive = new Set(rows.map((_, i) => i));
	// Pick the shortest row first so rows stay sparse.
	while (alive.size) {
		let best = -1;
		for (const i of alive) if (best < 0 || rows[i]!.coef.size < rows[best]!.coef.size) best = i;
		alive.delete(best);
		const r = rows[best]!;
		if (r.coef.size === 0) continue;
		const [pv, pc] = [...r.coef.entries()][0]!;
		for (const i of [...(byVar.get(pv) ?? [])]) {
			if (i === best || !alive.has(i)) continue;
			const o = rows[i]!;
			const f = o.coef.get(pv)! / pc;
			for (const [k, v] of r.coef) {
				const nv = (o.coef.get(k) ?? 0) - f * v;
				if (Math.abs(nv) < 1e-9) {
					o.coef.delete(k);
					byVar.get(k)?.delete(i);
				} else {
					if (!o.coef.has(k)) (byVar.get(k) ?? byVar.set(k, new Set()).get(k)!).add(i);
					o.coef.set(k, nv);
				}
			}
			o.rhs -= f * r.rhs;
		}
		pivots.push({ id: pv, row: r });
	}
	// Back-substitute: a pivot row whose other unknowns are all determined determines its own.
	const value = new Map<string, number>();
	for (let changed = true; changed;) {
		changed = false;
		for (const { id, row } of pivots) {
			if (value.has(id)) continue;
			let rhs = row.rhs;
			let free = false;
			for (const [k, v] of row.coef) {
				if (k === id) continue;
				if (value.has(k)) rhs -= v * value.get(k)!;
				else free = true;
			}
			if (!free) {
				value.set(id, Math.round(rhs / row.coef.get(id)!));
				changed = true;
			}
		}
	}
	return value;
}

/**
 * Figures worked out from a hidden cell (issue #13 §7): a rate, share or median shown beside a
 * hidden count would give it back (inflow = rate × size). Returns where that happens.
 */
export function derivedLeaks(report: unknown): string[] {
	type Cell = { n: number | null; hidden: unknown };
	const r = report as {
		bestand: {
			inflow: Cell;
			outflow: Cell;
			segment: { total: { cells: { n: Cell } } };
			duration: { rows: { key: string; cells: { n: Cell } }[] };
		};
		indicators?: {
			rates: { inflowRate: number | null; outflowRate: number | null };
			bestandTrend: {
				points: {
					key: string;
					size: Cell;
					inflow: Cell;
					outflow: Cell;
					inflowRate: number | null;
					outflowRate: number | null;
				}[];
			};
			answers: { key: string; cell: Cell; median: number | null }[];
			over4: { cell: Cell & { share: number | null } };
		};
	};
	const i = r.indicators;
	if (!i) return [];
	const leaks: string[] = [];
	const b = r.bestand;
	const hidden = (...cells: Cell[]) => cells.some((c) => c.hidden !== false);
	if (
		hidden(b.inflow, b.segment.total.cells.n) &&
		(i.rates.inflowRate !== null || i.rates.outflowRate !== null)
	)
		leaks.push('rates');
	if (hidden(b.outflow) && i.rates.outflowRate !== null) leaks.push('rates.outflow');
	for (const p of i.bestandTrend.points)
		if (hidden(p.size, p.inflow, p.outflow) && (p.inflowRate !== null || p.outflowRate !== null))
			leaks.push(`trend.${p.key}`);
	for (const a of i.answers)
		if (hidden(a.cell) && a.median !== null) leaks.push(`answers.${a.key}`);
	const over4 = b.duration.rows.find((x) => x.key === '4+')?.cells.n;
	if (over4 && hidden(over4) && i.over4.cell.share !== null) leaks.push('over4');
	return leaks;
}

/** Every share of a report by path, with its n (null in a trend point) and its figures. */
function shareCells(report: unknown) {
	type S = { n: number | null; share: number | null; low: number | null; high: number | null };
	const out = new Map<string, S>();
	const walk = (v: unknown, path: string) => {
		if (!v || typeof v !== 'object') return;
		if (Array.isArray(v)) {
			v.forEach((x, i) => {
				const o = x as Record<string, unknown> | null;
				const name = o && typeof o === 'object' ? (o.key ?? o.code ?? o.quarter ?? i) : i;
				walk(x, `${path}.${String(name)}`);
			});
			return;
		}
		const o = v as Record<string, unknown>;
		const num = (x: unknown) => (typeof x === 'number' ? x : null);
		if ('hidden' in o && 'share' in o)
			out.set(path.slice(1), {
				n: num(o.n),
				share: num(o.share),
				low: num(o.low),
				high: num(o.high)
			});
		// % onvoldoende of the rapportcijfer: a share of n without an interval.
		if ('hidden' in o && 'failShare' in o)
			out.set(`${path.slice(1)}.fail`, {
				n: num(o.n),
				share: num(o.failShare),
				low: null,
				high: null
			});
		// The mean rapportcijfer as a share of the way from 1 to 10: 0 is everyone a 1, 1 everyone
		// a 10 (extremes.ts GRADE).
		if ('hidden' in o && 'mean' in o)
			out.set(`${path.slice(1)}.mean`, {
				n: num(o.n),
				share: num(o.mean) === null ? null : (num(o.mean)! - 1) / 9,
				low: null,
				high: null
			});
		for (const [k, x] of Object.entries(o)) if (k !== 'norms') walk(x, `${path}.${k}`);
	};
	walk(report, '');
	return out;
}

/**
 * Shares the extremes rule leaves alone (docs/REPORT.md "Extreme shares"): worked out from
 * counts the report shows anyway (over 4 years, plans of the bestand) or about the service,
 * not about what a person answered or went through (answered within 2 working days).
 */
const NOT_SENSITIVE = /^indicators\.(over4|plans|answers)\./;

/**
 * Shares of 0% or 100% of a group of at least 10 (issue #13, report/extremes.ts) that a
 * reader learns: shown as 0% or 100%, with an interval that only 0% (low 0) or 100% (high
 * 1) has, as a trend point (the quarter's cell, so n ≥ 10), or with its k pinned by the
 * attacker (`recovered`). Returns where.
 */
export function extremeLeaks(views: View[], recovered: { id: string }[]): string[] {
	const pinnedK = new Set(recovered.map((r) => r.id));
	const leaks: string[] = [];
	for (const v of views) {
		const truth = shareCells(v.truth);
		for (const [p, c] of shareCells(v.report)) {
			if (NOT_SENSITIVE.test(p)) continue;
			const id = `${v.view}|${v.selection}|${p}`;
			const t = truth.get(p);
			const trendPoint = p.startsWith('trend.');
			// The truth of a trend point is its quarter's cell (n ≥ 10 where it is shown).
			const extreme = trendPoint
				? true
				: t !== undefined && t.n !== null && t.n >= 10 && (t.share === 0 || t.share === 1);
			if (!extreme) continue;
			if (c.share === 0 || c.share === 1 || c.low === 0 || c.high === 1 || pinnedK.has(`${id}.k`))
				leaks.push(id);
		}
	}
	return leaks;
}
