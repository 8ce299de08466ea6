// Generated survey invitations: one for every generated answer set (answered in its quarter,
// by a client of its gemeente and segment), and invitations nobody answered beside them, so the
// response rate has real figures. Anonymity holds as in the app: the answer set has no client,
// and the invitation only says "answered" on a day.
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/open';
import { surveyInvitation, type SurveyTrigger } from '../../db/schema';
import { quarterDays } from '../../../quarters';
import { DAY_MS } from '../../../dates';
import { amsterdamInstantOn } from '../../wall-clock';
import type { Rng } from './random';
import type { InvitationSpacing } from './invitation-spacing';

/** Unanswered invitations per answered one, per gemeente in order (response about 45–75%). */
export const UNANSWERED_PER_ANSWER = [0.35, 0.8, 1.2];

export interface InvitationRow {
	client_id: string;
	survey_id: string;
	trigger: SurveyTrigger;
	instrument_id: string | null;
	created_at: string;
	due_at: string;
	answered_at: string | null;
}

/** Clients per gemeente and segment ('none' when not classified), to invite from. */
export type ClientPool = Map<string, string[]>;

/** The clients generated in this run ('WW-' numbers from `first` on; the demo has its own). */
export async function clientPool(db: Db, first: number): Promise<ClientPool> {
	const list: unknown = await db.execute(
		sql`select id, gemeente_id as m, coalesce(segment, 'none') as s from client
			where client_number ~ '^WW-[0-9]+$' and substring(client_number from 4)::int >= ${first}`
	);
	const rows = (Array.isArray(list) ? list : (list as { rows: unknown[] }).rows) as {
		id: string;
		m: string;
		s: string;
	}[];
	const pool: ClientPool = new Map();
	for (const r of rows) {
		for (const k of [`${r.m}|${r.s}`, `${r.m}|*`]) {
			const l = pool.get(k) ?? [];
			l.push(r.id);
			pool.set(k, l);
		}
	}
	return pool;
}

interface Answered {
	gemeenteId: string;
	quarter: string;
	segment: string | null;
	instrumentId: string | null;
	trigger: SurveyTrigger;
	surveyId: string;
	late: boolean;
}

/**
 * One invitation per answer set: sent on a day in its quarter (up to `now`), answered within
 * the 14 days it is open (a late one after), answered_at to the day as the app stores it; and
 * unanswered ones beside them, for the gemeente's response rate. No client is invited twice
 * within 30 days (`spacing`, shared by every call of one run); an unanswered invitation with no
 * client free then is left out, an answered one goes to any client of the gemeente free then.
 */
export function generateInvitations(
	rng: Rng,
	answered: Answered[],
	pool: ClientPool,
	gemeenteOrder: string[],
	now: Date,
	spacing: InvitationSpacing
): InvitationRow[] {
	const out: InvitationRow[] = [];
	// Worked out once per quarter and per day: the time-zone arithmetic of amsterdamInstantOn,
	// done for each of 1,000,000 answer sets, was most of the large seeder's invitation time.
	const quarterSpan = memo((q: string) => {
		const { from, to } = quarterDays(q);
		const first = Date.parse(`${from}T00:00:00Z`);
		const last = Math.min(Date.parse(`${to}T00:00:00Z`), now.getTime() - DAY_MS);
		return { first, days: Math.max(0, Math.floor((last - first) / DAY_MS)) };
	});
	const midnightOn = memo((day: number) => amsterdamInstantOn(new Date(day), 0, 0));
	const dayOf = (q: string) => {
		const { first, days } = quarterSpan(q);
		return new Date(first + rng.int(0, days) * DAY_MS);
	};
	const iso = (d: Date) => d.toISOString();
	for (const a of answered) {
		const clients =
			pool.get(`${a.gemeenteId}|${a.segment ?? 'none'}`) ?? pool.get(`${a.gemeenteId}|*`);
		if (!clients?.length) continue;
		const day = dayOf(a.quarter);
		const answeredOn = midnightOn(day.getTime());
		const created = new Date(day.getTime() - (a.late ? rng.int(15, 20) : rng.int(0, 12)) * DAY_MS);
		created.setUTCHours(9, rng.int(0, 59));
		const who =
			spacing.pick(rng, clients, created) ??
			spacing.pick(rng, pool.get(`${a.gemeenteId}|*`) ?? [], created);
		if (who)
			out.push({
				client_id: who,
				survey_id: a.surveyId,
				trigger: a.trigger,
				instrument_id: a.instrumentId,
				created_at: iso(created),
				due_at: iso(new Date(created.getTime() + 14 * DAY_MS)),
				answered_at: iso(answeredOn)
			});
		const extra = UNANSWERED_PER_ANSWER[gemeenteOrder.indexOf(a.gemeenteId)] ?? 0.6;
		for (let k = Math.floor(extra) + (rng.chance(extra % 1) ? 1 : 0); k > 0; k--) {
			const sent = dayOf(a.quarter);
			sent.setUTCHours(9, rng.int(0, 59));
			const who = spacing.pick(rng, clients, sent);
			if (!who) continue;
			out.push({
				client_id: who,
				survey_id: a.surveyId,
				trigger: a.trigger,
				instrument_id: a.instrumentId,
				created_at: iso(sent),
				due_at: iso(new Date(sent.getTime() + 14 * DAY_MS)),
				answered_at: null
			});
		}
	}
	return out;
}

function memo<K, V>(f: (key: K) => V): (key: K) => V {
	const known = new Map<K, V>();
	return (key) => {
		if (!known.has(key)) known.set(key, f(key));
		return known.get(key)!;
	};
}

/** Inserts invitations in statements of 10,000, each from one JSON parameter. */
export async function insertInvitations(db: Db, rows: InvitationRow[]): Promise<void> {
	for (let i = 0; i < rows.length; i += 10_000) {
		const json = JSON.stringify(rows.slice(i, i + 10_000));
		await db.execute(sql`insert into ${surveyInvitation}
			(client_id, survey_id, trigger, instrument_id, created_at, due_at, answered_at)
			select client_id, survey_id, trigger, instrument_id, created_at, due_at, answered_at
			from json_to_recordset(${json}::json) as x(client_id uuid, survey_id uuid, trigger text,
				instrument_id uuid, created_at timestamptz, due_at timestamptz, answered_at timestamptz)`);
	}
}
