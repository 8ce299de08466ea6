import { and, desc, eq, isNotNull, ne, or, sql, type Placeholder, type SQL } from 'drizzle-orm';
import type { Db } from '../db/open';
import { isoUtc } from '../db/json-sql';
import { preparedPerDb } from '../db/prepared';
import { client, plan, planAgreement, planStep, planVersion } from '../db/schema';
import type { Tx } from '../client/idempotency';

export const NOTE_MAX = 500;

/** The client row of a signed-in client user, or null. */
export async function clientOfUser(db: Db | Tx, userId: string) {
	const [row] = await db.select().from(client).where(eq(client.userId, userId)).limit(1);
	return row ?? null;
}

/** The client's current plan: the newest one that has been shared (drafts stay with staff). */
export async function currentPlanOfClient(db: Db | Tx, clientId: string) {
	const [row] = await db
		.select()
		.from(plan)
		.where(and(eq(plan.clientId, clientId), ne(plan.status, 'draft'), ne(plan.status, 'closed')))
		.orderBy(desc(plan.createdAt))
		.limit(1);
	return row ?? null;
}

export interface PlanView {
	id: string;
	goal: string;
	/** The language `goal` is in: the client's when translated, else 'nl' (typed in Dutch). */
	goalLang: string;
	/** The goal in Dutch, as the klantmanager wrote it: the Dutch copy of the printed plan. */
	goalNl: string;
	status: string;
	version: number;
	sharedAt: string | null;
	agreedAt: string | null;
	agreedVersion: number | null;
	reviewDate: string | null;
	steps: {
		id: string;
		title: string;
		/** The language `title` is in: the client's when translated, else 'nl'. */
		titleLang: string;
		/** The title in Dutch, for the Dutch copy of the printed plan. */
		titleNl: string;
		owner: 'client' | 'klantmanager' | 'partner';
		dueDate: string | null;
		status: 'todo' | 'done';
		doneAt: string | null;
		clientNote: string | null;
		instrument: { id: string; name: string; code: string } | null;
	}[];
	/** Instrument uses linked to the plan's steps, with their period. */
	instruments: { id: string; name: string; startDate: string; endDate: string | null }[];
}

/** An instrument's name in `lang`, else in Dutch (every instrument has a Dutch text). */
const instrumentName = (instrumentId: SQL, lang: string | Placeholder) =>
	sql`coalesce((select t.name from instrument_text t where t.instrument_id = ${instrumentId}
		and t.language = ${lang}), (select t.name from instrument_text t
		where t.instrument_id = ${instrumentId} and t.language = 'nl'), '')`;

type StepRow = Omit<PlanView['steps'][number], 'instrument'> & {
	instrumentId: string | null;
	instrumentCode: string | null;
	instrumentName: string;
};

/**
 * Mijn plan's query, built once per database (#19): the current plan (`byId` false) or the
 * shared plan asked for (`byId` true). Placeholders: userId, lang, and planId when byId.
 */
function planViewQuery(db: Db, byId: boolean) {
	const userId = sql.placeholder('userId');
	return (
		db
			.select({
				plan,
				goalTranslated: sql<string | null>`(select tr.text from plan_text_translation tr
				where tr.source = ${plan.goal} and tr.language = ${sql.placeholder('lang')})`,
				steps: sql<string>`(select coalesce(json_agg(json_build_object('id', s.id,
				'title', coalesce(tr.text, s.title),
				'titleLang', case when tr.text is null then 'nl' else ${sql.placeholder('lang')}::text end,
				'titleNl', s.title, 'owner', s.owner, 'dueDate', s.due_date, 'status', s.status,
				'doneAt', ${isoUtc(sql`s.done_at`)}, 'clientNote', s.client_note,
				'instrumentId', s.instrument_id, 'instrumentCode', i.code,
				'instrumentName', ${instrumentName(sql`s.instrument_id`, sql.placeholder('lang'))}) order by s.position),
				'[]')::text
				from plan_step s left join instrument i on i.id = s.instrument_id
				left join plan_text_translation tr on tr.source = s.title and tr.language = ${sql.placeholder('lang')}
				where s.plan_id = ${plan.id})`,
				instruments: sql<string>`(select coalesce(json_agg(json_build_object('id', u.id,
				'name', ${instrumentName(sql`u.instrument_id`, sql.placeholder('lang'))}, 'startDate', u.start_date,
				'endDate', coalesce(u.end_date, u.planned_end_date)) order by u.start_date), '[]')::text
				from instrument_use u where u.client_id = ${plan.clientId}
				and u.instrument_id in (select s.instrument_id from plan_step s
					where s.plan_id = ${plan.id}))`
			})
			.from(plan)
			.innerJoin(client, eq(client.id, plan.clientId))
			.where(
				byId
					? and(
							eq(plan.id, sql.placeholder('planId')),
							eq(client.userId, userId),
							ne(plan.status, 'draft')
						)
					: and(
							eq(client.userId, userId),
							ne(plan.status, 'draft'),
							// A plan closed at outflow stays readable (the notice says so); one that was
							// never shared stays with staff.
							or(ne(plan.status, 'closed'), isNotNull(plan.sharedAt))
						)
			)
			// An open plan first; a closed one only when there is no open one.
			.orderBy(sql`${plan.status} = 'closed'`, desc(plan.createdAt))
			.limit(1)
			.prepare(byId ? 'plan_view_by_id' : 'plan_view_current')
	);
}
const currentPlanView = preparedPerDb((db) => planViewQuery(db, false));
const planViewById = preparedPerDb((db) => planViewQuery(db, true));

/**
 * The plan a client sees, only when it belongs to the client signed in as `userId`: the one
 * asked for (`planId`, any shared version), else the current one (newest, not closed; after
 * outflow the closed one, to read). Steps,
 * instrument names and the instrument uses linked to the steps come in the same query, so
 * Mijn plan costs one round trip.
 */
export async function planViewOfUser(
	db: Db,
	userId: string,
	lang: string,
	planId?: string
): Promise<PlanView | null> {
	const [row] = planId
		? await planViewById(db).execute({ userId, lang, planId })
		: await currentPlanView(db).execute({ userId, lang });
	if (!row) return null;
	const p = row.plan;
	const steps = JSON.parse(row.steps) as StepRow[];
	return {
		id: p.id,
		goal: row.goalTranslated ?? p.goal,
		goalLang: row.goalTranslated === null ? 'nl' : lang,
		goalNl: p.goal,
		status: p.status,
		version: p.version,
		sharedAt: p.sharedAt?.toISOString() ?? null,
		agreedAt: p.agreedAt?.toISOString() ?? null,
		agreedVersion: p.agreedVersion,
		reviewDate: p.reviewDate,
		steps: steps.map(({ instrumentId, instrumentCode, instrumentName, ...step }) => ({
			...step,
			instrument:
				instrumentId && instrumentCode
					? { id: instrumentId, code: instrumentCode, name: instrumentName }
					: null
		})),
		instruments: JSON.parse(row.instruments) as PlanView['instruments']
	};
}

export type StepUpdateError = 'not_found' | 'not_yours' | 'plan_changed' | 'note_too_long';

/**
 * A client marks one of their own steps done (or not done) and may leave a short note.
 * Steps of the klantmanager or a partner are theirs to mark. When the plan changed since the
 * client last saw it, nothing is applied and the note is handed back so it is not lost.
 */
export async function updateOwnStep(
	tx: Tx,
	input: {
		userId: string;
		stepId: string;
		/** Absent: a note only, the status stays. */
		done?: boolean;
		note?: string | null;
		seenVersion?: number;
		now?: Date;
	}
): Promise<{ ok: true } | { ok: false; error: StepUpdateError; note?: string | null }> {
	const note = input.note?.trim() || null;
	if (note && [...note].length > NOTE_MAX) return { ok: false, error: 'note_too_long', note };
	const [row] = await tx
		.select({ step: planStep, plan })
		.from(planStep)
		.innerJoin(plan, eq(plan.id, planStep.planId))
		.innerJoin(client, eq(client.id, plan.clientId))
		.where(and(eq(planStep.id, input.stepId), eq(client.userId, input.userId)))
		.limit(1);
	if (!row || row.plan.status === 'draft' || row.plan.status === 'closed') {
		return input.seenVersion !== undefined
			? { ok: false, error: 'plan_changed', note }
			: { ok: false, error: 'not_found' };
	}
	if (input.seenVersion !== undefined && input.seenVersion !== row.plan.version) {
		return { ok: false, error: 'plan_changed', note };
	}
	if (row.step.owner !== 'client') return { ok: false, error: 'not_yours' };
	await tx
		.update(planStep)
		.set({
			...(input.done === undefined
				? {}
				: {
						status: input.done ? ('done' as const) : ('todo' as const),
						doneAt: input.done ? (row.step.doneAt ?? input.now ?? new Date()) : null
					}),
			...(input.note !== undefined ? { clientNote: note } : {})
		})
		.where(eq(planStep.id, input.stepId));
	return { ok: true };
}

export type AgreeError = 'not_found' | 'plan_changed' | 'not_shared';

/** The client agrees to one version of their plan; the agreement is dated and kept. */
export async function agreeToPlan(
	tx: Tx,
	input: { userId: string; planId: string; version: number; now?: Date }
): Promise<{ ok: true; agreedAt: string } | { ok: false; error: AgreeError }> {
	const [row] = await tx
		.select({ plan })
		.from(plan)
		.innerJoin(client, eq(client.id, plan.clientId))
		.where(and(eq(plan.id, input.planId), eq(client.userId, input.userId)))
		.limit(1);
	if (!row || row.plan.status === 'draft') return { ok: false, error: 'not_found' };
	if (row.plan.status === 'closed') return { ok: false, error: 'not_shared' };
	if (row.plan.version !== input.version) return { ok: false, error: 'plan_changed' };
	if (row.plan.status === 'agreed' && row.plan.agreedVersion === input.version) {
		return { ok: true, agreedAt: row.plan.agreedAt!.toISOString() };
	}
	const agreedAt = input.now ?? new Date();
	await tx
		.insert(planAgreement)
		.values({ planId: input.planId, version: input.version, userId: input.userId, agreedAt });
	await tx
		.update(plan)
		.set({ status: 'agreed', agreedAt, agreedVersion: input.version, updatedAt: agreedAt })
		.where(eq(plan.id, input.planId));
	return { ok: true, agreedAt: agreedAt.toISOString() };
}

/** Every shared version of the plan with when (and whether) the client agreed to it. */
export async function planHistory(db: Db, userId: string, planId?: string) {
	// One query: the plan (own only), its shared versions and their agreements.
	const own = planId
		? and(eq(plan.id, planId), eq(client.userId, userId))
		: eq(
				plan.id,
				sql`(select p.id from plan p join client c on c.id = p.client_id
					where c.user_id = ${userId} and p.status not in ('draft', 'closed')
					order by p.created_at desc limit 1)`
			);
	const rows = await db
		.select({
			version: planVersion.version,
			goal: planVersion.goal,
			steps: planVersion.steps,
			sharedAt: planVersion.sharedAt,
			agreedAt: planAgreement.agreedAt,
			// A question or disagreement about this version that waits for the klantmanager.
			waiting: sql<boolean>`exists (select 1 from message m where m.context_kind = 'plan'
				and m.context_id = ${plan.id} and m.plan_version = ${planVersion.version}
				and m.from_client and m.answered_at is null)`
		})
		.from(plan)
		.innerJoin(client, eq(client.id, plan.clientId))
		.leftJoin(planVersion, eq(planVersion.planId, plan.id))
		.leftJoin(
			planAgreement,
			and(eq(planAgreement.planId, plan.id), eq(planAgreement.version, planVersion.version))
		)
		.where(own)
		.orderBy(desc(planVersion.version));
	if (rows.length === 0) return null;
	return rows.flatMap((v) =>
		v.version === null || v.goal === null || v.steps === null || v.sharedAt === null
			? []
			: [
					{
						version: v.version,
						goal: v.goal,
						steps: v.steps,
						sharedAt: v.sharedAt.toISOString(),
						agreedAt: v.agreedAt?.toISOString() ?? null,
						waiting: v.waiting
					}
				]
	);
}

/** Progress as the client sees it: "3 van 7 stappen klaar". */
export function progress(steps: { status: string }[]): { done: number; total: number } {
	return { done: steps.filter((s) => s.status === 'done').length, total: steps.length };
}

/** Overdue: not done and the due date (a calendar day in Amsterdam) is before today. */
export function isOverdue(
	step: { status: string; dueDate: string | null },
	today: string
): boolean {
	return step.status !== 'done' && !!step.dueDate && step.dueDate < today;
}
