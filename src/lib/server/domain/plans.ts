import { and, asc, desc, eq, inArray, ne } from 'drizzle-orm';
import type { Db } from '../db/open';
import {
	client,
	instrument,
	instrumentText,
	instrumentUse,
	plan,
	planAgreement,
	planStep,
	planVersion
} from '../db/schema';
import type { Tx } from './idempotency';

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
	status: string;
	version: number;
	sharedAt: string | null;
	agreedAt: string | null;
	agreedVersion: number | null;
	reviewDate: string | null;
	steps: {
		id: string;
		title: string;
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

/** A plan with its steps, only when it belongs to the client signed in as `userId`. */
export async function planForClientUser(
	db: Db,
	userId: string,
	planId: string,
	lang: string
): Promise<PlanView | null> {
	const [row] = await db
		.select({ plan })
		.from(plan)
		.innerJoin(client, eq(client.id, plan.clientId))
		.where(and(eq(plan.id, planId), eq(client.userId, userId), ne(plan.status, 'draft')))
		.limit(1);
	if (!row) return null;
	return toView(db, row.plan, lang);
}

async function toView(db: Db, p: typeof plan.$inferSelect, lang: string): Promise<PlanView> {
	const steps = await db
		.select({ step: planStep, instrumentCode: instrument.code })
		.from(planStep)
		.leftJoin(instrument, eq(instrument.id, planStep.instrumentId))
		.where(eq(planStep.planId, p.id))
		.orderBy(asc(planStep.position));
	const instrumentIds = [...new Set(steps.map((s) => s.step.instrumentId).filter((x) => !!x))];
	const names = instrumentIds.length
		? await db
				.select({
					id: instrumentText.instrumentId,
					language: instrumentText.language,
					name: instrumentText.name
				})
				.from(instrumentText)
				.where(
					and(
						inArray(instrumentText.instrumentId, instrumentIds as string[]),
						inArray(instrumentText.language, [lang, 'nl'])
					)
				)
		: [];
	const uses = instrumentIds.length
		? await db
				.select({
					id: instrumentUse.id,
					instrumentId: instrumentUse.instrumentId,
					startDate: instrumentUse.startDate,
					endDate: instrumentUse.endDate,
					plannedEndDate: instrumentUse.plannedEndDate
				})
				.from(instrumentUse)
				.where(
					and(
						eq(instrumentUse.clientId, p.clientId),
						inArray(instrumentUse.instrumentId, instrumentIds as string[])
					)
				)
				.orderBy(asc(instrumentUse.startDate))
		: [];
	const nameOf = (id: string) =>
		names.find((n) => n.id === id && n.language === lang)?.name ??
		names.find((n) => n.id === id)?.name ??
		'';
	return {
		id: p.id,
		goal: p.goal,
		status: p.status,
		version: p.version,
		sharedAt: p.sharedAt?.toISOString() ?? null,
		agreedAt: p.agreedAt?.toISOString() ?? null,
		agreedVersion: p.agreedVersion,
		reviewDate: p.reviewDate,
		steps: steps.map(({ step, instrumentCode }) => ({
			id: step.id,
			title: step.title,
			owner: step.owner,
			dueDate: step.dueDate,
			status: step.status,
			doneAt: step.doneAt?.toISOString() ?? null,
			clientNote: step.clientNote,
			instrument:
				step.instrumentId && instrumentCode
					? { id: step.instrumentId, code: instrumentCode, name: nameOf(step.instrumentId) }
					: null
		})),
		instruments: uses.map((u) => ({
			id: u.id,
			name: nameOf(u.instrumentId),
			startDate: u.startDate,
			endDate: u.endDate ?? u.plannedEndDate
		}))
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
		done: boolean;
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
			status: input.done ? 'done' : 'todo',
			doneAt: input.done ? (row.step.doneAt ?? input.now ?? new Date()) : null,
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
export async function planHistory(db: Db, userId: string, planId: string) {
	const [own] = await db
		.select({ id: plan.id })
		.from(plan)
		.innerJoin(client, eq(client.id, plan.clientId))
		.where(and(eq(plan.id, planId), eq(client.userId, userId)));
	if (!own) return null;
	const versions = await db
		.select()
		.from(planVersion)
		.where(eq(planVersion.planId, planId))
		.orderBy(desc(planVersion.version));
	const agreements = await db.select().from(planAgreement).where(eq(planAgreement.planId, planId));
	return versions.map((v) => ({
		version: v.version,
		goal: v.goal,
		steps: v.steps,
		sharedAt: v.sharedAt.toISOString(),
		agreedAt: agreements.find((a) => a.version === v.version)?.agreedAt.toISOString() ?? null
	}));
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
