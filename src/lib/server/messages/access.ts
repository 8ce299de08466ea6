import { and, asc, eq, isNull, or, sql } from 'drizzle-orm';
import type { Db } from '../db/open';
import { client, standIn, user } from '../db/schema';
import { AccessDenied, caseloadFilter, type Staff } from '../caseload/caseload';
import * as audit from '../audit/audit';
import { amsterdamDay } from '../../dates';

/**
 * Whether `staff` may read and answer this client's conversation: the client's klantmanager,
 * their team lead, or a stand-in of the klantmanager while the stand-in lasts. A refusal is
 * audited and thrown as AccessDenied.
 */
export async function requireConversationAccess(
	db: Db,
	staff: Staff,
	clientId: string,
	today = amsterdamDay()
): Promise<void> {
	if (staff.roles.includes('klantmanager')) {
		const filter = await caseloadFilter(db, staff);
		const [row] = await db
			.select({ id: client.id })
			.from(client)
			.leftJoin(
				standIn,
				and(
					eq(standIn.klantmanagerId, client.klantmanagerId),
					eq(standIn.standInId, staff.id),
					sql`${standIn.until} >= ${today}`
				)
			)
			.where(
				and(
					eq(client.id, clientId),
					filter
						? or(filter, sql`${standIn.standInId} is not null`)
						: sql`${standIn.standInId} is not null`
				)
			)
			.limit(1);
		if (row) return;
	}
	const [exists] = await db.select({ id: client.id }).from(client).where(eq(client.id, clientId));
	await audit.record(db, {
		actorId: staff.id,
		clientId: exists ? clientId : null,
		action: 'client.denied',
		detail: exists ? { page: 'berichten' } : { requested: clientId }
	});
	throw new AccessDenied();
}

/** Sets who reads and answers a klantmanager's conversations while they are away. */
export async function setStandIn(
	db: Db,
	staff: Staff,
	input: { standInId: string | null; until: string | null }
): Promise<{ ok: true } | { ok: false; error: 'not_found' }> {
	if (!input.standInId || !input.until) {
		await db.delete(standIn).where(eq(standIn.klantmanagerId, staff.id));
		return { ok: true };
	}
	const [other] = await db
		.select({ id: user.id })
		.from(user)
		.where(
			and(
				eq(user.id, input.standInId),
				sql`'klantmanager' = any(${user.roles})`,
				sql`${user.id} <> ${staff.id}`,
				isNull(user.disabledAt)
			)
		);
	if (!other) return { ok: false, error: 'not_found' };
	await db
		.insert(standIn)
		.values({ klantmanagerId: staff.id, standInId: other.id, until: input.until })
		.onConflictDoUpdate({
			target: standIn.klantmanagerId,
			set: { standInId: other.id, until: input.until }
		});
	return { ok: true };
}

/** Klantmanagers who can stand in: the own team first, then the others, by name. */
export async function colleagues(db: Db, staff: Staff): Promise<{ id: string; name: string }[]> {
	const [me] = await db.select({ teamId: user.teamId }).from(user).where(eq(user.id, staff.id));
	return db
		.select({ id: user.id, name: user.displayName })
		.from(user)
		.where(
			and(
				sql`'klantmanager' = any(${user.roles})`,
				sql`${user.id} <> ${staff.id}`,
				isNull(user.disabledAt)
			)
		)
		.orderBy(
			me?.teamId ? sql`(${user.teamId} = ${me.teamId}) is not true` : sql`1`,
			asc(user.displayName)
		)
		.limit(500);
}

export async function standInOf(db: Db, staffId: string) {
	const [row] = await db
		.select({ standInId: standIn.standInId, until: standIn.until, name: user.displayName })
		.from(standIn)
		.innerJoin(user, eq(user.id, standIn.standInId))
		.where(eq(standIn.klantmanagerId, staffId));
	return row ?? null;
}
