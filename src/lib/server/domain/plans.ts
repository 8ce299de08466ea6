import { and, asc, desc, eq } from 'drizzle-orm';
import type { Db } from '../db/open';
import { client, plan, planStep } from '../db/schema';

/** The client row of a signed-in client user, or null. */
export async function clientOfUser(db: Db, userId: string) {
	const [row] = await db.select().from(client).where(eq(client.userId, userId)).limit(1);
	return row ?? null;
}

/** A plan with its steps, only when it belongs to the client signed in as `userId`. */
export async function planForClientUser(db: Db, userId: string, planId: string) {
	const [row] = await db
		.select({ plan })
		.from(plan)
		.innerJoin(client, eq(client.id, plan.clientId))
		.where(and(eq(plan.id, planId), eq(client.userId, userId)))
		.limit(1);
	if (!row) return null;
	const steps = await db
		.select()
		.from(planStep)
		.where(eq(planStep.planId, planId))
		.orderBy(asc(planStep.position));
	return { ...row.plan, steps };
}

/** The client's current plan (latest not closed, drafts are not shown to clients). */
export async function currentPlanOfClient(db: Db, clientId: string) {
	const [row] = await db
		.select()
		.from(plan)
		.where(eq(plan.clientId, clientId))
		.orderBy(desc(plan.createdAt))
		.limit(1);
	return row && row.status !== 'draft' ? row : null;
}
