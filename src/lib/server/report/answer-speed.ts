import { sql } from 'drizzle-orm';
import type { Db } from '../db/open';
import { wilson } from './indicators';
import { cellId, suppress } from './suppression';
import { rows } from './rows';
import { ALL, key, shareCell, type Grid, type ShareCell } from './cells';
import type { ReportContext } from './context';
import { ANSWER_WORKING_DAYS, medianDays, withinWorkingDays, workingDaysBetween } from './rates';

// ── How fast clients get an answer (issue #13 §7) ───────────────────────────────
// Questions: the messages a client wrote in the period (Amsterdam day), except the message
// that comes with an appointment change request; a message is answered at the first staff
// message after it (`message.answeredAt`, kept by the conversation module). Change requests:
// the appointment change requests made in the period, answered when the klantmanager accepted,
// declined or answered them (`client_request.answeredAt`). Per kind: how many, the share
// answered within ANSWER_WORKING_DAYS working days, the median working days (an unanswered one
// counts as the longest). n is protected across the gemeenten; the median is shown only
// where n is.

export const ANSWER_KINDS = ['question', 'change'] as const;
export type AnswerKind = (typeof ANSWER_KINDS)[number];

export interface AnswerSpeed {
	key: AnswerKind;
	cell: ShareCell;
	median: number | null;
}

const day = (column: string) => sql.raw(`(${column} at time zone 'Europe/Amsterdam')::date`);

export async function answerSpeed(db: Db, ctx: ReportContext): Promise<AnswerSpeed[]> {
	const list = await rows(
		db,
		sql`select c.gemeente_id as m, 'question' as kind, ${day('x.created_at')}::text as asked,
				${day('x.answered_at')}::text as answered
			from message x join client c on c.id = x.client_id
			where x.from_client and (x.intent is null or x.intent not in ('cannot_come', 'other_time'))
				and ${day('x.created_at')} between ${ctx.from} and ${ctx.to}
		union all
		select c.gemeente_id, 'change', ${day('x.created_at')}::text, ${day('x.answered_at')}::text
			from client_request x join client c on c.id = x.client_id
			where x.kind = 'appointment_change'
				and ${day('x.created_at')} between ${ctx.from} and ${ctx.to}`
	);
	const gemeenten = ctx.gemeenten.map((g) => g.id);
	const m = ctx.selected?.id ?? ALL;
	return ANSWER_KINDS.map((kind) => {
		const mine = list.filter((r) => r.kind === kind);
		const n: Grid = new Map();
		for (const g of [...gemeenten, ALL]) n.set(cellId(g, ALL), 0);
		for (const r of mine) {
			n.set(cellId(key(r.m), ALL), n.get(cellId(key(r.m), ALL))! + 1);
			n.set(cellId(ALL, ALL), n.get(cellId(ALL, ALL))! + 1);
		}
		const vis = suppress(n, [
			{ total: cellId(ALL, ALL), parts: gemeenten.map((g) => cellId(g, ALL)) }
		]);
		const selected = m === ALL ? mine : mine.filter((r) => r.m === m);
		const answered = (r: (typeof mine)[number]) =>
			r.answered === null ? null : String(r.answered);
		const k = selected.filter((r) =>
			withinWorkingDays(String(r.asked), answered(r), ANSWER_WORKING_DAYS)
		).length;
		const ci = wilson(k, selected.length);
		const cell = shareCell(
			selected.length,
			k,
			vis.get(cellId(m, ALL)),
			ci?.low ?? null,
			ci?.high ?? null
		);
		const days = selected.map((r) => {
			const a = answered(r);
			return a === null ? null : workingDaysBetween(String(r.asked), a);
		});
		return { key: kind, cell, median: cell.hidden ? null : medianDays(days) };
	});
}
