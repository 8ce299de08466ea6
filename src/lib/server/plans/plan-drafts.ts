import { and, asc, eq, inArray, ne, sql } from 'drizzle-orm';
import type { Db } from '../db/open';
import { transaction } from '../db/after-commit';
import { client, plan, planDraft, planStep, user, type DraftStep } from '../db/schema';
import { amsterdamDay } from '../../dates';
import * as audit from '../audit/audit';
import { requireInCaseload, type Staff } from '../caseload/caseload';
import { isOffered, offeredInstruments } from '../instruments/instrument-uses';
import { fromTemplate, openPlan, templatesFor } from './plan-create';
import { share, type ShareError } from './plan-share';
import { shareProblems, type DraftInput } from './plan-draft-rules';

// The plan builder's draft: what it shows, saving it safely, and the buttons that share or
// start over from a template. Starting and sharing live beside it; this file is the one
// door routes and tests use.
export {
	GOAL_MAX,
	STEP_TITLE_MAX,
	STEPS_MAX,
	applyOp,
	shareProblems,
	type DraftInput,
	type EditOp
} from './plan-draft-rules';
export { templatesFor, createPlan, type CreateError } from './plan-create';
export { share, versionsOf, type ShareError } from './plan-share';

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
