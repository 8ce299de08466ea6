import type { Colour, CountCell, Hidden, Report, ShareCell } from './report';
import { METHOD_FACTS, type MethodFact } from '$lib/report-methods';
import { NORM_INDICATORS } from './norms';
import { USE_MEASURES } from './instruments';
import { indicatorTables } from './indicator-tables';
import { handhavingTables } from './handhaving';
import type { Extreme } from './extremes';
import { intlLocale, SOURCE_LANGUAGE, type Language } from '$lib/i18n/languages';
import { DATE_LOCALES } from '$lib/date-locales';
import { formatNumber } from '$lib/date-format';
import { normThreshold } from '$lib/report-numbers';
import type { ReaderLabel, ReaderLabels } from './reader-labels';

// Every table of the council report, in one shape for the page and for the CSV export, so
// what is printed, shown and downloaded is always the same (and equally suppressed).

export type TableCell =
	/** `nl`: the part of `v` left in Dutch for want of a translation (lang="nl" on the page). */
	| { t: 'text'; v: string; nl?: string }
	| { t: 'count'; v: number }
	/** An amount in euro cents. */
	| { t: 'euro'; cents: number }
	| { t: 'pct'; v: number }
	| { t: 'interval'; low: number; high: number }
	| { t: 'grade'; v: number }
	| { t: 'hidden'; why: Exclude<Hidden, false> }
	/**
	 * An extreme share of a sensitive outcome: "(bijna) niemand" / "(bijna) iedereen"; an
	 * extreme mean rapportcijfer: "(bijna) iedereen een 10" / "… een 1".
	 */
	| { t: 'extreme'; v: 'none' | 'all' | 'grade10' | 'grade1' }
	| { t: 'none' }
	| { t: 'norm'; colour: Colour['colour']; rule: string };

export interface ReportTable {
	id: string;
	section: 'methods' | 'satisfaction' | 'uses' | 'effect' | 'bestand' | 'service' | 'handhaving';
	title: string;
	columns: string[];
	rows: TableCell[][];
}

type T = (key: string, options?: Record<string, unknown>) => string;

const text = (v: string): TableCell => ({ t: 'text', v });
// A cell may be missing in a report frozen before it was defined (report_snapshot): 'none'.
const count = (c: CountCell | undefined): TableCell =>
	!c ? { t: 'none' } : c.hidden ? { t: 'hidden', why: c.hidden } : { t: 'count', v: c.n ?? 0 };
/** A masked share (extremes.ts) as its words, or "verborgen". */
export const extremeCell = (e: Extreme): TableCell =>
	e === 'hidden' ? { t: 'hidden', why: 'secondary' } : { t: 'extreme', v: e };
/** A masked mean rapportcijfer (extremes.ts GRADE): 'all' is everyone a 10, 'none' a 1. */
const meanCell = (mean: number | null, e: Extreme | undefined): TableCell =>
	e
		? e === 'hidden'
			? { t: 'hidden', why: 'secondary' }
			: { t: 'extreme', v: e === 'all' ? 'grade10' : 'grade1' }
		: mean === null
			? { t: 'none' }
			: { t: 'grade', v: mean };
const pct = (c: ShareCell | undefined): TableCell =>
	!c
		? { t: 'none' }
		: c.hidden
			? { t: 'hidden', why: c.hidden }
			: c.extreme
				? extremeCell(c.extreme)
				: c.share === null
					? { t: 'none' }
					: { t: 'pct', v: c.share };
// A masked share has no interval (one ending at 0% or 100% would give it away).
const interval = (c: ShareCell | undefined): TableCell =>
	!c
		? { t: 'none' }
		: c.hidden
			? { t: 'hidden', why: c.hidden }
			: c.low === null || c.high === null
				? { t: 'none' }
				: { t: 'interval', low: c.low, high: c.high };
const nOf = (c: ShareCell | undefined): TableCell =>
	!c ? { t: 'none' } : c.hidden ? { t: 'hidden', why: c.hidden } : { t: 'count', v: c.n ?? 0 };

/**
 * The rule written out in the reader's language `lang` (the language of `t`), e.g. "Groen bij
 * 80% of meer, oranje vanaf 70%, rood daaronder."; a rapportcijfer as that reader writes it
 * (7,0 in Dutch, 7.0 in English).
 */
export function normRule(t: T, colour: Colour, lang: Language): string {
	const unit = NORM_INDICATORS.find((i) => i.code === colour.norm.indicator)?.unit ?? 'pct';
	const number = (v: number, digits = 0) => formatNumber(DATE_LOCALES[lang], v, digits);
	return t(colour.norm.higherIsBetter ? 'report.norms.ruleHigher' : 'report.norms.ruleLower', {
		green: normThreshold(t, number, unit, colour.norm.green),
		orange: normThreshold(t, number, unit, colour.norm.orange)
	});
}

const norm = (t: T, c: Colour | null, lang: Language): TableCell =>
	c ? { t: 'norm', colour: c.colour, rule: normRule(t, c, lang) } : { t: 'none' };

/** A text cell holding `label` (in `template` when given), its Dutch part marked. */
const labelled = (label: ReaderLabel, template = (s: string) => s): TableCell =>
	label.lang ? { t: 'text', v: template(label.text), nl: label.text } : text(template(label.text));

/** An instrument's name: the reader's (`labels`, the page) or the report's Dutch (the CSV). */
function instrumentLabel(t: T, r: Report, key: string, labels?: ReaderLabels): ReaderLabel {
	const name = r.instrumentNames[key];
	if (name === undefined) return { text: t('report.category.noInstrument') };
	return labels?.instruments[key] ?? { text: name };
}

export function categoryLabel(
	t: T,
	r: Report,
	split: string,
	key: string,
	labels?: ReaderLabels
): string {
	if (split === 'instrument') return instrumentLabel(t, r, key, labels).text;
	if (key === 'none') return t('report.category.none');
	return t(`report.category.${split}.${key.replace(/[^a-z0-9]/gi, '_')}`);
}

/**
 * The label of each group of the satisfaction splits by key, as the CSV names it (for the page),
 * and the instruments in the reader's alphabetical order: sorted here, on the server, because a
 * browser collates by its own language (an Arabic phone moved the rows once the page's scripts
 * ran) and may lack the reader's.
 */
export function splitLabels(
	t: T,
	r: Report,
	lang: Language = SOURCE_LANGUAGE,
	reader?: ReaderLabels
) {
	const labels = (split: 'segment' | 'language' | 'instrument' | 'trigger') =>
		Object.fromEntries(
			// A report frozen before the trigger split has none (report_snapshot).
			(r.satisfaction[0]?.splits[split] ?? []).map((s) => [
				s.key,
				categoryLabel(t, r, split, s.key, reader)
			])
		);
	const instrument = labels('instrument');
	const collator = new Intl.Collator(intlLocale(lang));
	return {
		segment: labels('segment'),
		language: labels('language'),
		instrument,
		trigger: labels('trigger'),
		instrumentOrder: Object.keys(instrument).sort((a, b) =>
			collator.compare(instrument[a]!, instrument[b]!)
		)
	};
}

/**
 * Every table of the report in the reader's language: `t` translates into `lang`, which also
 * writes the norms' thresholds (the figures themselves are written by the page or the CSV).
 * `labels`: the statements and instrument names in the reader's language (the page); without
 * them, the report's Dutch ones (the CSV).
 */
export function reportTables(
	r: Report,
	t: T,
	lang: Language = SOURCE_LANGUAGE,
	labels?: ReaderLabels
): ReportTable[] {
	const tables: ReportTable[] = [];
	const itemText = (code: string) =>
		labelled(labels?.items[code] ?? { text: r.itemTexts[code] ?? code });
	const m = r.methods;
	const methodCell: Record<MethodFact, TableCell> = {
		invited: count(m.invited),
		invitedAnswered: count(m.invitedAnswered),
		answered: count(m.answered),
		responseRate: m.responseRate === null ? { t: 'none' } : { t: 'pct', v: m.responseRate },
		late: count(m.late)
	};

	tables.push({
		id: 'methods',
		section: 'methods',
		title: t('report.methods.title'),
		columns: [t('report.col.figure'), t('report.col.value')],
		rows: [
			...METHOD_FACTS.map((fact) => [text(t(`report.methods.${fact}`)), methodCell[fact]]),
			...m.versions.map((v) => [
				text(
					t('report.methods.version', {
						trigger: t(`report.trigger.${v.trigger}`),
						version: v.version
					})
				),
				text(t('report.methods.used'))
			])
		]
	});

	tables.push({
		id: 'satisfaction',
		section: 'satisfaction',
		title: t('report.satisfaction.table'),
		columns: [
			t('report.col.item'),
			t('report.col.agree'),
			t('report.col.interval'),
			t('report.col.n'),
			t('report.col.norm')
		],
		rows: r.satisfaction.map((i) => [
			itemText(i.code),
			pct(i.total),
			interval(i.total),
			nOf(i.total),
			norm(t, i.colour, lang)
		])
	});

	if (r.grade) {
		const g = r.grade;
		const hidden = g.hidden ? ({ t: 'hidden', why: g.hidden } as TableCell) : null;
		tables.push({
			id: 'grade',
			section: 'satisfaction',
			title: t('report.grade.title'),
			columns: [
				t('report.col.group'),
				t('report.grade.mean'),
				t('report.grade.fail'),
				t('report.col.n')
			],
			rows: [
				[
					text(t('report.category.all')),
					hidden ?? meanCell(g.mean, g.meanExtreme),
					hidden ??
						(g.failExtreme
							? extremeCell(g.failExtreme)
							: g.failShare === null
								? { t: 'none' }
								: { t: 'pct', v: g.failShare }),
					hidden ?? { t: 'count', v: g.n ?? 0 }
				],
				...g.segments.map((s) => {
					const h = s.hidden ? ({ t: 'hidden', why: s.hidden } as TableCell) : null;
					return [
						text(categoryLabel(t, r, 'segment', s.key)),
						h ?? meanCell(s.mean, s.meanExtreme),
						h ??
							(s.failExtreme
								? extremeCell(s.failExtreme)
								: s.failShare === null
									? ({ t: 'none' } as TableCell)
									: { t: 'pct' as const, v: s.failShare }),
						h ?? { t: 'count' as const, v: s.n ?? 0 }
					];
				})
			]
		});
		if (r.grade.colourMean || r.grade.colourFail) {
			tables.push({
				id: 'grade-norms',
				section: 'satisfaction',
				title: t('report.grade.norms'),
				columns: [t('report.col.figure'), t('report.col.norm')],
				rows: [
					[text(t('report.grade.mean')), norm(t, r.grade.colourMean, lang)],
					[text(t('report.grade.fail')), norm(t, r.grade.colourFail, lang)]
				]
			});
		}
	}

	for (const split of ['segment', 'language', 'instrument', 'trigger'] as const) {
		// A report frozen before the trigger split has none (report_snapshot).
		const keys = r.satisfaction[0]?.splits[split]?.map((s) => s.key) ?? [];
		if (keys.length === 0) continue;
		tables.push({
			id: `satisfaction-${split}`,
			section: 'satisfaction',
			title: t(`report.satisfaction.by.${split}`),
			columns: [
				t('report.col.item'),
				...keys.flatMap((k) => [categoryLabel(t, r, split, k), t('report.col.nShort')])
			],
			rows: r.satisfaction.map((i) => [
				itemText(i.code),
				...i.splits[split].flatMap((s) => [pct(s.cell), nOf(s.cell)])
			])
		});
	}

	tables.push({
		id: 'trend',
		section: 'satisfaction',
		title: t('report.trend.title'),
		// A quarter answered with other survey versions than the one before is marked: the
		// questions changed there (a report frozen before this has no marks).
		columns: [
			t('report.col.item'),
			...r.trend.quarters.map((q) =>
				r.trend.versionChanged?.includes(q) ? t('report.trend.newVersion', { quarter: q }) : q
			)
		],
		rows: r.trend.items.map((i) => [
			itemText(i.code),
			...i.points.map((p) => pct({ ...p, n: null }))
		])
	});

	const measures = USE_MEASURES;
	for (const [id, table, split] of [
		['uses-instrument', r.uses.byInstrument, 'instrument'],
		['uses-segment', r.uses.bySegment, 'segment']
	] as const) {
		tables.push({
			id,
			section: 'uses',
			title: t(`report.uses.by.${split}`),
			columns: [t(`report.col.${split}`), ...measures.map((k) => t(`report.uses.${k}`))],
			rows: [...table.rows, { ...table.total, key: '*' }].map((row) => [
				row.key === '*'
					? text(t('report.category.all'))
					: split === 'instrument'
						? labelled(instrumentLabel(t, r, row.key, labels))
						: text(categoryLabel(t, r, split, row.key)),
				...measures.map((k) => count(row.cells[k]))
			])
		});
	}

	tables.push({
		id: 'outflow',
		section: 'effect',
		title: t('report.effect.outflow'),
		columns: [t('report.col.reason'), t('report.col.clients')],
		rows: [...r.effect.outflow.rows, { ...r.effect.outflow.total, key: '*' }].map((row) => [
			text(row.key === '*' ? t('report.category.all') : categoryLabel(t, r, 'reason', row.key)),
			count(row.cells.n)
		])
	});

	for (const e of [{ ...r.effect.during, colour: null }, r.effect.within6, r.effect.within12]) {
		const title =
			e.months === null || e.months === undefined
				? t('report.effect.during', { from: e.from, to: e.to })
				: t('report.effect.within', { months: e.months, from: e.from, to: e.to });
		tables.push({
			id: `effect-${e.months ?? 'during'}`,
			section: 'effect',
			title,
			columns: [
				t('report.col.instrument'),
				t('report.col.workShare'),
				t('report.col.interval'),
				t('report.col.finished'),
				t('report.col.norm')
			],
			rows: [
				...e.rows.map((row) => [
					labelled(instrumentLabel(t, r, row.key, labels), (name) =>
						t('report.effect.traject', { name })
					),
					pct(row.cell),
					interval(row.cell),
					nOf(row.cell),
					{ t: 'none' } as TableCell
				]),
				[
					text(t('report.effect.trajecten')),
					pct(e.trajecten),
					interval(e.trajecten),
					nOf(e.trajecten),
					{ t: 'none' } as TableCell
				],
				[
					text(t('report.effect.clients')),
					pct(e.total),
					interval(e.total),
					nOf(e.total),
					norm(t, e.colour, lang)
				]
			]
		});
	}

	tables.push({
		id: 'ladder',
		section: 'effect',
		title: t('report.effect.ladder'),
		columns: [t('report.col.movement'), t('report.col.clients')],
		rows: [...r.effect.ladder.rows, { ...r.effect.ladder.total, key: '*' }].map((row) => [
			text(row.key === '*' ? t('report.category.all') : categoryLabel(t, r, 'ladder', row.key)),
			count(row.cells.n)
		])
	});

	const b = r.bestand;
	tables.push({
		id: 'bestand',
		section: 'bestand',
		title: t('report.bestand.title'),
		columns: [t('report.col.figure'), t('report.col.clients')],
		rows: [
			[text(t('report.bestand.size', { date: r.to })), count(b.segment.total.cells.n)],
			[text(t('report.bestand.inflow')), count(b.inflow)],
			[text(t('report.bestand.outflow')), count(b.outflow)]
		]
	});
	for (const split of ['segment', 'age', 'duration', 'statushouder'] as const) {
		tables.push({
			id: `bestand-${split}`,
			section: 'bestand',
			title: t(`report.bestand.by.${split}`),
			columns: [t(`report.col.${split}`), t('report.col.clients')],
			rows: [...b[split].rows, { ...b[split].total, key: '*' }].map((row) => [
				text(row.key === '*' ? t('report.category.all') : categoryLabel(t, r, split, row.key)),
				count(row.cells.n)
			])
		});
	}
	tables.push(...indicatorTables(r, t, lang));
	tables.push(...handhavingTables(r, t));
	return tables;
}
