import { sql } from 'drizzle-orm';
import { DAY_MS } from '../../../dates';
import type { Db } from '../../db/open';
import { MIN_DAYS_BETWEEN } from '../../surveys/invitation-rules';
import type { Rng } from './random';

// Generated invitations keep the app's rule (surveys/invitation-rules.ts): a client is not
// invited again within MIN_DAYS_BETWEEN days of an earlier invitation, whatever the trigger.
// Invitations are generated out of time order, so both sides of each one are checked.

const GAP = MIN_DAYS_BETWEEN * DAY_MS;

/**
 * Pools larger than this are searched the fast way (pickFromLarge). The demo's pools and the
 * tests' are smaller, so their invitations stay exactly as they were.
 */
export const LARGE_POOL = 1000;

export class InvitationSpacing {
	/**
	 * Per client, its invitations by GAP-wide slot (time ÷ GAP). Two invitations of one client
	 * are at least GAP apart, so a slot holds at most one, and an invitation that could clash
	 * with time t lies in t's slot or one of its two neighbours: three lookups, not a scan.
	 */
	private made = new Map<string, Map<number, number>>();
	/** Per large pool and slot, the places of the clients not yet invited in it (pickFromLarge). */
	private rest = new WeakMap<readonly string[], Map<number, { at: Int32Array; n: number }>>();

	/** Whether `clientId` may be invited at `at` beside the invitations already handed out. */
	fits(clientId: string, at: Date): boolean {
		const slots = this.made.get(clientId);
		if (!slots) return true;
		const t = at.getTime();
		const slot = Math.floor(t / GAP);
		for (const s of [slot - 1, slot, slot + 1]) {
			const other = slots.get(s);
			if (other !== undefined && Math.abs(other - t) < GAP) return false;
		}
		return true;
	}

	private record(clientId: string, at: Date): string {
		const slots = this.made.get(clientId) ?? new Map<number, number>();
		slots.set(Math.floor(at.getTime() / GAP), at.getTime());
		this.made.set(clientId, slots);
		return clientId;
	}

	/**
	 * A client from `clients` who may be invited at `at`, recorded as invited then; null when
	 * none may. One draw from `rng` as before (so the generated data after it stay the same).
	 * A pool of at most LARGE_POOL clients (the demo's) is searched from that draw on, in turn.
	 */
	pick(rng: Rng, clients: readonly string[], at: Date): string | null {
		const first = Math.floor(rng.next() * clients.length); // as rng.pick draws
		if (clients.length > LARGE_POOL) return this.pickFromLarge(clients, at, first);
		for (let i = 0; i < clients.length; i++) {
			const id = clients[(first + i) % clients.length]!;
			if (this.fits(id, at)) return this.record(id, at);
		}
		return null;
	}

	/**
	 * In a large pool, scanning every client for every invitation made the large seeder
	 * quadratic (300,000 answers: 47 s; 1,000,000 had not finished after 14 minutes), because
	 * at full scale (50,000 clients, 1,000,000 answers in two years) the pools fill up. So here
	 * a client is invited at most once in three slots in a row (at least GAP apart, as the rule
	 * asks, often more), and each slot keeps the clients still free for it, in the pool's order
	 * from a place drawn the first time: a client invited in the slot or a neighbouring one
	 * leaves that list for good, and a full slot answers null at once.
	 */
	private pickFromLarge(clients: readonly string[], at: Date, first: number): string | null {
		const slot = Math.floor(at.getTime() / GAP);
		const bySlot = this.rest.get(clients) ?? new Map<number, { at: Int32Array; n: number }>();
		this.rest.set(clients, bySlot);
		let rest = bySlot.get(slot);
		if (!rest) {
			const places = new Int32Array(clients.length);
			for (let i = 0; i < places.length; i++) places[i] = (first + i) % clients.length;
			rest = { at: places, n: places.length };
			bySlot.set(slot, rest);
		}
		while (rest.n > 0) {
			const id = clients[rest.at[0]!]!;
			rest.at[0] = rest.at[--rest.n]!; // leaves the list: invited now or near this slot
			const slots = this.made.get(id);
			if (!slots || !(slots.has(slot - 1) || slots.has(slot) || slots.has(slot + 1)))
				return this.record(id, at);
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
