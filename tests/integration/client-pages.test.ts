import { expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { describeEachDatabase } from './databases';
import type { Db } from '../../src/lib/server/db/open';
import { seedDemo } from '../../src/lib/server/seed/demo';
import {
	appointment,
	client,
	clientRequest,
	instrument,
	notification,
	plan,
	planStep,
	user
} from '../../src/lib/server/db/schema';
import { homeOf } from '../../src/lib/server/client/home';
import { invite } from '../../src/lib/server/surveys/surveys';
import { appointmentsOfClient } from '../../src/lib/server/appointments/appointment-view';
import { getInstrument, listInstruments } from '../../src/lib/server/content/content';
import { inboxOf, markInboxRead } from '../../src/lib/server/notifications/notifications';
import { addDays, amsterdamDay } from '../../src/lib/dates';

/** Lars, a demo client: his user, client record, klantmanager and gemeente. */
async function larsOf(db: Db) {
	const [lars] = await db
		.select({
			userId: user.id,
			clientId: client.id,
			kmId: client.klantmanagerId,
			gemeenteId: client.gemeenteId
		})
		.from(user)
		.innerJoin(client, eq(client.userId, user.id))
		.where(eq(user.demoKey, 'lars'));
	return lars!;
}

// Client pages read their data in one query each; these are the rules a client sees on them.
describeEachDatabase('client pages', (database) => {
	const now = new Date('2026-12-01T10:00:00Z');
	const today = amsterdamDay(now);
	const hours = (h: number) => new Date(now.getTime() + h * 3_600_000);

	it('shows the next planned appointment, the steps due soon and the contact person', async () => {
		const { db } = database();
		await seedDemo(db);
		const lars = await larsOf(db);
		const { clientId, kmId } = lars;
		const [km] = await db.select().from(user).where(eq(user.id, kmId!));
		await db.delete(appointment).where(eq(appointment.clientId, clientId));
		const at = (h: number, status: 'planned' | 'cancelled' = 'planned') => ({
			clientId,
			staffId: kmId!,
			startsAt: hours(h),
			endsAt: hours(h + 1),
			kind: 'in_person' as const,
			purpose: `op ${h} uur`,
			status
		});
		await db.insert(appointment).values([at(-24), at(20, 'cancelled'), at(72), at(48)]);

		const [p] = await db.select().from(plan).where(eq(plan.clientId, clientId));
		await db.update(plan).set({ status: 'shared' }).where(eq(plan.id, p!.id));
		await db.delete(planStep).where(eq(planStep.planId, p!.id));
		const step = (position: number, title: string, due: number, more = {}) => ({
			planId: p!.id,
			position,
			title,
			owner: 'client' as const,
			dueDate: addDays(today, due),
			...more
		});
		await db
			.insert(planStep)
			.values([
				step(1, 'in tien dagen', 10),
				step(2, 'te laat', -1),
				step(3, 'over twintig dagen', 20),
				step(4, 'al klaar', 0, { status: 'done' }),
				step(5, 'van de klantmanager', 1, { owner: 'klantmanager' })
			]);

		const home = (await homeOf(db, lars.userId, 'nl', now))!;
		expect(home.firstName).toBe('Lars');
		expect(home.nextAppointment).toMatchObject({
			startsAt: hours(48).toISOString(),
			kind: 'in_person',
			staffName: km!.displayName
		});
		expect(home.dueSteps.map((s) => [s.title, s.overdue])).toEqual([
			['te laat', true],
			['in tien dagen', false]
		]);
		expect(home.hasPlan).toBe(true);
		expect(home.planWaitsForAgreement).toBe(true);
		expect(home.contact).toEqual({
			name: km!.displayName,
			phone: km!.phone,
			email: km!.email,
			hours: km!.reachableHours
		});
	});

	it('shows an open survey until it expires, and nothing for someone who is not a client', async () => {
		const { db } = database();
		const lars = await larsOf(db);
		const before = (await homeOf(db, lars.userId, 'nl', now))!.survey;
		const invited = await db.transaction((tx) =>
			invite(tx as never, { clientId: lars.clientId, trigger: 'periodic', now })
		);
		const home = (await homeOf(db, lars.userId, 'nl', now))!;
		expect(before).toBeNull();
		expect(invited.ok).toBe(true);
		expect(home.survey).toMatchObject({ trigger: 'periodic' });
		expect(home.survey!.questions).toBeGreaterThan(0);
		// Whatever is open today has expired a month later.
		expect((await homeOf(db, lars.userId, 'nl', hours(24 * 31)))!.survey).toBeNull();
		const [staff] = await db.select().from(user).where(eq(user.demoKey, 'klantmanager'));
		expect(await homeOf(db, staff!.id, 'nl', now)).toBeNull();
	});

	it('lists appointments: upcoming soonest first, the last 20 past latest first, each with its newest request', async () => {
		const { db } = database();
		const lars = await larsOf(db);
		const { clientId, kmId } = lars;
		// 25 more in the past, a day apart, on top of the one of yesterday.
		await db.insert(appointment).values(
			Array.from({ length: 25 }, (_, i) => ({
				clientId,
				staffId: kmId!,
				startsAt: hours(-48 - 24 * i),
				endsAt: hours(-47 - 24 * i),
				kind: 'phone' as const,
				purpose: `verleden ${i}`
			}))
		);
		const list = await appointmentsOfClient(db, clientId, now);
		const [soon] = list.upcoming.filter((a) => a.status === 'planned');
		await db.insert(clientRequest).values([
			{
				clientId,
				kind: 'appointment_change',
				appointmentId: soon!.id,
				status: 'declined',
				createdAt: hours(-3)
			},
			{
				clientId,
				kind: 'appointment_change',
				appointmentId: soon!.id,
				createdAt: hours(-2)
			}
		]);
		const after = await appointmentsOfClient(db, clientId, now);
		expect(after.upcoming.map((a) => a.startsAt)).toEqual(
			[hours(20), hours(48), hours(72)].map((d) => d.toISOString())
		);
		expect(after.past).toHaveLength(20);
		expect(after.past[0]!.startsAt).toBe(hours(-24).toISOString());
		expect(after.past[19]!.startsAt).toBe(hours(-48 - 24 * 18).toISOString());
		const withRequest = after.upcoming.find((a) => a.id === soon!.id)!;
		expect(withRequest.request).toEqual({ kind: 'appointment_change', status: 'open' });
		expect(after.upcoming.filter((a) => a.request).length).toBe(1);
	});

	it('marks the instruments the client asked about, and only theirs', async () => {
		const { db } = database();
		const lars = await larsOf(db);
		const [coaching] = await db.select().from(instrument).where(eq(instrument.code, 'jobcoaching'));
		await db.delete(clientRequest).where(eq(clientRequest.kind, 'instrument_question'));
		await db.insert(clientRequest).values([
			{ clientId: lars.clientId, kind: 'instrument_question', instrumentId: coaching!.id },
			// An answered question no longer counts as open.
			{
				clientId: lars.clientId,
				kind: 'instrument_question',
				instrumentId: (
					await db.select().from(instrument).where(eq(instrument.code, 'vrijwilligerswerk'))
				)[0]!.id,
				status: 'answered'
			}
		]);
		const list = await listInstruments(db, 'nl', lars.gemeenteId, {}, lars.clientId);
		expect(list.filter((i) => i.asked).map((i) => i.code)).toEqual(['jobcoaching']);
		expect((await listInstruments(db, 'nl', null)).some((i) => i.asked)).toBe(false);
		expect((await getInstrument(db, 'jobcoaching', 'nl', lars.clientId))!.asked).toBe(true);
		expect((await getInstrument(db, 'jobcoaching', 'nl'))!.asked).toBe(false);
	});

	it('opening the inbox writes nothing; a POST when it was shown marks what was shown read', async () => {
		const { db } = database();
		const { userId } = await larsOf(db);
		await db.delete(notification).where(eq(notification.userId, userId));
		await db.insert(notification).values([
			{
				userId: userId,
				channel: 'inbox',
				kind: 'plan_shared',
				payload: {},
				createdAt: hours(-2)
			},
			{
				userId: userId,
				channel: 'inbox',
				kind: 'plan_shared',
				payload: {},
				createdAt: hours(-30),
				readAt: hours(-29)
			},
			{ userId: userId, channel: 'email', kind: 'plan_shared', payload: {}, createdAt: hours(-1) }
		]);
		const first = await inboxOf(db, userId);
		expect(first.map((m) => m.read)).toEqual([false, true]);
		expect((await inboxOf(db, userId)).map((m) => m.read)).toEqual([false, true]);
		// Shown before a newer notice arrived: that newer one stays unread.
		expect(await markInboxRead(db, userId, hours(-3), now)).toBe(0);
		expect(await markInboxRead(db, userId, hours(-1), now)).toBe(1);
		const again = await inboxOf(db, userId);
		expect(again.map((m) => m.read)).toEqual([true, true]);
	});
});
