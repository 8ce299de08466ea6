import { eq, sql } from 'drizzle-orm';
import type { Db } from '../db/open';
import { instrument, instrumentText, survey, surveyText } from '../db/schema';
import { shiftQuarter } from '../../quarters';
import { normVerdict, wilson } from './indicators';
import { normsForYear, type NormRow } from './norms';
import { rows } from './rows';
import type { Colour, CountCell, Hidden, ShareCell } from './cells';
import { reportContext, type ReportQuery } from './context';
import { satisfaction } from './satisfaction';
import { trend } from './trend';
import { instrumentUses } from './instruments';
import { effect, ladder, outflowByReason } from './effect';
import { bestand } from './bestand';
import { invited, lateAnswers } from './methods';
import {
	colourIndicators,
	councilIndicators,
	derivedIndicators,
	type CouncilIndicators
} from './council-indicators';
import { handhavingCounts } from './handhaving';

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
		effectDuring,
		effect6,
		effect12,
		trendPart,
		outflowPart,
		texts,
		instruments,
		versions,
		lateCell,
		inv,
		norms,
		more,
		handhavingPart
	] = await Promise.all([
		ladder(db, ctx),
		bestand(db, ctx),
		instrumentUses(db, ctx),
		satisfaction(db, ctx, gradeCodes),
		effect(db, ctx, 'during'),
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
		normsForYear(db, Number(q.quarter.slice(0, 4))),
		councilIndicators(db, ctx),
		handhavingCounts(db, ctx)
	]);
	const itemTexts: Record<string, string> = {};
	for (const t of texts) Object.assign(itemTexts, t.questions);
	const late: CountCell =
		sat.answered.hidden !== false && !lateCell.hidden ? { n: null, hidden: 'secondary' } : lateCell;
	const responseRate =
		inv.answered.n !== null && inv.invited.n !== null && inv.invited.n > 0
			? inv.answered.n / inv.invited.n
			: null;

	const report = {
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
			invited: inv.invited,
			invitedAnswered: inv.answered,
			answered: sat.answered,
			responseRate,
			late,
			versions: versions
				.map((v) => ({ trigger: String(v.trigger), version: Number(v.version) }))
				.sort((a, b) => a.trigger.localeCompare(b.trigger) || a.version - b.version)
		},
		satisfaction: sat.items.map((i) => ({ ...i, colour: null as Colour | null })),
		grade: sat.grade && {
			...sat.grade,
			colourMean: null as Colour | null,
			colourFail: null as Colour | null
		},
		responseColour: null as Colour | null,
		trend: trendPart,
		uses,
		effect: {
			outflow: outflowPart,
			during: effectDuring,
			within6: { ...effect6, colour: null as Colour | null },
			within12: { ...effect12, colour: null as Colour | null },
			ladder: ladderPart
		},
		bestand: bestandPart,
		indicators: derivedIndicators(more, ctx.quarters, bestandPart),
		handhaving: handhavingPart,
		norms
	};
	return recolour(report, norms);
}

export type Report = NonNullable<Awaited<ReturnType<typeof buildReport>>>;

/**
 * The same figures coloured by the norms as they are now: a published report's figures are
 * frozen, but the raad may set or change a norm for the year afterwards.
 */
interface Colourable {
	satisfaction: { code: string; total: ShareCell; colour: Colour | null }[];
	grade: {
		n: number | null;
		mean: number | null;
		failShare: number | null;
		hidden: Hidden;
		colourMean: Colour | null;
		colourFail: Colour | null;
	} | null;
	methods: { invited: CountCell; invitedAnswered: CountCell; responseRate: number | null };
	responseColour: Colour | null;
	effect: {
		within6: { total: ShareCell; colour: Colour | null };
		within12: { total: ShareCell; colour: Colour | null };
	};
	/** Missing in a report frozen before issue #13 §7. */
	indicators?: CouncilIndicators;
	norms: NormRow[];
}

export function recolour<R extends Colourable>(r: R, norms: NormRow[]): R {
	/** The verdict against the norm: the colour only at n ≥ NORM_MIN_N and when sure. */
	const colour = (
		indicator: string,
		value: number | null,
		n: number | null,
		interval: { low: number | null; high: number | null } | null,
		scale = 100
	): Colour | null => {
		const norm = norms.find((x) => x.indicator === indicator);
		if (!norm || value === null || n === null) return null;
		const ci =
			interval && interval.low !== null && interval.high !== null
				? { low: interval.low * scale, high: interval.high * scale }
				: null;
		return { colour: normVerdict(value * scale, n, ci, norm), norm };
	};
	const share = (indicator: string, c: ShareCell) =>
		c.hidden ? null : colour(indicator, c.share, c.n, c);
	const g = r.grade;
	const m = r.methods;
	// Reports frozen before the invitation count (report_snapshot) have no colour for it.
	const answered = m.invitedAnswered?.n ?? null;
	const invited = m.invited.n;
	return {
		...r,
		satisfaction: r.satisfaction.map((i) => ({ ...i, colour: share(`agree.${i.code}`, i.total) })),
		grade: g && {
			...g,
			colourMean: g.hidden ? null : colour('grade.mean', g.mean, g.n, null, 10),
			colourFail:
				g.hidden || g.n === null || g.failShare === null
					? null
					: colour('grade.fail', g.failShare, g.n, wilson(Math.round(g.failShare * g.n), g.n))
		},
		responseColour:
			answered === null || invited === null || invited === 0
				? null
				: colour('response.rate', m.responseRate, invited, wilson(answered, invited)),
		effect: {
			...r.effect,
			within6: { ...r.effect.within6, colour: share('effect.work6', r.effect.within6.total) },
			within12: { ...r.effect.within12, colour: share('effect.work12', r.effect.within12.total) }
		},
		indicators: r.indicators && colourIndicators(r.indicators, share),
		norms
	};
}
