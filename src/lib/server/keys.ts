import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import webpush from 'web-push';
import { z } from 'zod';
import { env } from './env';

// The document key and the Web Push (VAPID) keys. Set them in the environment when several
// processes or machines serve Wegwijs; a single installation without them makes them once and
// keeps them in DATA_DIR (readable by the owner only), so a restart can still open documents.

const storedKeys = z.object({
	documentKey: z.string().optional(),
	vapidPublicKey: z.string().optional(),
	vapidPrivateKey: z.string().optional()
});
type StoredKeys = z.infer<typeof storedKeys>;

const FILE = '.wegwijs-keys.json';
let memory: StoredKeys = {};

function stored(fill: (k: StoredKeys) => StoredKeys): StoredKeys {
	const dir = env().DATA_DIR;
	if (dir.startsWith('memory://')) return (memory = fill(memory));
	const file = path.join(dir, FILE);
	const now = existsSync(file) ? storedKeys.parse(JSON.parse(readFileSync(file, 'utf8'))) : {};
	const next = fill(now);
	if (JSON.stringify(next) !== JSON.stringify(now)) {
		mkdirSync(dir, { recursive: true });
		writeFileSync(file, JSON.stringify(next), { mode: 0o600 });
		chmodSync(file, 0o600);
	}
	return next;
}

let documentKeyCache: Buffer | undefined;
export function documentKey(): Buffer {
	if (documentKeyCache) return documentKeyCache;
	const fromEnv = env().DOCUMENT_KEY;
	const b64 =
		fromEnv ??
		stored((k) => ({ ...k, documentKey: k.documentKey ?? randomBytes(32).toString('base64') }))
			.documentKey!;
	return (documentKeyCache = Buffer.from(b64, 'base64'));
}

export interface VapidKeys {
	publicKey: string;
	privateKey: string;
	subject: string;
}
let vapidCache: VapidKeys | undefined;
export function vapidKeys(): VapidKeys {
	if (vapidCache) return vapidCache;
	const e = env();
	if (e.VAPID_PUBLIC_KEY && e.VAPID_PRIVATE_KEY) {
		vapidCache = {
			publicKey: e.VAPID_PUBLIC_KEY,
			privateKey: e.VAPID_PRIVATE_KEY,
			subject: e.VAPID_SUBJECT
		};
	} else {
		const k = stored((k) => {
			if (k.vapidPublicKey && k.vapidPrivateKey) return k;
			const made = webpush.generateVAPIDKeys();
			return { ...k, vapidPublicKey: made.publicKey, vapidPrivateKey: made.privateKey };
		});
		vapidCache = {
			publicKey: k.vapidPublicKey!,
			privateKey: k.vapidPrivateKey!,
			subject: e.VAPID_SUBJECT
		};
	}
	return vapidCache;
}
