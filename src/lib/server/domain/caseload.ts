import { and, asc, eq, inArray, type SQL } from 'drizzle-orm';
import type { Db } from '../db/open';
import { client, team, user } from '../db/schema';
import * as audit from './audit';

export interface Staff {
	id: string;
	roles: readonly string[];
}

export class AccessDenied extends Error {
	constructor() {
		super('access denied');
	}
}

/** Klantmanagers whose clients `staff` may see: themselves, plus their team if they lead it. */
async function visibleKlantmanagers(db: Db, staff: Staff): Promise<string[]> {
	if (!staff.roles.includes('klantmanager')) return [];
	const led = await db
		.select({ member: user.id })
		.from(team)
		.innerJoin(user, eq(user.teamId, team.id))
		.where(eq(team.leadUserId, staff.id));
	return [...new Set([staff.id, ...led.map((r) => r.member)])];
}

export async function caseloadFilter(db: Db, staff: Staff): Promise<SQL | undefined> {
	const kms = await visibleKlantmanagers(db, staff);
	return kms.length ? inArray(client.klantmanagerId, kms) : undefined;
}

/**
 * Opens a client for a staff member: returns the client id when it is in their caseload
 * (or their team's, for a team lead) and writes an audit event either way.
 */
export async function openClient(db: Db, staff: Staff, clientId: string): Promise<string> {
	const filter = await caseloadFilter(db, staff);
	const [row] = filter
		? await db
				.select({ id: client.id })
				.from(client)
				.where(and(eq(client.id, clientId), filter))
				.limit(1)
		: [];
	if (!row) {
		const [exists] = await db.select({ id: client.id }).from(client).where(eq(client.id, clientId));
		await audit.record(db, {
			actorId: staff.id,
			clientId: exists ? clientId : null,
			action: 'client.denied',
			detail: exists ? undefined : { requested: clientId }
		});
		throw new AccessDenied();
	}
	await audit.record(db, { actorId: staff.id, clientId, action: 'client.read' });
	return row.id;
}

export interface CaseloadRow {
	id: string;
	clientNumber: string;
	name: string;
	segment: string | null;
	ladderStep: number;
}

export async function listCaseload(db: Db, staff: Staff): Promise<CaseloadRow[]> {
	const filter = await caseloadFilter(db, staff);
	if (!filter) return [];
	return db
		.select({
			id: client.id,
			clientNumber: client.clientNumber,
			name: user.displayName,
			segment: client.segment,
			ladderStep: client.ladderStep
		})
		.from(client)
		.innerJoin(user, eq(user.id, client.userId))
		.where(filter)
		.orderBy(asc(user.displayName));
}
