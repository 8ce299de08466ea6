import { z } from 'zod';
import { quarterSchema } from '$lib/quarters';
import type { ReportQuery } from './context';
import { periodKey, periodRefusal } from './period-rules';

// The report's URL: ?kwartaal=2026-Q2&gemeente=lindewaard&periode=jaar (all optional).

const querySchema = z.object({
	kwartaal: quarterSchema.optional(),
	gemeente: z
		.string()
		.regex(/^([a-z0-9-]{1,40})$/, 'report.errors.badGemeente')
		.optional(),
	periode: z.enum(['kwartaal', 'jaar'], { error: 'report.errors.badPeriod' }).optional()
});

/**
 * The report asked for in the URL, by default the last closed quarter for the whole dienst.
 * A quarter not closed yet (or a year whose fourth quarter is not) is refused; a year is
 * always the calendar year of the quarter given, stored under its fourth quarter.
 */
export function parseReportQuery(
	url: URL,
	lastClosed: string
): { ok: true; query: ReportQuery } | { ok: false; error: string } {
	const raw: Record<string, string> = {};
	for (const name of ['kwartaal', 'gemeente', 'periode']) {
		const v = url.searchParams.get(name);
		if (v !== null && v !== '') raw[name] = v;
	}
	const parsed = querySchema.safeParse(raw);
	if (!parsed.success) {
		const message = parsed.error.issues[0]?.message ?? '';
		return {
			ok: false,
			error: message.startsWith('report.') ? message : 'report.errors.badQuarter'
		};
	}
	const { kwartaal, gemeente, periode } = parsed.data;
	const query = periodKey({
		quarter: kwartaal ?? lastClosed,
		period: periode === 'jaar' ? 'year' : 'quarter',
		gemeente: gemeente && gemeente !== 'totaal' ? gemeente : null
	});
	const refusal = periodRefusal(query, lastClosed);
	return refusal ? { ok: false, error: refusal } : { ok: true, query };
}

/** The same selection as URL search parameters, for links (CSV, open answers). */
export function reportSearch(q: ReportQuery): string {
	const p = new URLSearchParams({ kwartaal: q.quarter });
	if (q.gemeente) p.set('gemeente', q.gemeente);
	if (q.period === 'year') p.set('periode', 'jaar');
	return p.toString();
}
