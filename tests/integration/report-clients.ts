import { client, user } from '../../src/lib/server/db/schema';
import type { Db } from '../../src/lib/server/db/open';

// The clients the council report's tests build their figures from (report-as-on,
// report-indicators, report-groups): a number of clients of one gemeente with the same facts,
// each with their own user, born on 1 January 1990.

let serial = 0;

/** `count` clients with the same facts; their client numbers start with `prefix`. */
export async function reportClients(
	db: Db,
	who: { gemeenteId: string; count: number; prefix: string; benefitStart: string },
	facts: Partial<typeof client.$inferInsert> = {}
): Promise<{ id: string; userId: string }[]> {
	const users = await db
		.insert(user)
		.values(
			Array.from({ length: who.count }, () => ({
				displayName: `${who.prefix} ${++serial}`,
				roles: ['client' as const]
			}))
		)
		.returning({ id: user.id });
	return db
		.insert(client)
		.values(
			users.map((u) => ({
				userId: u.id,
				clientNumber: `${who.prefix}-${++serial}`,
				gemeenteId: who.gemeenteId,
				birthDate: '1990-01-01',
				benefitStart: who.benefitStart,
				...facts
			}))
		)
		.returning({ id: client.id, userId: client.userId });
}
