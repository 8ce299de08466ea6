import { and, asc, eq, gte, inArray, lte, ne } from 'drizzle-orm';
import type { Db } from '../db/open';
import { appointment, client, plan, planStep, user } from '../db/schema';
import { addDays, amsterdamDay } from '../../dates';

export const DUE_SOON_DAYS = 14;

/** What the client's home page shows: next appointment, steps due soon, contact person. */
export async function homeOf(db: Db, userId: string, now = new Date()) {
	const [me] = await db
		.select({
			id: client.id,
			name: user.displayName,
			kmId: client.klantmanagerId
		})
		.from(client)
		.innerJoin(user, eq(user.id, client.userId))
		.where(eq(client.userId, userId));
	if (!me) return null;
	const [contact] = me.kmId
		? await db
				.select({
					name: user.displayName,
					phone: user.phone,
					email: user.email,
					hours: user.reachableHours
				})
				.from(user)
				.where(eq(user.id, me.kmId))
		: [];
	const [next] = await db
		.select({
			id: appointment.id,
			startsAt: appointment.startsAt,
			kind: appointment.kind,
			place: appointment.place,
			staffName: user.displayName
		})
		.from(appointment)
		.innerJoin(user, eq(user.id, appointment.staffId))
		.where(
			and(
				eq(appointment.clientId, me.id),
				gte(appointment.startsAt, now),
				eq(appointment.status, 'planned')
			)
		)
		.orderBy(asc(appointment.startsAt))
		.limit(1);
	const today = amsterdamDay(now);
	const due = await db
		.select({ id: planStep.id, title: planStep.title, dueDate: planStep.dueDate })
		.from(planStep)
		.innerJoin(plan, eq(plan.id, planStep.planId))
		.where(
			and(
				eq(plan.clientId, me.id),
				inArray(plan.status, ['shared', 'agreed']),
				eq(planStep.owner, 'client'),
				ne(planStep.status, 'done'),
				lte(planStep.dueDate, addDays(today, DUE_SOON_DAYS))
			)
		)
		.orderBy(asc(planStep.dueDate))
		.limit(5);
	const [current] = await db
		.select({ id: plan.id, status: plan.status })
		.from(plan)
		.where(and(eq(plan.clientId, me.id), inArray(plan.status, ['shared', 'agreed'])))
		.limit(1);
	return {
		firstName: me.name.split(' ')[0] ?? me.name,
		hasPlan: !!current,
		planWaitsForAgreement: current?.status === 'shared',
		nextAppointment: next ? { ...next, startsAt: next.startsAt.toISOString() } : null,
		dueSteps: due.map((s) => ({ ...s, overdue: !!s.dueDate && s.dueDate < today })),
		contact: contact ?? null
	};
}
