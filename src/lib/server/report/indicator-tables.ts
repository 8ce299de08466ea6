import type { Report } from './report';
import type { CountCell, ShareCell } from './cells';
import { extremeCell, normRule, type ReportTable, type TableCell } from './report-tables';
import type { Colour } from './cells';
import { ANSWER_WORKING_DAYS } from './rates';
import type { Language } from '$lib/i18n/languages';

// The tables of the indicators of issue #13 §7, in the one shape the page and the CSV share
// (report-tables.ts). A report frozen before these existed has none of them.

type T = (key: string, options?: Record<string, unknown>) => string;

const text = (v: string): TableCell => ({ t: 'text', v });
const none: TableCell = { t: 'none' };
const count = (c: CountCell | undefined): TableCell =>
	!c ? none : c.hidden ? { t: 'hidden', why: c.hidden } : { t: 'count', v: c.n ?? 0 };
const rate = (v: number | null): TableCell => (v === null ? none : { t: 'pct', v });
const pct = (c: ShareCell): TableCell =>
	c.hidden ? { t: 'hidden', why: c.hidden } : c.extreme ? extremeCell(c.extreme) : rate(c.share);
/** The other side of a share (herinstroom beside still off): an extreme one mirrored. */
const rest = (c: ShareCell): TableCell =>
	c.hidden
		? { t: 'hidden', why: c.hidden }
		: c.extreme
			? extremeCell(c.extreme === 'all' ? 'none' : c.extreme === 'none' ? 'all' : 'hidden')
			: rate(c.share === null ? null : 1 - c.share);
const interval = (c: ShareCell): TableCell =>
	c.hidden
		? { t: 'hidden', why: c.hidden }
		: c.low === null || c.high === null
			? none
			: { t: 'interval', low: c.low, high: c.high };
export function indicatorTables(r: Report, t: T, lang: Language): ReportTable[] {
	const norm = (c: Colour | null): TableCell =>
		c ? { t: 'norm', colour: c.colour, rule: normRule(t, c, lang) } : none;
	/** A share's own row: %, interval, n, norm. */
	const shareRow = (label: string, c: ShareCell, colour: Colour | null): TableCell[] => [
		text(label),
		pct(c),
		interval(c),
		count(c),
		norm(colour)
	];
	const i = r.indicators;
	if (!i) return [];
	const tables: ReportTable[] = [];
	const shareColumns = [
		t('report.col.figure'),
		t('report.col.share'),
		t('report.col.interval'),
		t('report.col.base'),
		t('report.col.norm')
	];

	tables.push({
		id: 'bestand-trend',
		section: 'bestand',
		title: t('report.flows.trend'),
		columns: [
			t('report.col.quarter'),
			t('report.flows.size'),
			t('report.bestand.inflow'),
			t('report.bestand.outflow'),
			t('report.flows.inflowRate'),
			t('report.flows.outflowRate')
		],
		rows: i.bestandTrend.points.map((p): TableCell[] => [
			text(p.key),
			count(p.size),
			count(p.inflow),
			count(p.outflow),
			rate(p.inflowRate),
			rate(p.outflowRate)
		])
	});
	tables.push({
		id: 'flow-rates',
		section: 'bestand',
		title: t('report.flows.rates'),
		columns: [t('report.col.figure'), t('report.col.value')],
		rows: [
			[text(t('report.flows.inflowRateLong')), rate(i.rates.inflowRate)],
			[text(t('report.flows.outflowRateLong')), rate(i.rates.outflowRate)]
		]
	});
	tables.push({
		id: 'duration-over4',
		section: 'bestand',
		title: t('report.flows.over4Title'),
		columns: shareColumns,
		rows: [shareRow(t('report.flows.over4'), i.over4.cell, i.over4.colour)]
	});

	const w = i.workAfterInflow;
	tables.push({
		id: 'inflow-work',
		section: 'effect',
		title: t('report.durability.inflowWorkTitle', { from: w.from, to: w.to }),
		columns: shareColumns,
		rows: [shareRow(t('report.durability.inflowWork'), w.cell, w.colour)]
	});
	tables.push({
		id: 'durability',
		section: 'effect',
		title: t('report.durability.title'),
		columns: [
			t('report.col.figure'),
			t('report.durability.stillOff'),
			t('report.col.interval'),
			t('report.durability.back'),
			t('report.col.base')
		],
		rows: i.durability.map((d): TableCell[] => [
			text(t('report.durability.row', { months: d.months, from: d.from, to: d.to })),
			pct(d.cell),
			interval(d.cell),
			rest(d.cell),
			count(d.cell)
		])
	});

	const e = i.exemptions;
	const ofBestand = (c: CountCell) =>
		c.hidden || e.total.cells.n.hidden
			? ({ t: 'hidden', why: c.hidden || e.total.cells.n.hidden || 'secondary' } as TableCell)
			: rate((e.total.cells.n.n ?? 0) > 0 ? (c.n ?? 0) / e.total.cells.n.n! : null);
	tables.push({
		id: 'exemptions',
		section: 'service',
		title: t('report.exemptions.title', { date: r.to }),
		columns: [t('report.col.exemption'), t('report.col.clients'), t('report.col.ofBestand')],
		rows: [...e.rows, { ...e.total, key: '*' }].map((row): TableCell[] => [
			text(row.key === '*' ? t('report.category.all') : t(`report.exemptions.${row.key}`)),
			count(row.cells.n),
			ofBestand(row.cells.n)
		])
	});

	const p = i.plans;
	const planShare = (c: CountCell) =>
		c.hidden || p.total.cells.n.hidden
			? ({ t: 'hidden', why: c.hidden || p.total.cells.n.hidden || 'secondary' } as TableCell)
			: rate((p.total.cells.n.n ?? 0) > 0 ? (c.n ?? 0) / p.total.cells.n.n! : null);
	tables.push({
		id: 'plans',
		section: 'service',
		title: t('report.plans.title', { date: r.to }),
		columns: [
			t('report.col.plan'),
			t('report.col.clients'),
			t('report.col.ofBestand'),
			t('report.plans.reviewed'),
			t('report.plans.overdue'),
			t('report.col.norm')
		],
		rows: [...p.rows, { ...p.total, key: '*' }].map((row): TableCell[] => [
			text(row.key === '*' ? t('report.category.all') : t(`report.plans.${row.key}`)),
			count(row.cells.n),
			planShare(row.cells.n),
			count(row.cells.reviewed),
			count(row.cells.overdue),
			row.key === 'agreed' ? norm(p.colour) : none
		])
	});

	tables.push({
		id: 'answers',
		section: 'service',
		title: t('report.answers.title'),
		columns: [
			t('report.col.figure'),
			t('report.col.asked'),
			t('report.answers.within', { days: ANSWER_WORKING_DAYS }),
			t('report.col.interval'),
			t('report.answers.median'),
			t('report.col.norm')
		],
		rows: i.answers.map((a): TableCell[] => [
			text(t(`report.answers.${a.key}`)),
			count(a.cell),
			pct(a.cell),
			interval(a.cell),
			a.cell.hidden
				? { t: 'hidden', why: a.cell.hidden }
				: a.median === null
					? none
					: { t: 'grade', v: a.median },
			norm(a.colour)
		])
	});
	return tables;
}
