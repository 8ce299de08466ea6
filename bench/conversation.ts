// The conversation (#16) over HTTP against the built server: a conversation of 500 messages
// opened by the client (/berichten) and by the klantmanager, the open conversations with their
// waiting time, the caseload with its unread and open-request counts, and a 10 MB phone photo
// uploaded by Tim (re-encoded by sharp and sealed) with the server's peak memory meanwhile.
// Seeding uses only the schema, so `npm run bench` (tsx) can import this file.
import { randomBytes } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import sharp from 'sharp';
import type { Db } from '../src/lib/server/db/open';
import { client, user } from '../src/lib/server/db/schema';
import type { MemorySampler } from './load';

export const LONG_CONVERSATION = 500;

/**
 * Tim (demo client, in Sanne's caseload) gets a conversation of 500 messages with Sanne, both ways over three
 * weeks; every other client of Sanne's caseload one to three messages, a third still waiting.
 */
export async function seedConversations(db: Db): Promise<{ timClientId: string }> {
	const [sanne] = await db
		.select({ id: user.id })
		.from(user)
		.where(eq(user.demoKey, 'klantmanager'));
	const [tim] = await db
		.select({ id: client.id, userId: client.userId })
		.from(client)
		.innerJoin(user, eq(user.id, client.userId))
		.where(eq(user.demoKey, 'tim'));
	await db.execute(sql`insert into message (client_id, author_id, from_client, body, created_at,
			read_at, answered_at)
		select ${tim!.id}::uuid,
			case when n % 2 = 0 then ${tim!.userId}::uuid else ${sanne!.id}::uuid end,
			n % 2 = 0, 'Bericht ' || n || ': ' || repeat('tekst ', 20),
			now() - ((${LONG_CONVERSATION} - n) || ' hours')::interval,
			now() - ((${LONG_CONVERSATION} - n) || ' hours')::interval,
			case when n % 2 = 0 then now() - ((${LONG_CONVERSATION} - n - 1) || ' hours')::interval end
		from generate_series(0, ${LONG_CONVERSATION - 1}) n`);
	await db.execute(sql`insert into message (client_id, author_id, from_client, body, created_at,
			read_at, answered_at)
		select c.id, c.user_id, true, 'Vraag ' || k, now() - (k || ' days')::interval,
			case when abs(hashtext(c.id::text)) % 3 <> 0 then now() - (k || ' days')::interval end,
			case when abs(hashtext(c.id::text)) % 3 <> 0 then now() - (k || ' days')::interval end
		from client c, generate_series(1, 3) k
		where c.klantmanager_id = ${sanne!.id} and c.id <> ${tim!.id}
			and k <= 1 + (abs(hashtext(c.id::text)) % 3)`);
	return { timClientId: tim!.id };
}

/** A phone photo just under 10 MB: noise, so JPEG cannot make it small. */
export async function tenMegabytePhoto(): Promise<Buffer> {
	const width = 4000;
	const height = 3000;
	const raw = randomBytes(width * height * 3);
	const encode = (quality: number) =>
		sharp(raw, { raw: { width, height, channels: 3 } })
			.jpeg({ quality })
			.toBuffer();
	let quality = 95;
	let photo = await encode(quality);
	while (photo.length > 10 * 10 ** 6 && quality > 40) {
		quality -= 5;
		photo = await encode(quality);
	}
	return photo;
}

export interface UploadTiming {
	bytes: number;
	runs: number;
	p50: number;
	max: number;
	/** The server's highest RSS while the uploads ran, and just before. */
	rssBefore: number;
	rssPeak: number;
}

/** Uploads the photo `runs` times as a client (each its own Idempotency-Key), one at a time. */
export async function timeUpload(
	base: string,
	cookie: string,
	memory: MemorySampler,
	runs: number
): Promise<UploadTiming> {
	const photo = await tenMegabytePhoto();
	const rssBefore = memory.windowPeak();
	memory.startWindow();
	const times: number[] = [];
	for (let i = 0; i < runs; i++) {
		const form = new FormData();
		form.set('file', new Blob([new Uint8Array(photo)], { type: 'image/jpeg' }), 'loonstrook.jpg');
		const start = performance.now();
		const r = await fetch(`${base}/api/client/documents`, {
			method: 'POST',
			headers: {
				cookie,
				origin: base,
				'idempotency-key': `bench${Date.now()}${i}${randomBytes(6).toString('hex')}`
			},
			body: form
		});
		const body = await r.text();
		if (!r.ok) throw new Error(`upload answered ${r.status}: ${body.slice(0, 200)}`);
		times.push(performance.now() - start);
	}
	const rssPeak = memory.windowPeak();
	times.sort((a, b) => a - b);
	return {
		bytes: photo.length,
		runs,
		p50: times[Math.floor(times.length / 2)]!,
		max: times[times.length - 1]!,
		rssBefore,
		rssPeak
	};
}
