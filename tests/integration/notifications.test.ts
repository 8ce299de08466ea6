import { expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { describeEachDatabase } from './databases';
import { buildFixture, type Fixture } from './km-fixture';
import nodemailer, { type SendMailOptions } from 'nodemailer';
import { notification, user } from '../../src/lib/server/db/schema';
import * as appointments from '../../src/lib/server/appointments/appointment-planning';
import * as notifications from '../../src/lib/server/notifications/notifications';

const NOW = new Date('2026-12-01T10:00:00Z');
const at = (iso: string) => new Date(iso);

describeEachDatabase('notifications: reminders and e-mail', (database) => {
	let f: Fixture;

	it('sends a reminder the day before, once, and again after a move', async () => {
		const { db } = database();
		f = await buildFixture(db);
		const r = await appointments.planAppointment(
			db,
			f.sanne,
			f.maryam.clientId,
			{
				startsAt: at('2026-12-08T08:00:00Z'),
				endsAt: at('2026-12-08T08:30:00Z'),
				kind: 'phone',
				purpose: 'Bijpraten'
			},
			NOW
		);
		const id = (r as { id: string }).id;
		const dayBefore = at('2026-12-07T07:00:00Z');
		const reminders = async () =>
			(
				await db
					.select()
					.from(notification)
					.where(
						and(
							eq(notification.userId, f.maryam.userId),
							eq(notification.kind, 'appointmentReminder')
						)
					)
			).length;
		expect(await notifications.sendAppointmentReminders(db, at('2026-12-06T07:00:00Z'))).toBe(0);
		expect(await notifications.sendAppointmentReminders(db, dayBefore)).toBe(1);
		expect(await notifications.sendAppointmentReminders(db, dayBefore)).toBe(0);
		expect(await reminders()).toBe(1);
		await appointments.moveAppointment(
			db,
			f.sanne,
			f.maryam.clientId,
			id,
			{ startsAt: at('2026-12-08T12:00:00Z'), endsAt: at('2026-12-08T12:30:00Z') },
			NOW
		);
		expect(await notifications.sendAppointmentReminders(db, dayBefore)).toBe(1);
		expect(await reminders()).toBe(2);
	});

	it('e-mails a client who asked for it: to the outbox without SMTP, over SMTP with it', async () => {
		const { db } = database();
		await db
			.update(user)
			.set({ email: 'maryam@example.org', preferences: { notifyEmail: true } })
			.where(eq(user.id, f.maryam.userId));
		const outbox = notifications.emailChannel({ transport: null, from: 'Wegwijs <a@b.example>' });
		await notifications.notify(
			db,
			f.maryam.userId,
			{ kind: 'planShared', params: { version: '2' }, link: '/plan' },
			[outbox]
		);
		const mails = await notifications.emailOutbox(db);
		expect(mails[0]).toMatchObject({ to: 'maryam@example.org' });
		expect(mails[0]!.subject).toMatch(/plan/i);
		const transport = nodemailer.createTransport({ jsonTransport: true });
		const sent: string[] = [];
		const original = transport.sendMail.bind(transport);
		transport.sendMail = (async (m: SendMailOptions) => {
			const info = await original(m);
			sent.push(String((info as { message: string }).message));
			return info;
		}) as typeof transport.sendMail;
		await notifications.notify(
			db,
			f.maryam.userId,
			{ kind: 'contactChanged', params: { name: 'Petra' } },
			[notifications.emailChannel({ transport, from: 'a@b.example' })]
		);
		expect(JSON.parse(sent[0]!).to[0].address).toBe('maryam@example.org');
		expect((await notifications.emailOutbox(db)).length).toBe(mails.length);
	});
});
