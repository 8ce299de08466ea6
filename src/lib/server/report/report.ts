import { eq, sql } from 'drizzle-orm';
import type { Db } from '../db/open';
import { instrument, instrumentText, survey, surveyText } from '../db/schema';
import { shiftQuarter } from '../../quarters';
import { normColour } from './indicators';
import { normsForYear, type NormRow } from './norms';
import { rows } from './rows';
import type { Colour, CountCell } from './cells';
import { reportContext, type ReportQuery } from './context';
import { satisfaction } from './satisfaction';
import { trend } from './trend';
import { instrumentUses } from './instruments';
import { effect, ladder, outflowByReason } from './effect';
import { bestand } from './bestand';
import { invited, lateAnswers } from './methods';

// The council report (DOMAIN.md "The council report"). Every figure is counted in SQL, for all
// gemeenten at once with their totals (grouping sets), so suppression sees the whole table
// whichever gemeente is on screen. A hidden figure never leaves this module.

export type { Hidden, CountCell, ShareCell, Colour } from './cells';
export { reportContext, type Period, type ReportQuery, type ReportContext } from './context';
export type { SplitName } from './satisfaction';
export { USE_MEASURES } from './instruments';

// ── The whole report ──────────────────────────────────────────────────────────

/**
 * Builds the whole report. The parts are independent queries, sent at once: on PostgreSQL
 * they run side by side on the pool's connections (PGlite takes them one after another).
 */
export function buildReport(db: Db, q: ReportQuery, now = new Date()) {
	return build(db, q, now);
}

async function build(db: Db, q: ReportQuery, now: Date) {
	const ctx = await reportContext(db, q);
	if (!ctx) return null;
	const surveys = await db
		.select({
			id: survey.id,
			trigger: survey.trigger,
			version: survey.version,
			items: survey.items
		})
		.from(survey);
	const gradeCodes = [
		...new Set(
			surveys.flatMap((s) => s.items.filter((i) => i.type === 'grade10').map((i) => i.code))
		)
	];
	const inQuarters = sql.join(
		ctx.quarters.map((x) => sql`${x}`),
		sql`, `
	);
	// All parts at once, the heaviest first so they start on their own connections.
	const [
		ladderPart,
		bestandPart,
		uses,
		sat,
		effect6,
		effect12,
		trendPart,
		outflowPart,
		texts,
		instruments,
		versions,
		lateCell,
		inv,
		norms
	] = await Promise.all([
		ladder(db, ctx),
		bestand(db, ctx),
		instrumentUses(db, ctx),
		satisfaction(db, ctx, gradeCodes),
		effect(db, ctx, 6),
		effect(db, ctx, 12),
		trend(db, ctx, q.quarter, gradeCodes),
		outflowByReason(db, ctx),
		db
			.select({ questions: surveyText.questions })
			.from(surveyText)
			.where(eq(surveyText.language, 'nl')),
		db
			.select({ id: instrument.id, name: instrumentText.name })
			.from(instrument)
			.innerJoin(instrumentText, eq(instrumentText.instrumentId, instrument.id))
			.where(eq(instrumentText.language, 'nl')),
		// Which survey versions were answered (their counts are not published: one version
		// answered by a few people would be a small cell without a line to protect it).
		rows(
			db,
			sql`select distinct s.trigger, s.version from survey_tally t
					join survey s on s.id = t.survey_id
					where t.item = '*' and t.quarter in (${inQuarters})`
		),
		lateAnswers(db, ctx),
		invited(db, ctx),
		normsForYear(db, Number(q.quarter.slice(0, 4)))
	]);
	const itemTexts: Record<string, string> = {};
	for (const t of texts) Object.assign(itemTexts, t.questions);
	const colour = (indicator: string, value: number | null): Colour | null => {
		const norm = norms.find((n) => n.indicator === indicator);
		return norm && value !== null ? { colour: normColour(value, norm), norm } : null;
	};
	const late: CountCell =
		sat.answered.hidden !== false && !lateCell.hidden ? { n: null, hidden: 'secondary' } : lateCell;
	const responseRate =
		sat.answered.n !== null && inv.n !== null && inv.n > 0 ? sat.answered.n / inv.n : null;

	return {
		query: q,
		generatedAt: now.toISOString(),
		gemeenten: ctx.gemeenten.map(({ code, name }) => ({ code, name })),
		gemeente: ctx.selected ? { code: ctx.selected.code, name: ctx.selected.name } : null,
		quarters: ctx.quarters,
		from: ctx.from,
		to: ctx.to,
		previousQuarter: shiftQuarter(q.quarter, -1),
		nextQuarter: shiftQuarter(q.quarter, 1),
		itemTexts,
		instrumentNames: Object.fromEntries(instruments.map((i) => [i.id, i.name])),
		methods: {
			invited: inv,
			answered: sat.answered,
			responseRate,
			late,
			versions: versions
				.map((v) => ({ trigger: String(v.trigger), version: Number(v.version) }))
				.sort((a, b) => a.trigger.localeCompare(b.trigger) || a.version - b.version)
		},
		satisfaction: sat.items.map((i) => ({
			...i,
			colour: colour(`agree.${i.code}`, i.total.share === null ? null : i.total.share * 100)
		})),
		grade: sat.grade && {
			...sat.grade,
			colourMean: colour('grade.mean', sat.grade.mean === null ? null : sat.grade.mean * 10),
			colourFail: colour(
				'grade.fail',
				sat.grade.failShare === null ? null : sat.grade.failShare * 100
			)
		},
		responseColour: colour('response.rate', responseRate === null ? null : responseRate * 100),
		trend: trendPart,
		uses,
		effect: {
			outflow: outflowPart,
			within6: {
				...effect6,
				colour: colour(
					'effect.work6',
					effect6.total.share === null ? null : effect6.total.share * 100
				)
			},
			within12: {
				...effect12,
				colour: colour(
					'effect.work12',
					effect12.total.share === null ? null : effect12.total.share * 100
				)
			},
			ladder: ladderPart
		},
		bestand: bestandPart,
		norms
	};
}

export type Report = NonNullable<Awaited<ReturnType<typeof buildReport>>>;

/**
 * The same figures coloured by the norms as they are now: a published report's figures are
 * frozen, but the raad may set or change a norm for the year afterwards.
 */
export function recolour(r: Report, norms: NormRow[]): Report {
	const colour = (indicator: string, value: number | null): Colour | null => {
		const norm = norms.find((n) => n.indicator === indicator);
		return norm && value !== null ? { colour: normColour(value, norm), norm } : null;
	};
	const pct = (v: number | null) => (v === null ? null : v * 100);
	return {
		...r,
		satisfaction: r.satisfaction.map((i) => ({
			...i,
			colour: colour(`agree.${i.code}`, pct(i.total.share))
		})),
		grade: r.grade && {
			...r.grade,
			colourMean: colour('grade.mean', r.grade.mean === null ? null : r.grade.mean * 10),
			colourFail: colour('grade.fail', pct(r.grade.failShare))
		},
		responseColour: colour('response.rate', pct(r.methods.responseRate)),
		effect: {
			...r.effect,
			within6: {
				...r.effect.within6,
				colour: colour('effect.work6', pct(r.effect.within6.total.share))
			},
			within12: {
				...r.effect.within12,
				colour: colour('effect.work12', pct(r.effect.within12.total.share))
			}
		},
		norms
	};
}
