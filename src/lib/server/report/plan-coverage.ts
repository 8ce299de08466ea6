import { sql } from 'drizzle-orm';
import type { Db } from '../db/open';
import { perGemeenteSplits } from './rows';
import { measuresTable } from './cells';
import type { ReportContext } from './context';
import { openPeriodsOn } from './benefit-periods';
import { asOn, asOnJoin } from './as-on';

// ── Plan coverage and plan reviews (issue #13 §7) ──────────────────────────────
// The clients on the benefit on the last day of the period, by their plan on that day (the
// last version shared before the end of the day, Amsterdam): agreed (the client agreed to that
// version by then), shared (not agreed), none (no plan shared). Two more counts per group:
// `reviewed`, the plan got a new version (2 or later) shared in the period; `overdue`, the
// plan's review date (as it stood on the last day: plan_review_history) was on or before it and no
// version was shared on or after that date by the end of the period. Each measure is
// suppressed as its own table (gemeenten × groups).

export const PLAN_MEASURES = ['n', 'reviewed', 'overdue'] as const;

export async function planCoverage(db: Db, ctx: ReportContext) {
	const end = sql`((${ctx.to}::date + 1)::timestamp at time zone 'Europe/Amsterdam')`;
	const start = sql`(${ctx.from}::date::timestamp at time zone 'Europe/Amsterdam')`;
	const { c: list } = await perGemeenteSplits(
		db,
		sql`select c.gemeente_id as m,
				case when v.version is null then 'none'
					when exists (select 1 from plan_agreement a where a.plan_id = v.plan_id
						and a.version = v.version and a.agreed_at < ${end}) then 'agreed'
					else 'shared' end as c,
				r.client_id is not null as reviewed,
				(v.review_date is not null and v.review_date <= ${ctx.to}::date
					and v.shared_at < (v.review_date::timestamp at time zone 'Europe/Amsterdam')) as overdue
			from ${openPeriodsOn(sql`${ctx.to}::date`)} b join client c on c.id = b.client_id
			left join (select distinct on (p.client_id) p.client_id, pv.plan_id, pv.version,
					pv.shared_at, ${asOn('ph', 'review_date', 'p.review_date')} as review_date
				from plan_version pv join plan p on p.id = pv.plan_id
				${asOnJoin('plan_review_history', ctx.to, 'ph', 'p.id')}
				where pv.shared_at < ${end}
				order by p.client_id, pv.shared_at desc) v on v.client_id = c.id
			left join (select distinct p.client_id from plan_version pv join plan p on p.id = pv.plan_id
				where pv.version >= 2 and pv.shared_at >= ${start} and pv.shared_at < ${end}) r
				on r.client_id = c.id`,
		['c'],
		{
			n: sql`count(*)`,
			reviewed: sql`count(*) filter (where reviewed)`,
			overdue: sql`count(*) filter (where overdue)`
		}
	);
	return measuresTable(list, ctx, PLAN_MEASURES);
}
