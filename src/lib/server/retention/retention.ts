import { and, eq, inArray, lt, sql } from 'drizzle-orm';
import type { Db } from '../db/open';
import {
	activationCode,
	appointment,
	authIdentity,
	client,
	handhaving,
	idempotency,
	message,
	notification,
	outflow,
	plan,
	session,
	surveyOpenAnswer,
	user
} from '../db/schema';
import { addDays, amsterdamDay } from '../../dates';
import { quarterOfDay } from '../../quarters';
import * as audit from '../audit/audit';
import { RETENTION_DEFAULTS, termsByGemeente, type RetentionKind } from './terms';

// The daily retention job (issue 15). Per gemeente and kind of data it removes what is past
// the term (retention/terms.ts), in batches of BATCH rows, each batch its own transaction, so
// a large backlog never holds locks for long. One audit event per run with the counts.
//
// A term counts whole Amsterdam days: data after outflow with a term of N days is kept
// through outflow date + N and removed from the day after. The audit log is not touched: it
// is append-only (migration 0011); see docs/CLIENTS.md.

export const BATCH = 500;

export type RetentionCounts = Partial<Record<RetentionKind, number>>;

/** Left clients of a gemeente whose current period's outflow is on or before `lastDay`. */
async function leftBefore(db: Db, gemeenteId: string, lastDay: string, limit: number) {
	return db
		.select({ id: client.id, userId: client.userId })
		.from(client)
		.innerJoin(
			outflow,
			and(eq(outflow.clientId, client.id), eq(outflow.benefitStart, client.benefitStart))
		)
		.where(and(eq(client.gemeenteId, gemeenteId), lt(outflow.date, lastDay)))
		.limit(limit);
}

/** SQL: the ids of those left clients (any number, as a subquery). */
const leftClients = (gemeenteId: string, lastDay: string) =>
	sql`(select c.id from ${client} c join ${outflow} o
		on o.client_id = c.id and o.benefit_start = c.benefit_start
		where c.gemeente_id = ${gemeenteId} and o.date < ${lastDay}::date)`;

/** Deletes in batches: `pick` returns up to BATCH ids, `remove` deletes them; until none left. */
async function inBatches(
	db: Db,
	pick: (tx: Db) => Promise<string[]>,
	remove: (tx: Db, ids: string[]) => Promise<void>
): Promise<number> {
	let total = 0;
	for (;;) {
		const n = await db.transaction(async (tx) => {
			const ids = await pick(tx);
			if (ids.length) await remove(tx, ids);
			return ids.length;
		});
		total += n;
		if (n < BATCH) return total;
	}
}

/**
 * Removes what is past its term, for every gemeente. `now` decides "today" (Amsterdam), so
 * tests can put the clock on the boundary day.
 */
export async function runRetention(db: Db, now = new Date()): Promise<RetentionCounts> {
	const today = amsterdamDay(now);
	/** The first day that is past a term of `days` counted from `day`: day + days < today. */
	const cutoff = (days: number) => addDays(today, -days);
	const counts: RetentionCounts = {};
	const add = (k: RetentionKind, n: number) => {
		if (n) counts[k] = (counts[k] ?? 0) + n;
	};
	const clientUsers = (gemeenteId: string) =>
		sql`(select ${client.userId} from ${client} where ${client.gemeenteId} = ${gemeenteId})`;

	for (const [gemeenteId, terms] of await termsByGemeente(db)) {
		// The client file first: what it removes, the kinds below need not look at.
		add(
			'client_file',
			await inBatches(
				db,
				async (tx) =>
					(await leftBefore(tx, gemeenteId, cutoff(terms.client_file), BATCH)).map((c) => c.id),
				async (tx, ids) => {
					const users = (
						await tx.select({ u: client.userId }).from(client).where(inArray(client.id, ids))
					).map((r) => r.u);
					// Everything hanging off the client goes with it (on delete cascade); audit events
					// keep their place without the link (the trigger allows only that).
					await tx.delete(client).where(inArray(client.id, ids));
					await tx.delete(session).where(inArray(session.userId, users));
					await tx.delete(authIdentity).where(inArray(authIdentity.userId, users));
					await tx.delete(activationCode).where(inArray(activationCode.userId, users));
					await tx.delete(notification).where(inArray(notification.userId, users));
					await tx.delete(idempotency).where(inArray(idempotency.userId, users));
					// The person row stays (audit events point to it as actor), without anything personal.
					await tx
						.update(user)
						.set({
							displayName: '—',
							email: null,
							phone: null,
							reachableHours: null,
							demoKey: null,
							preferences: {},
							disabledAt: sql`coalesce(${user.disabledAt}, now())`
						})
						.where(inArray(user.id, users));
				}
			)
		);
		const removeOf = <T extends typeof plan | typeof appointment | typeof message>(
			table: T,
			days: number
		) => {
			const t = table as typeof plan;
			return inBatches(
				db,
				async (tx) =>
					(
						await tx
							.select({ id: t.id })
							.from(t)
							.where(sql`${t.clientId} in ${leftClients(gemeenteId, cutoff(days))}`)
							.limit(BATCH)
					).map((r) => r.id),
				async (tx, ids) => {
					await tx.delete(t).where(inArray(t.id, ids));
				}
			);
		};
		add('plans', await removeOf(plan, terms.plans));
		add('appointments', await removeOf(appointment, terms.appointments));
		add('messages', await removeOf(message, terms.messages));

		add(
			'notifications',
			await inBatches(
				db,
				async (tx) =>
					(
						await tx
							.select({ id: notification.id })
							.from(notification)
							.where(
								and(
									sql`${notification.userId} in ${clientUsers(gemeenteId)}`,
									lt(
										sql`(${notification.createdAt} at time zone 'Europe/Amsterdam')::date`,
										sql`${cutoff(terms.notifications)}::date`
									)
								)
							)
							.limit(BATCH)
					).map((r) => r.id),
				async (tx, ids) => {
					await tx.delete(notification).where(inArray(notification.id, ids));
				}
			)
		);
		// Besluiten: the term counts from the besluit day, for a maatregel from its last day.
		add(
			'handhaving',
			await inBatches(
				db,
				async (tx) =>
					(
						await tx
							.select({ id: handhaving.id })
							.from(handhaving)
							.where(
								and(
									sql`${handhaving.clientId} in (select ${client.id} from ${client} where ${client.gemeenteId} = ${gemeenteId})`,
									lt(
										sql`greatest(${handhaving.decidedOn}, coalesce(${handhaving.periodEnd}, ${handhaving.decidedOn}))`,
										sql`${cutoff(terms.handhaving)}::date`
									)
								)
							)
							.limit(BATCH)
					).map((r) => r.id),
				async (tx, ids) => {
					await tx.delete(handhaving).where(inArray(handhaving.id, ids));
				}
			)
		);
		// A quarter is past the term when its last day + days < today.
		const firstKeptQuarter = quarterOfDay(cutoff(terms.open_answers));
		add(
			'open_answers',
			await inBatches(
				db,
				async (tx) =>
					(
						await tx
							.select({ id: surveyOpenAnswer.id })
							.from(surveyOpenAnswer)
							.where(
								and(
									eq(surveyOpenAnswer.gemeenteId, gemeenteId),
									lt(surveyOpenAnswer.quarter, firstKeptQuarter)
								)
							)
							.limit(BATCH)
					).map((r) => r.id),
				async (tx, ids) => {
					await tx.delete(surveyOpenAnswer).where(inArray(surveyOpenAnswer.id, ids));
				}
			)
		);
		add(
			'sessions',
			await deleteSessions(
				db,
				cutoff(terms.sessions),
				sql`${session.userId} in ${clientUsers(gemeenteId)}`
			)
		);
		add(
			'idempotency',
			await deleteKeys(
				db,
				cutoff(terms.idempotency),
				sql`${idempotency.userId} in ${clientUsers(gemeenteId)}`
			)
		);
	}
	// Rows of no gemeente (staff sessions, anonymous keys) follow the defaults.
	add(
		'sessions',
		await deleteSessions(
			db,
			cutoff(RETENTION_DEFAULTS.sessions),
			sql`${session.userId} not in (select ${client.userId} from ${client})`
		)
	);
	add(
		'idempotency',
		await deleteKeys(
			db,
			cutoff(RETENTION_DEFAULTS.idempotency),
			sql`(${idempotency.userId} is null or ${idempotency.userId} not in (select ${client.userId} from ${client}))`
		)
	);
	if (Object.keys(counts).length)
		await audit.record(db, {
			actorId: null,
			clientId: null,
			action: 'retention.run',
			detail: { day: today, ...counts }
		});
	return counts;
}

const dayOf = (column: unknown) => sql`(${column} at time zone 'Europe/Amsterdam')::date`;

function deleteSessions(db: Db, before: string, who: ReturnType<typeof sql>) {
	return inBatches(
		db,
		async (tx) =>
			(
				await tx
					.select({ id: session.id })
					.from(session)
					.where(and(who, lt(dayOf(session.expiresAt), sql`${before}::date`)))
					.limit(BATCH)
			).map((r) => r.id),
		async (tx, ids) => {
			await tx.delete(session).where(inArray(session.id, ids));
		}
	);
}

function deleteKeys(db: Db, before: string, who: ReturnType<typeof sql>) {
	return inBatches(
		db,
		async (tx) =>
			(
				await tx
					.select({ key: idempotency.key })
					.from(idempotency)
					.where(and(who, lt(dayOf(idempotency.createdAt), sql`${before}::date`)))
					.limit(BATCH)
			).map((r) => r.key),
		async (tx, keys) => {
			await tx.delete(idempotency).where(inArray(idempotency.key, keys));
		}
	);
}
