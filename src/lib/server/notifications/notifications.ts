import { and, count, desc, eq, gte, isNull, lt, lte } from 'drizzle-orm';
import nodemailer, { type Transporter } from 'nodemailer';
import { TZDate } from '@date-fns/tz';
import type { Db } from '../db/open';
import { appointment, appointmentReminder, client, notification, user } from '../db/schema';
import { isLanguage, type Language } from '../../i18n/languages';
import { translatorFor } from '../../i18n/messages.server';
import { addDays, amsterdamDay, showDate, TIME_ZONE } from '../../dates';
import { env } from '../env';
import { vapidKeys } from '../keys';
import { pushChannel } from '../push/push';
import { afterCommit, requireAfterCommit, transaction } from '../db/after-commit';

export const NOTICE_KINDS = [
	'planShared',
	'appointmentPlanned',
	'appointmentMoved',
	'appointmentCancelled',
	'appointmentReminder',
	'requestAnswered',
	'contactChanged',
	'benefitEnded',
	'newMessage'
] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

/** What happened, as a translation key and its values; rendered in the reader's language. */
export interface Notice {
	kind: NoticeKind;
	/** Values for the text; `when` is an ISO instant shown as a date and time. */
	params: Record<string, string>;
	/** A path in Wegwijs where the client can read more. */
	link?: string;
}

export interface Recipient {
	id: string;
	email: string | null;
	language: string;
	preferences: { notifyEmail?: boolean; notifyInApp?: boolean };
}

/** A way to reach a client. New channels (Web Push, SMS) implement the same two methods. */
export interface Channel {
	readonly name: string;
	accepts(person: Recipient): boolean;
	deliver(db: Db, person: Recipient, notice: Notice): Promise<void>;
}

/** The text of a notice in one language, for an e-mail or a screen reader. */
export function renderNotice(lang: string, notice: Notice): { subject: string; text: string } {
	const language: Language = isLanguage(lang) ? lang : 'nl';
	const t = translatorFor(language);
	const values: Record<string, string> = { ...notice.params };
	if (notice.params.when) values.when = formatWhen(language, notice.params.when);
	for (const key of DAY_PARAMS)
		if (notice.params[key]) values[key] = formatDay(language, notice.params[key]);
	return {
		subject: t(`notifications.${notice.kind}.title`, values),
		text: t(`notifications.${notice.kind}.body`, values)
	};
}

/** Params that hold a calendar day (YYYY-MM-DD), shown as a date in the reader's language. */
export const DAY_PARAMS = ['date', 'until'] as const;

export function formatDay(lang: Language, day: string): string {
	return showDate(lang, day, 'long');
}

export function formatWhen(lang: Language, iso: string): string {
	return showDate(lang, iso, 'fullTime');
}

/** The in-app inbox: always on, it is where the client looks first. */
export const inboxChannel: Channel = {
	name: 'inbox',
	accepts: () => true,
	async deliver(db, person, notice) {
		await db.insert(notification).values({
			userId: person.id,
			channel: 'inbox',
			kind: notice.kind,
			payload: { params: notice.params, link: notice.link ?? null }
		});
	}
};

/**
 * E-mail for people who gave an address and asked for it: in the person's language, with a
 * plain-text part (and a simple HTML part), and an absolute link built from ORIGIN (a mail
 * program cannot follow "/berichten"). The notice carries no message text or personal
 * details; the reader signs in to read them. Without SMTP (development) the message goes to
 * the outbox table, readable in /beheer/outbox, instead of the internet.
 */
export function emailChannel(opts: {
	transport: Transporter | null;
	from: string;
	origin?: string | null;
}): Channel {
	return {
		name: 'email',
		accepts: (person) => !!person.email && person.preferences.notifyEmail === true,
		async deliver(db, person, notice) {
			const { subject, text } = renderNotice(person.language, notice);
			const link = absoluteLink(notice.link, opts.origin);
			const body = link ? `${text}\n\n${link}` : text;
			const html = `<p>${escapeHtml(text)}</p>${
				link ? `<p><a href="${escapeHtml(link)}">${escapeHtml(link)}</a></p>` : ''
			}`;
			const transport = opts.transport;
			if (transport) {
				// Sent once what it announces is committed (a mail cannot be called back).
				await afterCommit(db, async () => {
					await transport.sendMail({
						from: opts.from,
						to: person.email!,
						subject,
						text: body,
						html
					});
				});
				return;
			}
			await db.insert(notification).values({
				userId: person.id,
				channel: 'email',
				kind: notice.kind,
				payload: { to: person.email, from: opts.from, subject, text: body, html }
			});
		}
	};
}

/** A path in Wegwijs as a full address on ORIGIN; without ORIGIN no link (it would not work). */
export function absoluteLink(path: string | undefined, origin: string | null | undefined) {
	if (!path || !origin) return null;
	return new URL(path, origin).href;
}

function escapeHtml(s: string): string {
	return s.replace(
		/[&<>"']/g,
		(c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!
	);
}

let defaults: Channel[] | undefined;
/** Inbox, e-mail (over SMTP when SMTP_URL is set) and Web Push to the person's devices. */
export function defaultChannels(): Channel[] {
	if (!defaults) {
		const e = env();
		const transport = e.SMTP_URL ? nodemailer.createTransport(e.SMTP_URL) : null;
		defaults = [
			inboxChannel,
			emailChannel({ transport, from: e.MAIL_FROM, origin: e.ORIGIN }),
			pushChannel(vapidKeys)
		];
	}
	return defaults;
}

/** Tells a person something through every channel that fits them. */
export async function notify(
	db: Db,
	userId: string,
	notice: Notice,
	channels: Channel[] = defaultChannels()
): Promise<void> {
	// Push and e-mail wait for the commit; a transaction that cannot hold them is a mistake.
	requireAfterCommit(db);
	const [person] = await db
		.select({
			id: user.id,
			email: user.email,
			language: user.language,
			preferences: user.preferences
		})
		.from(user)
		.where(eq(user.id, userId));
	if (!person) return;
	for (const channel of channels) {
		if (channel.accepts(person)) await channel.deliver(db, person, notice);
	}
}

/** Tells the client (by client id) something. */
export async function notifyClient(
	db: Db,
	clientId: string,
	notice: Notice,
	channels?: Channel[]
): Promise<void> {
	const [row] = await db
		.select({ userId: client.userId })
		.from(client)
		.where(eq(client.id, clientId));
	if (row) await notify(db, row.userId, notice, channels);
}

export interface InboxItem {
	id: string;
	kind: NoticeKind;
	params: Record<string, string>;
	link: string | null;
	createdAt: string;
	read: boolean;
}

/**
 * Marks the inbox read up to the newest notice that was shown (`shownUpTo`): a POST sent when
 * the inbox is on screen, never the GET that reads it. A notice that arrived later stays new.
 */
export async function markInboxRead(
	db: Db,
	userId: string,
	shownUpTo: Date,
	now = new Date()
): Promise<number> {
	const marked = await db
		.update(notification)
		.set({ readAt: now })
		.where(
			and(
				eq(notification.userId, userId),
				eq(notification.channel, 'inbox'),
				isNull(notification.readAt),
				lte(notification.createdAt, shownUpTo)
			)
		)
		.returning({ id: notification.id });
	return marked.length;
}

/** The newest messages in a person's in-app inbox, as they are (reading marks nothing). */
export async function inboxOf(db: Db, userId: string, limit = 50): Promise<InboxItem[]> {
	const rows = await db
		.select()
		.from(notification)
		.where(and(eq(notification.userId, userId), eq(notification.channel, 'inbox')))
		.orderBy(desc(notification.createdAt))
		.limit(limit);
	return rows.map(toInboxItem);
}

function toInboxItem(r: typeof notification.$inferSelect): InboxItem {
	return {
		id: r.id,
		kind: r.kind as NoticeKind,
		params: (r.payload.params ?? {}) as Record<string, string>,
		link: (r.payload.link as string | null) ?? null,
		createdAt: r.createdAt.toISOString(),
		read: !!r.readAt
	};
}

export async function unreadCount(db: Db, userId: string): Promise<number> {
	const [row] = await db
		.select({ n: count() })
		.from(notification)
		.where(
			and(
				eq(notification.userId, userId),
				eq(notification.channel, 'inbox'),
				isNull(notification.readAt)
			)
		);
	return row?.n ?? 0;
}

/** The development outbox: e-mails that would have been sent, newest first. */
export async function emailOutbox(db: Db, limit = 100) {
	const rows = await db
		.select({ id: notification.id, payload: notification.payload, at: notification.createdAt })
		.from(notification)
		.where(eq(notification.channel, 'email'))
		.orderBy(desc(notification.createdAt))
		.limit(limit);
	return rows.map((r) => ({
		id: r.id,
		at: r.at.toISOString(),
		to: String(r.payload.to ?? ''),
		subject: String(r.payload.subject ?? ''),
		text: String(r.payload.text ?? '')
	}));
}

/** Start and end of an Amsterdam calendar day as instants. */
function dayBounds(day: string): { start: Date; end: Date } {
	const at = (d: string) => {
		const [y, m, dd] = d.split('-').map(Number) as [number, number, number];
		return new Date(new TZDate(y, m - 1, dd, 0, 0, TIME_ZONE).getTime());
	};
	return { start: at(day), end: at(addDays(day, 1)) };
}

/**
 * Reminds clients of their appointments of tomorrow (Amsterdam day). Safe to call as often
 * as a timer likes: each appointment is reminded once per start time, also when two app
 * processes run it at the same moment. Returns how many reminders went out.
 */
export async function sendAppointmentReminders(
	db: Db,
	now = new Date(),
	channels?: Channel[]
): Promise<number> {
	const { start, end } = dayBounds(addDays(amsterdamDay(now), 1));
	const due = await db
		.select({
			id: appointment.id,
			startsAt: appointment.startsAt,
			clientId: appointment.clientId,
			staffName: user.displayName
		})
		.from(appointment)
		.innerJoin(user, eq(user.id, appointment.staffId))
		.where(
			and(
				eq(appointment.status, 'planned'),
				gte(appointment.startsAt, start),
				lt(appointment.startsAt, end)
			)
		);
	let sent = 0;
	for (const a of due) {
		// One transaction per reminder: the claim and the notice commit together, and the push
		// and e-mail go out after that commit.
		const done = await transaction(db, async (tx) => {
			const claimed = await tx
				.insert(appointmentReminder)
				.values({ appointmentId: a.id, startsAt: a.startsAt, sentAt: now })
				.onConflictDoNothing()
				.returning({ id: appointmentReminder.appointmentId });
			if (claimed.length === 0) return false;
			await notifyClient(
				tx,
				a.clientId,
				{
					kind: 'appointmentReminder',
					params: { when: a.startsAt.toISOString(), name: a.staffName },
					link: `/afspraken/${a.id}`
				},
				channels
			);
			return true;
		});
		if (done) sent++;
	}
	return sent;
}
