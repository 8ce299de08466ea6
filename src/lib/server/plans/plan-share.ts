// Sharing a saved draft with the client as the plan's next version, and the versions so far.
import { and, desc, eq, inArray, notInArray } from 'drizzle-orm';
import type { Db } from '../db/open';
import { transaction } from '../db/after-commit';
import { plan, planAgreement, planDraft, planStep, planVersion, user } from '../db/schema';
import * as audit from '../audit/audit';
import { requireInCaseload, type Staff } from '../caseload/caseload';
import * as notifications from '../notifications/notifications';

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
