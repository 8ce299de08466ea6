import { randomUUID } from 'node:crypto';
import { and, asc, desc, eq, inArray, isNull, ne, notInArray, or, sql } from 'drizzle-orm';
import type { Db } from '../db/open';
import { transaction } from '../db/after-commit';
import {
	client,
	plan,
	planAgreement,
	planDraft,
	planStep,
	planTemplate,
	planVersion,
	user,
	type DraftStep,
	type Segment
} from '../db/schema';
import { addDays, amsterdamDay } from '../../dates';
import * as audit from '../audit/audit';
import { requireInCaseload, type Staff } from '../caseload/caseload';
import { isOffered, offeredInstruments } from '../instruments/instrument-uses';
import * as notifications from '../notifications/notifications';

export const GOAL_MAX = 1000;
export const STEP_TITLE_MAX = 300;
export const STEPS_MAX = 30;

/** The dienst's templates that fit a segment (and those meant for every segment). */
export async function templatesFor(db: Db, segment: Segment | null) {
	return db
		.select({ id: planTemplate.id, name: planTemplate.name, segment: planTemplate.segment })
		.from(planTemplate)
		.where(
			and(
				eq(planTemplate.active, true),
				segment ? or(eq(planTemplate.segment, segment), isNull(planTemplate.segment)) : undefined
			)
		)
		.orderBy(asc(planTemplate.name));
}

/** The plan a klantmanager works on: the newest one that is not closed. */
async function openPlan(db: Db, clientId: string) {
	const [row] = await db
		.select()
		.from(plan)
		.where(and(eq(plan.clientId, clientId), ne(plan.status, 'closed')))
		.orderBy(desc(plan.createdAt))
		.limit(1);
	return row ?? null;
}

export type CreateError = 'exists' | 'template_not_found';

/** A template's goal and steps for this client: due dates from today, offered help only. */
async function fromTemplate(db: Db, clientId: string, templateId: string, today: string) {
	const [tpl] = await db
		.select()
		.from(planTemplate)
		.where(and(eq(planTemplate.id, templateId), eq(planTemplate.active, true)));
	if (!tpl) return null;
	const offered = await offeredInstruments(db, clientId);
	return {
		goal: tpl.goal,
		reviewDate: addDays(today, tpl.reviewInDays),
		steps: tpl.steps.map((s) => ({
			key: randomUUID(),
			title: s.title,
			owner: s.owner,
			dueDate: s.dueInDays === null ? null : addDays(today, s.dueInDays),
			instrumentId: offered.find((i) => i.code === s.instrumentCode)?.id ?? null
		}))
	};
}

/**
 * Starts a plan, empty or from a template. Template steps get due dates counted from today
 * and keep their instrument only where the client's gemeente offers it.
 */
export async function createPlan(
	db: Db,
	staff: Staff,
	input: { clientId: string; templateId?: string | null },
	now = new Date()
): Promise<{ ok: true; planId: string } | { ok: false; error: CreateError }> {
	await requireInCaseload(db, staff, input.clientId);
	if (await openPlan(db, input.clientId)) return { ok: false, error: 'exists' };
	const today = amsterdamDay(now);
	let goal = '';
	let reviewDate: string | null = addDays(today, 182);
	let steps: DraftStep[] = [];
	if (input.templateId) {
		const tpl = await fromTemplate(db, input.clientId, input.templateId, today);
		if (!tpl) return { ok: false, error: 'template_not_found' };
		({ goal, reviewDate, steps } = tpl);
	}
	return transaction(db, async (tx) => {
		const [created] = await tx
			.insert(plan)
			.values({
				clientId: input.clientId,
				goal: goal || '—',
				status: 'draft',
				version: 1,
				reviewDate,
				updatedAt: now,
				createdAt: now
			})
			.returning({ id: plan.id });
		await tx.insert(planDraft).values({
			planId: created!.id,
			goal,
			reviewDate,
			steps,
			revision: 1,
			updatedBy: staff.id,
			updatedAt: now
		});
		await audit.record(tx, {
			actorId: staff.id,
			clientId: input.clientId,
			action: 'plan.create',
			detail: { planId: created!.id, templateId: input.templateId ?? null }
		});
		return { ok: true, planId: created!.id } as const;
	});
}

export interface DraftView {
	planId: string;
	/** Plan version this draft builds on, and the draft's own revision (0: no draft yet). */
	version: number;
	revision: number;
	goal: string;
	reviewDate: string | null;
	steps: DraftStep[];
	updatedAt: string | null;
	updatedByName: string | null;
}

/** The draft as saved, or the shared plan as a starting point when nobody edits it yet. */
async function draftView(db: Db, p: typeof plan.$inferSelect): Promise<DraftView> {
	const [d] = await db
		.select({ draft: planDraft, name: user.displayName })
		.from(planDraft)
		.leftJoin(user, eq(user.id, planDraft.updatedBy))
		.where(eq(planDraft.planId, p.id));
	if (d) {
		return {
			planId: p.id,
			version: p.version,
			revision: d.draft.revision,
			goal: d.draft.goal,
			reviewDate: d.draft.reviewDate,
			steps: d.draft.steps,
			updatedAt: d.draft.updatedAt.toISOString(),
			updatedByName: d.name
		};
	}
	const steps = await db
		.select()
		.from(planStep)
		.where(eq(planStep.planId, p.id))
		.orderBy(asc(planStep.position));
	return {
		planId: p.id,
		version: p.version,
		revision: 0,
		goal: p.goal,
		reviewDate: p.reviewDate,
		steps: steps.map((s) => ({
			key: s.id,
			title: s.title,
			owner: s.owner,
			dueDate: s.dueDate,
			instrumentId: s.instrumentId
		})),
		updatedAt: null,
		updatedByName: null
	};
}

/** Everything the plan builder shows for one client. */
export async function editorOf(db: Db, clientId: string) {
	const current = await openPlan(db, clientId);
	const [c] = await db
		.select({ segment: client.segment })
		.from(client)
		.where(eq(client.id, clientId));
	return {
		plan: current
			? {
					id: current.id,
					status: current.status,
					version: current.version,
					sharedAt: current.sharedAt?.toISOString() ?? null,
					agreedAt: current.agreedAt?.toISOString() ?? null,
					agreedVersion: current.agreedVersion
				}
			: null,
		draft: current ? await draftView(db, current) : null,
		hasUnsharedChanges: current ? await hasDraft(db, current.id) : false,
		templates: await templatesFor(db, c?.segment ?? null),
		instruments: await offeredInstruments(db, clientId)
	};
}

async function hasDraft(db: Db, planId: string): Promise<boolean> {
	const [d] = await db
		.select({ id: planDraft.planId })
		.from(planDraft)
		.where(eq(planDraft.planId, planId));
	return !!d;
}

export interface DraftInput {
	planId: string;
	version: number;
	revision: number;
	goal: string;
	reviewDate: string | null;
	steps: DraftStep[];
}

export type SaveResult =
	| { ok: true; revision: number }
	| { ok: false; error: 'conflict'; theirs: DraftView }
	| { ok: false; error: 'not_found' }
	| { ok: false; error: 'not_offered'; step: number };

/**
 * Saves the draft only when it is still the one the klantmanager started from (same plan
 * version and draft revision). Otherwise nothing is written and the other person's version
 * comes back, so both can be compared.
 */
export async function saveDraft(
	db: Db,
	staff: Staff,
	clientId: string,
	input: DraftInput,
	now = new Date()
): Promise<SaveResult> {
	await requireInCaseload(db, staff, clientId);
	for (const [i, s] of input.steps.entries()) {
		if (s.instrumentId && !(await isOffered(db, clientId, s.instrumentId)))
			return { ok: false, error: 'not_offered', step: i };
	}
	return transaction(db, async (tx) => {
		const [p] = await tx
			.select()
			.from(plan)
			.where(and(eq(plan.id, input.planId), eq(plan.clientId, clientId)))
			.for('update');
		if (!p || p.status === 'closed') return { ok: false, error: 'not_found' } as const;
		const conflict = async () =>
			({ ok: false, error: 'conflict', theirs: await draftView(tx, p) }) as const;
		if (p.version !== input.version) return conflict();
		// Security (#14): a step key is a new id or a step of this very plan, each used once;
		// another plan's step id would make sharing move or break that step.
		const keys = input.steps.map((s) => s.key);
		if (new Set(keys).size !== keys.length) return { ok: false, error: 'not_found' } as const;
		if (keys.length) {
			const foreign = await tx
				.select({ id: planStep.id })
				.from(planStep)
				.where(and(inArray(planStep.id, keys), ne(planStep.planId, p.id)))
				.limit(1);
			if (foreign.length) return { ok: false, error: 'not_found' } as const;
		}
		const values = {
			goal: input.goal,
			reviewDate: input.reviewDate,
			steps: input.steps,
			updatedBy: staff.id,
			updatedAt: now
		};
		let revision: number;
		if (input.revision === 0) {
			const inserted = await tx
				.insert(planDraft)
				.values({ planId: p.id, ...values, revision: 1 })
				.onConflictDoNothing()
				.returning({ revision: planDraft.revision });
			if (inserted.length === 0) return conflict();
			revision = 1;
		} else {
			const updated = await tx
				.update(planDraft)
				.set({ ...values, revision: sql`${planDraft.revision} + 1` })
				.where(and(eq(planDraft.planId, p.id), eq(planDraft.revision, input.revision)))
				.returning({ revision: planDraft.revision });
			if (updated.length === 0) return conflict();
			revision = updated[0]!.revision;
		}
		await audit.record(tx, {
			actorId: staff.id,
			clientId,
			action: 'plan.update',
			detail: { planId: p.id, revision }
		});
		return { ok: true, revision } as const;
	});
}

export type ShareError = 'conflict' | 'not_found' | 'nothing_to_share' | 'incomplete';

/**
 * Shares the saved draft with the client as the plan's next version. The version is kept
 * whole (old versions stay readable), steps keep their ids so the client's ticks and notes
 * stay, and the client is told.
 */
export async function share(
	db: Db,
	staff: Staff,
	clientId: string,
	input: { planId: string; version: number; revision: number },
	now = new Date()
): Promise<{ ok: true; version: number } | { ok: false; error: ShareError }> {
	await requireInCaseload(db, staff, clientId);
	const result = await transaction(db, async (tx) => {
		const [p] = await tx
			.select()
			.from(plan)
			.where(and(eq(plan.id, input.planId), eq(plan.clientId, clientId)))
			.for('update');
		if (!p || p.status === 'closed') return { ok: false, error: 'not_found' } as const;
		if (p.version !== input.version) return { ok: false, error: 'conflict' } as const;
		const [d] = await tx.select().from(planDraft).where(eq(planDraft.planId, p.id));
		if (!d) return { ok: false, error: 'nothing_to_share' } as const;
		if (d.revision !== input.revision) return { ok: false, error: 'conflict' } as const;
		if (!d.goal.trim() || d.steps.length === 0) return { ok: false, error: 'incomplete' } as const;
		const version = p.sharedAt ? p.version + 1 : p.version;
		const keys = d.steps.map((s) => s.key);
		await tx.delete(planStep).where(and(eq(planStep.planId, p.id), notInArray(planStep.id, keys)));
		const existing = await tx
			.select()
			.from(planStep)
			.where(and(eq(planStep.planId, p.id), inArray(planStep.id, keys)));
		for (const [i, s] of d.steps.entries()) {
			const fields = {
				position: i + 1,
				title: s.title,
				owner: s.owner,
				dueDate: s.dueDate,
				instrumentId: s.instrumentId
			};
			if (existing.some((e) => e.id === s.key)) {
				await tx.update(planStep).set(fields).where(eq(planStep.id, s.key));
			} else {
				await tx.insert(planStep).values({ id: s.key, planId: p.id, ...fields, createdAt: now });
			}
		}
		const statusOf = (key: string) => existing.find((e) => e.id === key)?.status ?? 'todo';
		await tx.insert(planVersion).values({
			planId: p.id,
			version,
			goal: d.goal,
			steps: d.steps.map((s) => ({
				title: s.title,
				owner: s.owner,
				dueDate: s.dueDate,
				status: statusOf(s.key),
				instrumentId: s.instrumentId
			})),
			sharedAt: now,
			sharedBy: staff.id
		});
		await tx
			.update(plan)
			.set({
				goal: d.goal,
				reviewDate: d.reviewDate,
				version,
				status: 'shared',
				sharedAt: now,
				agreedAt: null,
				agreedVersion: null,
				updatedAt: now
			})
			.where(eq(plan.id, p.id));
		await tx.delete(planDraft).where(eq(planDraft.planId, p.id));
		await audit.record(tx, {
			actorId: staff.id,
			clientId,
			action: 'plan.share',
			detail: { planId: p.id, version }
		});
		await notifications.notifyClient(tx, clientId, {
			kind: 'planShared',
			params: { version: String(version) },
			link: '/plan'
		});
		return { ok: true, version } as const;
	});
	return result;
}

/** Every shared version of the client's plans, newest first, with the client's agreement. */
export async function versionsOf(db: Db, clientId: string) {
	const rows = await db
		.select({ v: planVersion, sharedByName: user.displayName })
		.from(planVersion)
		.innerJoin(plan, eq(plan.id, planVersion.planId))
		.leftJoin(user, eq(user.id, planVersion.sharedBy))
		.where(eq(plan.clientId, clientId))
		.orderBy(desc(planVersion.sharedAt), desc(planVersion.version));
	const agreements = rows.length
		? await db
				.select()
				.from(planAgreement)
				.where(inArray(planAgreement.planId, [...new Set(rows.map((r) => r.v.planId))]))
		: [];
	return rows.map(({ v, sharedByName }) => ({
		planId: v.planId,
		version: v.version,
		goal: v.goal,
		steps: v.steps,
		sharedAt: v.sharedAt.toISOString(),
		sharedByName,
		agreedAt:
			agreements
				.find((a) => a.planId === v.planId && a.version === v.version)
				?.agreedAt.toISOString() ?? null
	}));
}

/**
 * What stops a draft from being shared, per form field: a goal, at least one step, and a
 * title for every step. A draft may be saved half-done; the client only gets whole plans.
 */
export function shareProblems(draft: {
	goal: string;
	steps: { title: string }[];
}): Record<string, string> {
	const problems: Record<string, string> = {};
	if (!draft.goal.trim()) problems.goal = 'km.errors.goalMissing';
	if (draft.steps.length === 0) problems.steps = 'km.errors.noSteps';
	draft.steps.forEach((s, i) => {
		if (!s.title.trim()) problems[`title-${i}`] = 'km.errors.stepTitleMissing';
	});
	return problems;
}

export type EditOp =
	{ op: 'save' } | { op: 'add' } | { op: 'up' | 'down' | 'remove'; index: number };

/** Applies a button of the plan builder (add, move up or down, remove) to the steps. */
export function applyOp(steps: DraftStep[], op: EditOp): DraftStep[] {
	const next = [...steps];
	if (op.op === 'add') {
		next.push({ key: randomUUID(), title: '', owner: 'client', dueDate: null, instrumentId: null });
	} else if (op.op === 'remove') {
		next.splice(op.index, 1);
	} else if (op.op === 'up' || op.op === 'down') {
		const to = op.op === 'up' ? op.index - 1 : op.index + 1;
		if (to >= 0 && to < next.length && op.index < next.length) {
			[next[op.index], next[to]] = [next[to]!, next[op.index]!];
		}
	}
	return next;
}

export type SaveAndShareResult =
	| { ok: true; version: number }
	| Exclude<SaveResult, { ok: true }>
	| { ok: false; error: 'problems'; problems: Record<string, string> }
	| { ok: false; error: Exclude<ShareError, 'conflict'> | 'conflict' };

/** The "share" button: saves what is on screen and shares it, or changes nothing. */
export async function saveAndShare(
	db: Db,
	staff: Staff,
	clientId: string,
	input: DraftInput,
	now = new Date()
): Promise<SaveAndShareResult> {
	const problems = shareProblems(input);
	if (Object.keys(problems).length) return { ok: false, error: 'problems', problems };
	const saved = await saveDraft(db, staff, clientId, input, now);
	if (!saved.ok) return saved;
	return share(
		db,
		staff,
		clientId,
		{ planId: input.planId, version: input.version, revision: saved.revision },
		now
	);
}

/**
 * Starts the next version of an existing plan over from a template. It is saved as the
 * draft (with the same stale-save check), so the client sees it only when it is shared.
 */
export async function applyTemplate(
	db: Db,
	staff: Staff,
	clientId: string,
	input: { planId: string; version: number; revision: number; templateId: string },
	now = new Date()
): Promise<SaveResult | { ok: false; error: 'template_not_found' }> {
	await requireInCaseload(db, staff, clientId);
	const tpl = await fromTemplate(db, clientId, input.templateId, amsterdamDay(now));
	if (!tpl) return { ok: false, error: 'template_not_found' };
	return saveDraft(db, staff, clientId, { ...input, ...tpl }, now);
}
