import { sql } from 'drizzle-orm';
import type { Db } from '../db/open';
import { perGemeenteSplits } from './rows';
import { measuresTable } from './cells';
import type { ReportContext } from './context';

// ── Ontheffingen (issue #13 §7) ─────────────────────────────────────────────────
// The clients on the benefit on the last day of the period (the bestand), by exemption from
// the duties to work and re-integrate, as the client file records it (`client.exemptionReason`,
// `exemptionReviewDate`): no exemption, exemption with its review date still ahead, exemption
// whose review date has passed (te laat: the client no longer sees it as an exemption, see
// `personalStatus`), exemption without a review date. The categories add up to the bestand
// and are suppressed as one table. There is no history of exemptions: a quarter is counted
// as the file stood when the report was built (and frozen when it was published).

export const EXEMPTION_CATEGORIES = ['none', 'onTime', 'overdue', 'noReview'] as const;

export async function exemptions(db: Db, ctx: ReportContext) {
	const { c: list } = await perGemeenteSplits(
		db,
		sql`select c.gemeente_id as m,
				case when c.exemption_reason is null then 'none'
					when c.exemption_review_date is null then 'noReview'
					when c.exemption_review_date < ${ctx.to}::date then 'overdue'
					else 'onTime' end as c
			from client c left join outflow o on o.client_id = c.id and o.benefit_start = c.benefit_start
			where c.benefit_start <= ${ctx.to}::date and (o.date is null or o.date > ${ctx.to}::date)`,
		['c'],
		{ n: sql`count(*)` }
	);
	return measuresTable(list, ctx, ['n'] as const);
}
