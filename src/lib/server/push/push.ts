import { and, eq } from 'drizzle-orm';
import webpush from 'web-push';
import { z } from 'zod';
import type { Db } from '../db/open';
import { afterCommit } from '../db/after-commit';
import { pushSubscription } from '../db/schema';
import type { Channel, Notice } from '../notifications/notifications';
import { translatorFor } from '../../i18n/messages.server';
import { isLanguage } from '../../i18n/languages';
import type { VapidKeys } from '../keys';

// Web Push: a notice reaches a locked phone. The payload (encrypted for the device, RFC 8291)
// carries only a fixed sentence in the person's language and the page to open, never the
// message text or a name: a lock screen is read by whoever holds the phone.

const b64url = (bytes: number) =>
	z
		.string()
		.regex(/^[A-Za-z0-9_-]+={0,2}$/)
		.refine((v) => Buffer.from(v, 'base64url').length === bytes, 'errors.invalid');

/** What the browser's PushSubscription.toJSON() gives; only https push services. */
export const subscriptionInput = z.object({
	endpoint: z.url({ protocol: /^https$/ }).max(1000),
	keys: z.object({ p256dh: b64url(65), auth: b64url(16) })
});
export type SubscriptionInput = z.infer<typeof subscriptionInput>;

/**
 * Stores this device for the signed-in person. An endpoint already registered to someone else
 * is refused: a device is one person's, and taking it over would send their notices elsewhere.
 */
export async function subscribe(
	db: Db,
	userId: string,
	sub: SubscriptionInput
): Promise<{ ok: true } | { ok: false; error: 'push_other_account' }> {
	const [existing] = await db
		.select({ userId: pushSubscription.userId })
		.from(pushSubscription)
		.where(eq(pushSubscription.endpoint, sub.endpoint));
	if (existing && existing.userId !== userId) return { ok: false, error: 'push_other_account' };
	await db
		.insert(pushSubscription)
		.values({ userId, endpoint: sub.endpoint, p256dh: sub.keys.p256dh, auth: sub.keys.auth })
		.onConflictDoUpdate({
			target: pushSubscription.endpoint,
			set: { p256dh: sub.keys.p256dh, auth: sub.keys.auth }
		});
	return { ok: true };
}

export async function unsubscribe(db: Db, userId: string, endpoint: string): Promise<void> {
	await db
		.delete(pushSubscription)
		.where(and(eq(pushSubscription.userId, userId), eq(pushSubscription.endpoint, endpoint)));
}

export async function hasSubscription(db: Db, userId: string): Promise<boolean> {
	const [row] = await db
		.select({ id: pushSubscription.id })
		.from(pushSubscription)
		.where(eq(pushSubscription.userId, userId))
		.limit(1);
	return !!row;
}

/** The lock-screen text: one fixed sentence per kind of notice, nothing personal. */
export function pushPayload(language: string, notice: Notice): string {
	const t = translatorFor(isLanguage(language) ? language : 'nl');
	const key = `push.${notice.kind}`;
	const body = t(key);
	return JSON.stringify({
		title: t('app.name'),
		body: body === key ? t('push.other') : body,
		url: notice.link ?? '/berichten'
	});
}

/**
 * The push channel for `notify`: every device of the person gets the notice. A device the
 * push service no longer knows (404/410) is removed; any other failure is left for the next
 * notice (the inbox and e-mail still have it).
 */
export function pushChannel(keys: () => VapidKeys): Channel {
	return {
		name: 'push',
		accepts: () => true,
		async deliver(db, person, notice) {
			const subs = await db
				.select()
				.from(pushSubscription)
				.where(eq(pushSubscription.userId, person.id));
			if (subs.length === 0) return;
			const payload = pushPayload(person.language, notice);
			const vapidDetails = keys();
			// Sent once what it announces is committed (never for a reply that rolled back).
			await afterCommit(db, (db) => send(db, subs, payload, vapidDetails));
		}
	};
}

async function send(
	db: Db,
	subs: (typeof pushSubscription.$inferSelect)[],
	payload: string,
	vapidDetails: VapidKeys
): Promise<void> {
	for (const s of subs) {
		try {
			await webpush.sendNotification(
				{ endpoint: s.endpoint, keys: { p256dh: s.p256dh, auth: s.auth } },
				payload,
				{ vapidDetails, TTL: 24 * 3600, urgency: 'normal', timeout: 5000 }
			);
		} catch (e) {
			const status = (e as { statusCode?: number }).statusCode;
			if (status === 404 || status === 410) {
				await db.delete(pushSubscription).where(eq(pushSubscription.id, s.id));
			} else {
				console.error('Wegwijs: push not delivered', status ?? (e as Error).message);
			}
		}
	}
}
