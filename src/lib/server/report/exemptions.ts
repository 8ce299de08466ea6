import { sql } from 'drizzle-orm';
import type { Db } from '../db/open';
import { perGemeenteSplits } from './rows';
import { measuresTable } from './cells';
import type { ReportContext } from './context';
import { openPeriodsOn } from './benefit-periods';
import { asOn, asOnJoin } from './as-on';

// ── Ontheffingen (issue #13 §7) ─────────────────────────────────────────────────
// The clients on the benefit on the last day of the period (the bestand), by exemption from
// the duties to work and re-integrate, as the client file records it (`client.exemptionReason`,
// `exemptionReviewDate`) as it stood on the period's last day (`exemption_history`, written
// by triggers): no exemption, exemption with its review date still ahead, exemption whose
// review date has passed (te laat: the client no longer sees it as an exemption, see
// `personalStatus`), exemption without a review date. The categories add up to the bestand
// and are suppressed as one table.

export const EXEMPTION_CATEGORIES = ['none', 'onTime', 'overdue', 'noReview'] as const;

// As on the period's last day (exemption_history), so a later change leaves the period alone.
const reason = asOn('eh', 'reason', 'c.exemption_reason');
const review = asOn('eh', 'review_date', 'c.exemption_review_date');

export async function exemptions(db: Db, ctx: ReportContext) {
	const { c: list } = await perGemeenteSplits(
		db,
		sql`select c.gemeente_id as m,
				case when ${reason} is null then 'none'
					when ${review} is null then 'noReview'
					when ${review} < ${ctx.to}::date then 'overdue'
					else 'onTime' end as c
			from ${openPeriodsOn(sql`${ctx.to}::date`)} b join client c on c.id = b.client_id
			${asOnJoin('exemption_history', ctx.to, 'eh', 'c.id')}`,
		['c'],
		{ n: sql`count(*)` }
	);
	return measuresTable(list, ctx, ['n'] as const);
}
