import { eq } from 'drizzle-orm';
import type { Db } from '../db/open';
import { client, gemeente, user } from '../db/schema';
import { createActivationCode } from './activation';
import * as audit from '../audit/audit';
import { requireInCaseload, type Staff } from '../caseload/caseload';

/**
 * Makes a one-time activation code for a client and what the letter needs. The plain code
 * is returned only here, once; the database keeps its hash. The audit records that a code
 * was made, never the code.
 */
export async function issueLetter(db: Db, staff: Staff, clientId: string, now = new Date()) {
	await requireInCaseload(db, staff, clientId);
	const [c] = await db
		.select({
			userId: client.userId,
			name: user.displayName,
			language: user.language,
			clientNumber: client.clientNumber,
			gemeente: gemeente.name
		})
		.from(client)
		.innerJoin(user, eq(user.id, client.userId))
		.innerJoin(gemeente, eq(gemeente.id, client.gemeenteId))
		.where(eq(client.id, clientId));
	if (!c) return null;
	const [km] = await db
		.select({ name: user.displayName, phone: user.phone })
		.from(user)
		.where(eq(user.id, staff.id));
	const { code, expiresAt } = await createActivationCode(db, {
		userId: c.userId,
		createdBy: staff.id,
		now
	});
	await audit.record(db, {
		actorId: staff.id,
		clientId,
		action: 'activation.create',
		detail: { expiresAt: expiresAt.toISOString() }
	});
	return {
		code,
		expiresAt: expiresAt.toISOString(),
		name: c.name,
		language: c.language,
		clientNumber: c.clientNumber,
		gemeente: c.gemeente,
		klantmanager: km ?? null
	};
}
