import { DAY_MS } from '../../../dates';
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
