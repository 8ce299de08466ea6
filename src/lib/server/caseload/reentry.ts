import { eq } from 'drizzle-orm';
import type { Db } from '../db/open';
import { benefitPeriod, client, user } from '../db/schema';
import * as audit from '../audit/audit';

// Its own module, without notifications or i18n, so the clients import (and bench/import.ts,
// which runs without Vite) can record a re-entry too.

/**
 * The writes of a return inside the caller's transaction, for a caller that checked that the
 * client left before `benefitStart` (a klantmanager through registerReentry, or a clients file
 * with a later benefit start): the new period counts as herinstroom, the earlier one stays.
 */
export async function recordReentry(
	tx: Db,
	actorId: string,
	input: { clientId: string; userId: string; previousStart: string; benefitStart: string }
): Promise<void> {
	await tx
		.insert(benefitPeriod)
		.values([
			// Clients from before periods were kept get their earlier period recorded too.
			{ clientId: input.clientId, start: input.previousStart, source: 'intake' as const },
			{
				clientId: input.clientId,
				start: input.benefitStart,
				source: 'reentry' as const,
				createdBy: actorId
			}
		])
		.onConflictDoNothing();
	await tx
		.update(client)
		.set({ benefitStart: input.benefitStart })
		.where(eq(client.id, input.clientId));
	await tx.update(user).set({ disabledAt: null }).where(eq(user.id, input.userId));
	await audit.record(tx, {
		actorId,
		clientId: input.clientId,
		action: 'client.reentry',
		detail: { previousStart: input.previousStart, benefitStart: input.benefitStart }
	});
}
