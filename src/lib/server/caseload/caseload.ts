import { and, asc, desc, eq, ilike, inArray, isNull, like, or, sql, type SQL } from 'drizzle-orm';
import { searchName } from '../db/search-name';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../db/open';
import { preparedPerDb } from '../db/prepared';
import { transaction } from '../db/after-commit';
import { client, SEGMENTS, team, user, type Segment } from '../db/schema';
import { amsterdamDay } from '../../dates';
import * as audit from '../audit/audit';
import { worksFor } from '../staff/works-for';
import * as notifications from '../notifications/notifications';
import { hasLeft } from './left';

/** The three segments (werk, perspectief, meedoen), for filters in routes. */
export { SEGMENTS };

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
export async function visibleKlantmanagers(db: Db, staff: Staff): Promise<string[]> {
	if (!staff.roles.includes('klantmanager')) return [];
	const led = await db
		.select({ member: user.id })
		.from(team)
		.innerJoin(user, eq(user.teamId, team.id))
		.where(eq(team.leadUserId, staff.id));
	return [...new Set([staff.id, ...led.map((r) => r.member)])];
}

/** The klantmanagers whose caseloads `staff` sees, by name (more than one for a team lead). */
export async function teamMembers(db: Db, staff: Staff): Promise<{ id: string; name: string }[]> {
	if (!staff.roles.includes('klantmanager')) return [];
	return teamMembersQuery(db).execute({ staffId: staff.id });
}
/** The same people as `visibleKlantmanagers`, with names, in one query built once (#19). */
const teamMembersQuery = preparedPerDb((db) =>
	db
		.select({ id: user.id, name: user.displayName })
		.from(user)
		// "id = staff or team_id in (their team)" made PostgreSQL read all 50,000 users (23 ms
		// per caseload page at full scale); the same people as a union of two index lookups
		// take 0.1 ms.
		.where(
			sql`${user.id} in (select ${sql.placeholder('staffId')}::uuid union all
				select u.id from "user" u join team t on t.id = u.team_id
				where t.lead_user_id = ${sql.placeholder('staffId')})`
		)
		.orderBy(asc(user.displayName))
		.prepare('team_members')
);

export async function caseloadFilter(db: Db, staff: Staff): Promise<SQL | undefined> {
	const kms = await visibleKlantmanagers(db, staff);
	return kms.length ? inArray(client.klantmanagerId, kms) : undefined;
}

/**
 * Checks that the client is in the staff member's caseload (or their team's, for a team
 * lead). A refusal is audited and thrown as AccessDenied; an allowed check writes nothing,
 * so a change can record its own event.
 */
export async function requireInCaseload(db: Db, staff: Staff, clientId: string): Promise<void> {
	const filter = await caseloadFilter(db, staff);
	const [row] = filter
		? await db
				.select({ id: client.id })
				.from(client)
				.where(and(eq(client.id, clientId), filter))
				.limit(1)
		: [];
	if (row) return;
	const [exists] = await db.select({ id: client.id }).from(client).where(eq(client.id, clientId));
	await audit.record(db, {
		actorId: staff.id,
		clientId: exists ? clientId : null,
		action: 'client.denied',
		detail: exists ? undefined : { requested: clientId }
	});
	throw new AccessDenied();
}

/**
 * Opens a client for a staff member: returns the client id when it is in their caseload
 * (or their team's, for a team lead) and writes an audit event either way.
 */
export async function openClient(
	db: Db,
	staff: Staff,
	clientId: string,
	page?: string
): Promise<string> {
	await requireInCaseload(db, staff, clientId);
	await audit.record(db, {
		actorId: staff.id,
		clientId,
		action: 'client.read',
		detail: page ? { page } : undefined
	});
	return clientId;
}

export interface CaseloadRow {
	id: string;
	clientNumber: string;
	name: string;
	segment: string | null;
	ladderStep: number;
}

/** The whole caseload by name (small lists, tests); the page uses `searchCaseload`. */
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

export const PLAN_STATES = ['none', 'draft', 'shared', 'agreed', 'review_due'] as const;
export type PlanState = (typeof PLAN_STATES)[number];
export const SORTS = [
	'name',
	'number',
	'next',
	'ladder',
	'messages',
	'requests',
	'overdue'
] as const;
export const PAGE_SIZE = 25;

export interface CaseloadQuery {
	q?: string;
	segment?: Segment | 'none';
	plan?: PlanState;
	attention?: 'requests' | 'overdue';
	/** Active (default): still on benefit; left: the current benefit period has an outflow. */
	status?: 'active' | 'left' | 'all';
	klantmanager?: string;
	sort?: (typeof SORTS)[number];
	dir?: 'asc' | 'desc';
	page?: number;
}

export interface CaseloadEntry extends CaseloadRow {
	/** The client's current benefit period has ended (outflow). */
	left: boolean;
	klantmanagerId: string | null;
	klantmanagerName: string | null;
	nextAppointment: string | null;
	planState: PlanState;
	/** Open appointment change requests and questions about help: each one thing to answer. */
	openRequests: number;
	/**
	 * Messages from the client no one on the staff side has read or answered yet, apart from
	 * those that belong to an open request (that request is the one thing that waits).
	 */
	unreadMessages: number;
	overdueSteps: number;
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Which SQL a caseload search needs: the filters and order in use, not their values. */
interface CaseloadShape {
	search: boolean;
	status: 'active' | 'left' | 'all';
	segment: 'none' | 'one' | null;
	plan: boolean;
	attention: 'requests' | 'overdue' | null;
	sort: (typeof SORTS)[number];
	dir: 'asc' | 'desc';
}

/**
 * The count and the page of one shape of caseload search, with placeholders for every value
 * (klantmanagers, at, today, name, number, segment, plan, limit, offset). Built once
 * per database and shape (#19): drizzle building this SQL was a sixth of the caseload's CPU.
 */
function buildCaseloadQueries(db: Db, shape: CaseloadShape) {
	const km = alias(user, 'km');
	const p = sql.placeholder;
	// The caseloads to show, as one array of klantmanager ids (those teamMembers found, or the
	// one chosen). Not a subquery on team: at 50,000 clients PostgreSQL answered that with a
	// sequential scan of every client and user (caseload 17.6 → 55.8 ms p50 in the benchmark,
	// 'with overdue steps' 22.8 → 500 ms); an array lets it use client_klantmanager_idx.
	const conditions: (SQL | undefined)[] = [
		sql`${client.klantmanagerId} = any(${p('klantmanagers')}::uuid[])`
	];
	if (shape.search) {
		// Accents, case, hyphens and apostrophes do not matter ("wojcik" finds "Wójcik"); a name
		// in another script is found by its stored Latin spelling too.
		conditions.push(
			or(
				like(user.searchName, p('name')),
				like(client.latinSearchName, p('name')),
				ilike(client.clientNumber, p('number'))
			)
		);
	}
	if (shape.status === 'active') conditions.push(sql`not ${hasLeft}`);
	else if (shape.status === 'left') conditions.push(hasLeft);
	if (shape.segment === 'none') conditions.push(isNull(client.segment));
	else if (shape.segment === 'one') conditions.push(eq(client.segment, p('segment')));

	const base = db
		.select({
			id: client.id,
			clientNumber: client.clientNumber,
			name: sql<string>`${user.displayName}`.as('name'),
			segment: client.segment,
			ladderStep: client.ladderStep,
			left: sql<boolean>`${hasLeft}`.as('left'),
			klantmanagerId: client.klantmanagerId,
			klantmanagerName: sql<string | null>`${km.displayName}`.as('km_name'),
			nextAppointment: sql<string | null>`(select min(a.starts_at) from appointment a
				where a.client_id = ${client.id} and a.status = 'planned'
				and a.starts_at >= ${p('at')}::timestamptz)`.as('next_appointment'),
			planState: sql<PlanState>`coalesce((select case
					when p.status = 'draft' then 'draft'
					when p.review_date is not null and p.review_date <= ${p('today')}::date then 'review_due'
					else p.status end
				from plan p where p.client_id = ${client.id} and p.status <> 'closed'
				order by p.created_at desc limit 1), 'none')`.as('plan_state'),
			openRequests: sql<number>`(select count(*) from client_request r
				where r.client_id = ${client.id} and r.status = 'open')::int`.as('open_requests'),
			// A message that belongs to an open request (its reason, or what the client added
			// about the same appointment or help) is that request, counted once above.
			unreadMessages: sql<number>`(select count(*) from message m
				where m.client_id = ${client.id} and m.from_client and m.read_at is null
				and m.answered_at is null
				and not exists (select 1 from client_request r
					where r.client_id = m.client_id and r.status = 'open'
					and ((m.context_kind = 'appointment' and r.appointment_id = m.context_id)
						or (m.context_kind = 'instrument' and r.instrument_id = m.context_id))))::int`.as(
				'unread_messages'
			),
			overdueSteps: sql<number>`(select count(*) from plan_step s join plan p on p.id = s.plan_id
				where p.client_id = ${client.id} and p.status in ('shared', 'agreed')
				and s.status <> 'done' and s.due_date < ${p('today')}::date)::int`.as('overdue_steps')
		})
		.from(client)
		.innerJoin(user, eq(user.id, client.userId))
		.leftJoin(km, eq(km.id, client.klantmanagerId))
		.where(and(...conditions))
		.as('c');

	const derived: SQL[] = [];
	if (shape.plan) derived.push(sql`${base.planState} = ${p('plan')}`);
	if (shape.attention === 'requests') derived.push(sql`${base.openRequests} > 0`);
	if (shape.attention === 'overdue') derived.push(sql`${base.overdueSteps} > 0`);
	const where = derived.length ? and(...derived) : undefined;

	const dir = shape.dir === 'desc' ? desc : asc;
	const sortColumn = {
		name: base.name,
		number: base.clientNumber,
		next: base.nextAppointment,
		ladder: base.ladderStep,
		messages: base.unreadMessages,
		requests: base.openRequests,
		overdue: base.overdueSteps
	}[shape.sort];
	const nulls = shape.sort === 'next' ? sql`nulls last` : sql``;
	const key = caseloadShapeKey(shape);
	return {
		count: db
			.select({ total: sql<number>`count(*)::int` })
			.from(base)
			.where(where)
			.prepare(`caseload_count_${key}`),
		rows: db
			.select()
			.from(base)
			.where(where)
			.orderBy(sql`${dir(sortColumn)} ${nulls}`, asc(base.name), asc(base.id))
			.limit(p('limit'))
			.offset(p('offset'))
			.prepare(`caseload_rows_${key}`)
	};
}

const caseloadShapeKey = (s: CaseloadShape) =>
	[s.search, s.status, s.segment, s.plan, s.attention, s.sort, s.dir].map(String).join('_');

/** At most a few thousand shapes exist; each is kept once built, per database. */
const caseloadQueries = new WeakMap<Db, Map<string, ReturnType<typeof buildCaseloadQueries>>>();
function caseloadQueriesFor(db: Db, shape: CaseloadShape) {
	let byShape = caseloadQueries.get(db);
	if (!byShape) caseloadQueries.set(db, (byShape = new Map()));
	const key = caseloadShapeKey(shape);
	let queries = byShape.get(key);
	if (!queries) byShape.set(key, (queries = buildCaseloadQueries(db, shape)));
	return queries;
}

/**
 * One page of the caseload with what a klantmanager scans for: next appointment, plan state,
 * open requests and overdue steps. Every figure is a lookup per client through an index, and
 * only clients of the visible klantmanagers are read, so the cost follows the caseload size,
 * not the number of clients in the database.
 */
export async function searchCaseload(
	db: Db,
	staff: Staff,
	query: CaseloadQuery,
	now = new Date()
): Promise<{
	rows: CaseloadEntry[];
	total: number;
	page: number;
	pages: number;
	klantmanagers: { id: string; name: string }[];
}> {
	const members = await teamMembers(db, staff);
	if (members.length === 0) return { rows: [], total: 0, page: 1, pages: 1, klantmanagers: [] };
	const oneKlantmanager = !!query.klantmanager && members.some((m) => m.id === query.klantmanager);
	const q = query.q?.trim();
	const segment =
		query.segment === 'none'
			? 'none'
			: query.segment && SEGMENTS.includes(query.segment)
				? 'one'
				: null;
	const queries = caseloadQueriesFor(db, {
		search: !!q,
		status: query.status ?? 'active',
		segment,
		plan: !!query.plan,
		attention: query.attention ?? null,
		sort: query.sort ?? 'name',
		dir: query.dir === 'desc' ? 'desc' : 'asc'
	});
	const values = {
		// A PostgreSQL array literal of uuids read from the database (no user text in it).
		klantmanagers: `{${(oneKlantmanager ? [query.klantmanager!] : members.map((m) => m.id)).join(',')}}`,
		name: q ? `%${escapeLike(searchName(q))}%` : undefined,
		number: q ? `%${escapeLike(q)}%` : undefined,
		segment: segment === 'one' ? query.segment : undefined,
		plan: query.plan,
		at: now.toISOString(),
		today: amsterdamDay(now)
	};
	const [{ total } = { total: 0 }] = await queries.count.execute(values);
	const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
	const page = Math.min(Math.max(1, query.page ?? 1), pages);
	const rows = await queries.rows.execute({
		...values,
		limit: PAGE_SIZE,
		offset: (page - 1) * PAGE_SIZE
	});
	return {
		rows: rows.map((r) => ({
			...r,
			nextAppointment: r.nextAppointment ? new Date(r.nextAppointment).toISOString() : null
		})),
		total,
		page,
		pages,
		klantmanagers: members
	};
}

/** Whether `staff` leads a team, so they may see its caseloads and move clients. */
export async function isTeamLead(db: Db, staff: Staff): Promise<boolean> {
	const [row] = await db
		.select({ id: team.id })
		.from(team)
		.where(eq(team.leadUserId, staff.id))
		.limit(1);
	return !!row;
}

export type MoveError = 'not_lead' | 'unknown_klantmanager' | 'klantmanager_gemeente' | 'same';

/**
 * A team lead gives a client another klantmanager of the team. The client sees the new
 * contact person on Home and gets a notice saying so.
 */
export async function moveClient(
	db: Db,
	staff: Staff,
	input: { clientId: string; toKlantmanagerId: string }
): Promise<{ ok: true } | { ok: false; error: MoveError }> {
	await requireInCaseload(db, staff, input.clientId);
	if (!(await isTeamLead(db, staff))) return { ok: false, error: 'not_lead' };
	const visible = await visibleKlantmanagers(db, staff);
	if (!visible.includes(input.toKlantmanagerId))
		return { ok: false, error: 'unknown_klantmanager' };
	return transaction(db, async (tx) => {
		const [row] = await tx
			.select({
				userId: client.userId,
				from: client.klantmanagerId,
				gemeenteId: client.gemeenteId
			})
			.from(client)
			.where(eq(client.id, input.clientId));
		if (!row) throw new AccessDenied();
		if (row.from === input.toKlantmanagerId) return { ok: false, error: 'same' } as const;
		const [to] = await tx
			.select({ name: user.displayName, roles: user.roles, gemeenteIds: user.gemeenteIds })
			.from(user)
			.where(eq(user.id, input.toKlantmanagerId));
		if (!to || !to.roles.includes('klantmanager'))
			return { ok: false, error: 'unknown_klantmanager' } as const;
		// The new klantmanager works for the client's gemeente (none set: for all of them).
		if (!worksFor(to, row.gemeenteId))
			return { ok: false, error: 'klantmanager_gemeente' } as const;
		await tx
			.update(client)
			.set({ klantmanagerId: input.toKlantmanagerId })
			.where(eq(client.id, input.clientId));
		await audit.record(tx, {
			actorId: staff.id,
			clientId: input.clientId,
			action: 'client.move',
			detail: { from: row.from, to: input.toKlantmanagerId }
		});
		await notifications.notify(tx, row.userId, {
			kind: 'contactChanged',
			params: { name: to.name }
		});
		return { ok: true } as const;
	});
}
