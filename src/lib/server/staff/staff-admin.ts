import { and, asc, eq, ilike, inArray, isNull, not, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/open';
import { authIdentity, gemeente, ROLES, session, team, user, type Role } from '../db/schema';
import { hashPassword } from '../auth/password';
import * as audit from '../audit/audit';

// Staff accounts, roles and klantmanager teams, kept by the functioneel beheerder. Clients
// are not managed here: they come from the benefit administration and activate themselves.

export type StaffRole = Exclude<Role, 'client'>;
export const STAFF_ROLES = ROLES.filter((r): r is StaffRole => r !== 'client');

export interface StaffRow {
	id: string;
	displayName: string;
	email: string | null;
	roles: StaffRole[];
	teamId: string | null;
	/** The gemeenten they work for; empty: all of them. */
	gemeenteIds: string[];
	disabled: boolean;
}

const staffColumns = {
	id: user.id,
	displayName: user.displayName,
	email: user.email,
	roles: user.roles,
	teamId: user.teamId,
	gemeenteIds: user.gemeenteIds,
	disabledAt: user.disabledAt
};

function toStaffRow({ disabledAt, roles, ...rest }: StaffRowRaw): StaffRow {
	return {
		...rest,
		roles: roles.filter((x): x is StaffRole => x !== 'client'),
		disabled: disabledAt !== null
	};
}

type StaffRowRaw = {
	id: string;
	displayName: string;
	email: string | null;
	roles: Role[];
	teamId: string | null;
	gemeenteIds: string[];
	disabledAt: Date | null;
};

// A person row without roles is an API key's audit actor (api/keys.ts), not staff.
const isStaff = sql`(not (${user.roles} = array['client']::text[]) and cardinality(${user.roles}) > 0)`;

/** Staff (everyone who holds a role other than only "client"), optionally filtered by name or e-mail. */
export async function listStaff(db: Db, search = ''): Promise<StaffRow[]> {
	const conditions: SQL[] = [isStaff];
	const q = search.trim();
	if (q) {
		const like = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
		conditions.push(or(ilike(user.displayName, like), ilike(user.email, like))!);
	}
	const rows = await db
		.select(staffColumns)
		.from(user)
		.where(and(...conditions))
		.orderBy(asc(user.displayName))
		.limit(200);
	return rows.map(toStaffRow);
}

export interface TeamRow {
	id: string;
	name: string;
	leadUserId: string | null;
	members: number;
}

export async function listTeams(db: Db): Promise<TeamRow[]> {
	return db
		.select({
			id: team.id,
			name: team.name,
			leadUserId: team.leadUserId,
			members: sql<number>`count(${user.id})::int`
		})
		.from(team)
		.leftJoin(user, eq(user.teamId, team.id))
		.groupBy(team.id)
		.orderBy(asc(team.name));
}

export class DuplicateEmail extends Error {
	constructor() {
		super('e-mail address already in use');
	}
}

/** A new staff account; it signs in with e-mail and password or through the staff IdP. */
export async function createStaff(
	db: Db,
	input: {
		displayName: string;
		email: string;
		roles: StaffRole[];
		teamId: string | null;
		password: string | null;
		/** Who does it, for the audit log (#14). */
		actorId?: string | null;
	}
): Promise<string> {
	const email = input.email.toLowerCase();
	return db.transaction(async (tx) => {
		const [taken] = await tx.select({ id: user.id }).from(user).where(eq(user.email, email));
		if (taken) throw new DuplicateEmail();
		const [created] = await tx
			.insert(user)
			.values({
				displayName: input.displayName,
				email,
				roles: input.roles,
				teamId: input.teamId
			})
			.returning({ id: user.id });
		if (input.password) {
			await tx.insert(authIdentity).values({
				userId: created!.id,
				provider: 'password',
				subject: email,
				passwordHash: await hashPassword(input.password)
			});
		}
		await audit.record(tx, {
			actorId: input.actorId ?? null,
			clientId: null,
			action: 'user.create',
			detail: { userId: created!.id, added: input.roles }
		});
		return created!.id;
	});
}

/**
 * Changes a staff member's roles, team, the gemeenten they work for (when given; empty: all)
 * and whether they can sign in. A client role a person also holds is kept. Refuses to take the
 * admin role from the last admin who can sign in, and a gemeente that does not exist.
 */
export async function updateStaff(
	db: Db,
	userId: string,
	input: {
		roles: StaffRole[];
		teamId: string | null;
		disabled: boolean;
		/** The gemeenten they work for (empty: all); left out: unchanged. */
		gemeenteIds?: string[];
		/** Who does it, for the audit log (#14). */
		actorId?: string | null;
	},
	now = new Date()
): Promise<'ok' | 'not-found' | 'last-admin' | 'unknown-gemeente'> {
	return db.transaction(async (tx) => {
		const [current] = await tx
			.select({
				roles: user.roles,
				teamId: user.teamId,
				gemeenteIds: user.gemeenteIds,
				disabledAt: user.disabledAt
			})
			.from(user)
			.where(and(eq(user.id, userId), isStaff));
		if (!current) return 'not-found';
		const gemeenteIds = input.gemeenteIds ? [...new Set(input.gemeenteIds)].sort() : null;
		if (gemeenteIds?.length) {
			const known = await tx
				.select({ id: gemeente.id })
				.from(gemeente)
				.where(inArray(gemeente.id, gemeenteIds));
			if (known.length !== gemeenteIds.length) return 'unknown-gemeente';
		}
		const losesAdmin = !input.roles.includes('admin') || input.disabled;
		if (current.roles.includes('admin') && losesAdmin) {
			const [others] = await tx
				.select({ n: sql<number>`count(*)::int` })
				.from(user)
				.where(
					and(sql`'admin' = any(${user.roles})`, isNull(user.disabledAt), not(eq(user.id, userId)))
				);
			if (!others || others.n === 0) return 'last-admin';
		}
		const roles: Role[] = [
			...(current.roles.includes('client') ? (['client'] as const) : []),
			...input.roles
		];
		await tx
			.update(user)
			.set({
				roles,
				teamId: input.teamId,
				disabledAt: input.disabled ? now : null,
				...(gemeenteIds ? { gemeenteIds } : {})
			})
			.where(eq(user.id, userId));
		// Security (#14): a disabled account is signed out everywhere at once.
		if (input.disabled) await tx.delete(session).where(eq(session.userId, userId));
		const actorId = input.actorId ?? null;
		const added = roles.filter((r) => !current.roles.includes(r));
		const removed = current.roles.filter((r) => !roles.includes(r));
		const event = (action: audit.AuditAction, detail: Record<string, unknown> = {}) =>
			audit.record(tx, { actorId, clientId: null, action, detail: { userId, ...detail } });
		if (added.length || removed.length) await event('user.roles', { added, removed });
		if (input.disabled && !current.disabledAt) await event('user.disable');
		if (!input.disabled && current.disabledAt) await event('user.enable');
		if (input.teamId !== current.teamId) await event('user.update', { teamId: input.teamId });
		if (gemeenteIds && gemeenteIds.join() !== [...current.gemeenteIds].sort().join())
			await event('user.update', { gemeenteIds });
		return 'ok';
	});
}

export async function createTeam(
	db: Db,
	name: string,
	leadUserId: string | null,
	actorId: string | null = null
) {
	const [row] = await db.insert(team).values({ name, leadUserId }).returning({ id: team.id });
	await audit.record(db, {
		actorId,
		clientId: null,
		action: 'team.create',
		detail: { teamId: row!.id, name, ...(leadUserId ? { userId: leadUserId } : {}) }
	});
	return row!.id;
}

export async function setTeamLead(
	db: Db,
	teamId: string,
	leadUserId: string | null,
	actorId: string | null = null
) {
	const rows = await db
		.update(team)
		.set({ leadUserId })
		.where(eq(team.id, teamId))
		.returning({ id: team.id });
	if (rows.length > 0) {
		await audit.record(db, {
			actorId,
			clientId: null,
			action: 'team.update',
			detail: { teamId, ...(leadUserId ? { userId: leadUserId } : {}) }
		});
	}
	return rows.length > 0;
}

/** The gemeenten of the dienst, by name (for choosing where a staff member works). */
export function listGemeenten(db: Db) {
	return db
		.select({ id: gemeente.id, name: gemeente.name })
		.from(gemeente)
		.orderBy(asc(gemeente.name));
}

/** A gemeente the dienst starts to serve; it offers Dutch and English until /beheer/talen says more. */
export async function addGemeente(
	db: Db,
	code: string,
	name: string,
	actorId: string | null = null
): Promise<boolean> {
	const rows = await db
		.insert(gemeente)
		.values({ code, name, languages: ['nl', 'en'] })
		.onConflictDoNothing({ target: gemeente.code })
		.returning({ id: gemeente.id });
	if (rows.length > 0) {
		await audit.record(db, {
			actorId,
			clientId: null,
			action: 'gemeente.create',
			detail: { name }
		});
	}
	return rows.length > 0;
}

export async function getStaff(db: Db, userId: string): Promise<StaffRow | null> {
	const [row] = await db
		.select(staffColumns)
		.from(user)
		.where(and(eq(user.id, userId), isStaff));
	return row ? toStaffRow(row) : null;
}
