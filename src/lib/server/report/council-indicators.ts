import type { Db } from '../db/open';
import { wilson } from './indicators';
import type { Colour, CountCell, ShareCell } from './cells';
import type { ReportContext } from './context';
import { bestandTrend, periodRates } from './flows';
import { stillOff, workAfterInflow } from './durability';
import { exemptions } from './exemptions';
import { planCoverage } from './plan-coverage';
import { answerSpeed } from './answer-speed';

// The indicators the seed reports ask of a kwartaalrapportage (issue #13 §7), built beside the
// rest of the report: bestand over eight quarters with inflow and outflow rates, outflow to
// work within a year of inflow, duurzaamheid and herinstroom, more than 4 years on the
// benefit, ontheffingen, plan coverage and reviews, and how fast clients get an answer.
// Definitions: docs/DOMAIN.md "The council report".

export async function councilIndicators(db: Db, ctx: ReportContext) {
	const [trend, inflowWork, off6, off12, exempt, plans, answers] = await Promise.all([
		bestandTrend(db, ctx),
		workAfterInflow(db, ctx),
		stillOff(db, ctx, 6),
		stillOff(db, ctx, 12),
		exemptions(db, ctx),
		planCoverage(db, ctx),
		answerSpeed(db, ctx)
	]);
	return {
		bestandTrend: trend,
		workAfterInflow: { ...inflowWork, colour: null as Colour | null },
		durability: [off6, off12],
		exemptions: exempt,
		plans: { ...plans, colour: null as Colour | null },
		answers: answers.map((a) => ({ ...a, colour: null as Colour | null }))
	};
}

type Built = Awaited<ReturnType<typeof councilIndicators>>;

/** A count cell's share of another, with its interval; hidden when either is. */
export function shareOf(part: CountCell | undefined, whole: CountCell | undefined): ShareCell {
	if (!part || !whole || part.hidden || whole.hidden)
		return {
			n: null,
			share: null,
			low: null,
			high: null,
			hidden: whole?.hidden || 'secondary'
		};
	const n = whole.n ?? 0;
	const k = part.n ?? 0;
	const ci = wilson(k, n);
	return {
		n,
		share: n > 0 ? k / n : null,
		low: ci?.low ?? null,
		high: ci?.high ?? null,
		hidden: false
	};
}

/** What the report derives from its own shown figures: period rates and "more than 4 years". */
export function derivedIndicators(
	built: Built,
	quarters: string[],
	b: {
		inflow: CountCell;
		outflow: CountCell;
		segment: { total: { cells: { n: CountCell } } };
		duration: {
			rows: { key: string; cells: { n: CountCell } }[];
			total: { cells: { n: CountCell } };
		};
	}
) {
	const over4 = b.duration.rows.find((r) => r.key === '4+')?.cells.n ?? { n: 0, hidden: false };
	const agreed = built.plans.rows.find((r) => r.key === 'agreed')?.cells.n ?? {
		n: 0,
		hidden: false
	};
	// Derived again from the cells as they are now: a year view hides cells its quarters hid
	// (period-link.ts), and no rate or median may give a hidden figure back.
	const shown = (...cells: CountCell[]) => cells.every((c) => c.hidden === false);
	return {
		...built,
		bestandTrend: {
			...built.bestandTrend,
			points: built.bestandTrend.points.map((p, i, all) => {
				const prior = all[i - 1]?.size;
				const ok = shown(p.size, p.inflow, p.outflow) && (!prior || shown(prior));
				return ok ? p : { ...p, inflowRate: null, outflowRate: null };
			})
		},
		answers: built.answers.map((a) => (a.cell.hidden ? { ...a, median: null } : a)),
		rates: periodRates(built.bestandTrend, quarters, {
			size: b.segment.total.cells.n,
			inflow: b.inflow,
			outflow: b.outflow
		}),
		over4: { cell: shareOf(over4, b.duration.total.cells.n), colour: null as Colour | null },
		plans: { ...built.plans, agreed: shareOf(agreed, built.plans.total.cells.n) }
	};
}

export type CouncilIndicators = ReturnType<typeof derivedIndicators>;

type ColourOf = (indicator: string, c: ShareCell) => Colour | null;

/** The raad's norms on these indicators (applied at reading time, like the others). */
export function colourIndicators(i: CouncilIndicators, share: ColourOf): CouncilIndicators {
	return {
		...i,
		workAfterInflow: {
			...i.workAfterInflow,
			colour: share('inflow.work12', i.workAfterInflow.cell)
		},
		over4: { ...i.over4, colour: share('duration.over4', i.over4.cell) },
		plans: { ...i.plans, colour: share('plan.agreed', i.plans.agreed) },
		answers: i.answers.map((a) => ({
			...a,
			colour: a.key === 'question' ? share('answer.question', a.cell) : null
		}))
	};
}
