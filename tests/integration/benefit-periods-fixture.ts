import { benefitPeriod, client, outflow, user } from '../../src/lib/server/db/schema';
import type { Db } from '../../src/lib/server/db/open';

// Clients with benefit periods for the report's tests (issue #13): the bestand, inflow and
// outflow (report-bestand-periods.test.ts) and the ladder's population
// (report-ladder-periods.test.ts) read the same periods.

/** Clients of each kind: twelve, so suppression hides nothing. */
export const EACH = 12;
let serial = 0;

/**
 * `EACH` clients whose benefit periods start on `starts` and end on `ends` (same index; null:
 * still on the benefit). The client row's benefit start is the last period's, as a re-entry
 * leaves it. Returns the clients' ids.
 */
export async function withPeriods(
	db: Db,
	gemeenteId: string,
	starts: string[],
	ends: (string | null)[]
): Promise<string[]> {
	const users = await db
		.insert(user)
		.values(
			Array.from({ length: EACH }, () => ({
				displayName: `Bp ${++serial}`,
				roles: ['client' as const]
			}))
		)
		.returning({ id: user.id });
	const list = await db
		.insert(client)
		.values(
			users.map((u) => ({
				userId: u.id,
				clientNumber: `BP-${++serial}`,
				gemeenteId,
				birthDate: '1990-01-01',
				benefitStart: starts.at(-1)!
			}))
		)
		.returning({ id: client.id });
	for (const c of list) {
		if (starts.length > 1)
			await db.insert(benefitPeriod).values(
				starts.map((start, i) => ({
					clientId: c.id,
					start,
					source: i === 0 ? ('intake' as const) : ('reentry' as const)
				}))
			);
		for (const [i, end] of ends.entries())
			if (end)
				await db
					.insert(outflow)
					.values({ clientId: c.id, benefitStart: starts[i]!, date: end, reason: 'werk' });
	}
	return list.map((c) => c.id);
}
