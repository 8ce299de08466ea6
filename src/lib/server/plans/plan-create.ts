// Starting a plan: the templates a klantmanager may choose from and the first draft.
import { randomUUID } from 'node:crypto';
import { and, asc, desc, eq, isNull, ne, or } from 'drizzle-orm';
import type { Db } from '../db/open';
import { transaction } from '../db/after-commit';
import { plan, planDraft, planTemplate, type DraftStep, type Segment } from '../db/schema';
import { addDays, amsterdamDay } from '../../dates';
import * as audit from '../audit/audit';
import { requireInCaseload, type Staff } from '../caseload/caseload';
import { offeredInstruments } from '../instruments/instrument-uses';

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
export async function openPlan(db: Db, clientId: string) {
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
export async function fromTemplate(db: Db, clientId: string, templateId: string, today: string) {
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
