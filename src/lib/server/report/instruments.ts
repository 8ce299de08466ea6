import { sql } from 'drizzle-orm';
import type { Db } from '../db/open';
import { perGemeenteSplits } from './rows';
import { segmentOnExpr, segmentOnJoin } from './segment-on';
import { measuresTables } from './cells';
import type { ReportContext } from './context';

// ── Inzet instrumenten ────────────────────────────────────────────────────────

/**
 * Uses in the period: `running` at its end, or ended in it as completed, stopped early, stopped
 * because of work, or `other` ("overig": another outcome or none recorded), so running and the
 * four ended columns add up to every use in the period. `started` is a flow beside them. The
 * segment is the client's on the period's last day (segment history).
 */
export const USE_MEASURES = [
	'started',
	'running',
	'completed',
	'stopped',
	'workFound',
	'other'
] as const;

export async function instrumentUses(db: Db, ctx: ReportContext) {
	const lists = await perGemeenteSplits(
		db,
		sql`select c.gemeente_id as m, u.instrument_id as instrument,
				${segmentOnExpr} as segment, u.start_date, u.end_date, u.outcome
			from instrument_use u join client c on c.id = u.client_id
			${segmentOnJoin(ctx.to)}
			where u.start_date <= ${ctx.to} and (u.end_date is null or u.end_date >= ${ctx.from})`,
		['instrument', 'segment'] as const,
		{
			started: sql`count(*) filter (where start_date >= ${ctx.from})`,
			running: sql`count(*) filter (where end_date is null or end_date > ${ctx.to})`,
			completed: sql`count(*) filter (where end_date <= ${ctx.to} and outcome = 'completed')`,
			stopped: sql`count(*) filter (where end_date <= ${ctx.to} and outcome = 'stopped_early')`,
			workFound: sql`count(*) filter (where end_date <= ${ctx.to} and outcome = 'work_found')`,
			other: sql`count(*) filter (where end_date <= ${ctx.to}
				and (outcome is null or outcome not in ('completed', 'stopped_early', 'work_found')))`
		}
	);
	// The same uses by instrument and by segment: one total, suppressed as one (cells.ts).
	const { instrument, segment } = measuresTables(lists, ctx, USE_MEASURES);
	return { byInstrument: instrument, bySegment: segment };
}
