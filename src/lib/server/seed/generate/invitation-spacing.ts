import { sql } from 'drizzle-orm';
import { DAY_MS } from '../../../dates';
import type { Db } from '../../db/open';
import { MIN_DAYS_BETWEEN } from '../../surveys/invitation-rules';
import type { Rng } from './random';

// Generated invitations keep the app's rule (surveys/invitation-rules.ts): a client is not
// invited again within MIN_DAYS_BETWEEN days of an earlier invitation, whatever the trigger.
// Invitations are generated out of time order, so both sides of each one are checked.

const GAP = MIN_DAYS_BETWEEN * DAY_MS;

export class InvitationSpacing {
	private made = new Map<string, number[]>();

	/** Whether `clientId` may be invited at `at` beside the invitations already handed out. */
	fits(clientId: string, at: Date): boolean {
		const t = at.getTime();
		return (this.made.get(clientId) ?? []).every((s) => Math.abs(s - t) >= GAP);
	}

	/**
	 * A client from `clients` who may be invited at `at`, recorded as invited then; null when
	 * none may. One draw from `rng` as before (so the generated data after it stay the same),
	 * then the next clients in the list in turn.
	 */
	pick(rng: Rng, clients: readonly string[], at: Date): string | null {
		const first = Math.floor(rng.next() * clients.length); // as rng.pick draws
		for (let i = 0; i < clients.length; i++) {
			const id = clients[(first + i) % clients.length]!;
			if (!this.fits(id, at)) continue;
			const list = this.made.get(id) ?? [];
			list.push(at.getTime());
			this.made.set(id, list);
			return id;
		}
		return null;
	}
}

/**
 * How many pairs of one client's invitations were made less than MIN_DAYS_BETWEEN × 24 hours
 * apart, counted as inviteBlockedBy counts them: the check the demo and large-seeder tests share.
 */
export async function invitationPairsTooClose(db: Db): Promise<number> {
	const result: unknown = await db.execute(sql`select count(*)::int as n from survey_invitation a
		join survey_invitation b on b.client_id = a.client_id and b.id <> a.id
			and b.created_at >= a.created_at
			and b.created_at < a.created_at + ${MIN_DAYS_BETWEEN * 24} * interval '1 hour'`);
	// PGlite answers { rows }, postgres.js an array.
	const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as {
		n: number;
	}[];
	return rows[0]!.n;
}
