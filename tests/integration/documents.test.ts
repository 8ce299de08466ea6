import { randomBytes } from 'node:crypto';
import { expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import sharp from 'sharp';
import { describeEachDatabase } from './databases';
import { buildFixture, type Fixture } from './km-fixture';
import {
	auditEvent,
	document,
	message,
	plan,
	planStep,
	user
} from '../../src/lib/server/db/schema';
import { applyClientAction } from '../../src/lib/server/client/client-actions';
import * as documents from '../../src/lib/server/documents/documents';
import * as conversation from '../../src/lib/server/messages/conversation';
import { AccessDenied } from '../../src/lib/server/caseload/caseload';
import type { Db } from '../../src/lib/server/db/open';

const KEY = randomBytes(32);
let n = 0;
const key = () => `doc-key-${Date.now()}-${n++}-abcdefgh`;

/** A camera photo with GPS and a camera model in its EXIF, as a phone makes it. */
async function phonePhoto(): Promise<Buffer> {
	return sharp({ create: { width: 1200, height: 800, channels: 3, background: '#e0e0e0' } })
		.jpeg()
		.withExif({
			IFD0: { Make: 'PhoneMaker', Model: 'Cheap Phone 3', Artist: 'Maryam Haddad' },
			IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '52/1 5/1 0/1' }
		})
		.toBuffer();
}
const PDF = Buffer.from(
	'%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n'
);

async function rows(db: Db) {
	return db.select().from(document);
}

describeEachDatabase('documents from the phone', (database) => {
	let f: Fixture;

	it('stores a photo re-encoded without EXIF or GPS, sealed at rest, and sends it with a message', async () => {
		const { db } = database();
		f = await buildFixture(db);
		const photo = await phonePhoto();
		expect(photo.includes(Buffer.from('Cheap Phone 3'))).toBe(true);
		const up = await documents.storeUpload(db, KEY, {
			userId: f.maryam.userId,
			uploadKey: key(),
			name: 'C:\\fakepath\\loonstrook.jpeg',
			bytes: photo
		});
		expect(up.ok).toBe(true);
		const [row] = await rows(db);
		expect(row).toMatchObject({ mime: 'image/jpeg', name: 'loonstrook.jpg', messageId: null });
		// At rest: no JPEG header, no EXIF in the stored bytes.
		expect(row!.sealed.subarray(0, 3).equals(Buffer.from([0xff, 0xd8, 0xff]))).toBe(false);

		const sent = await applyClientAction(db, {
			userId: f.maryam.userId,
			key: key(),
			action: {
				type: 'message',
				body: '',
				documents: [up.ok ? up.id : ''],
				context: { kind: 'home' }
			}
		});
		expect(sent).toMatchObject({ status: 200, body: { ok: true } });

		const got = await documents.openForStaff(db, KEY, f.sanne, f.maryam.clientId, row!.id);
		expect(got?.mime).toBe('image/jpeg');
		const meta = await sharp(got!.bytes).metadata();
		expect(meta.exif).toBeUndefined();
		expect(got!.bytes.includes(Buffer.from('Cheap Phone 3'))).toBe(false);
		expect(got!.bytes.includes(Buffer.from('Maryam Haddad'))).toBe(false);
		// The klantmanager sees the document on the message.
		const seen = await conversation.conversationForStaff(db, f.sanne, f.maryam.clientId);
		expect(seen.messages.at(-1)!.documents).toEqual([
			expect.objectContaining({ id: row!.id, name: 'loonstrook.jpg', mime: 'image/jpeg' })
		]);
	});

	it('lets the team lead download, refuses another klantmanager with 403 and an audit event', async () => {
		const { db } = database();
		const [row] = await rows(db);
		expect(
			await documents.openForStaff(db, KEY, f.lead, f.maryam.clientId, row!.id)
		).not.toBeNull();
		await expect(
			documents.openForStaff(db, KEY, f.ahmed, f.maryam.clientId, row!.id)
		).rejects.toBeInstanceOf(AccessDenied);
		// Ahmed naming his own client with Maryam's document gets nothing either.
		expect(await documents.openForStaff(db, KEY, f.ahmed, f.frans.clientId, row!.id)).toBeNull();
		const denied = await db.select().from(auditEvent).where(eq(auditEvent.action, 'client.denied'));
		expect(denied.some((e) => e.actorId === f.ahmed.id && e.clientId === f.maryam.clientId)).toBe(
			true
		);
		const reads = await db.select().from(auditEvent).where(eq(auditEvent.action, 'client.read'));
		expect(reads.some((e) => e.actorId === f.lead.id)).toBe(true);
		// The client has her own; another client does not.
		expect(await documents.openForClient(db, KEY, f.maryam.userId, row!.id)).not.toBeNull();
		expect(await documents.openForClient(db, KEY, f.frans.userId, row!.id)).toBeNull();
	});

	it('refuses by the bytes: an .exe named .pdf, an SVG with a script, a zero-byte and a 50 MB file', async () => {
		const { db } = database();
		const before = (await rows(db)).length;
		const exe = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00'), randomBytes(4000)]);
		const svg = Buffer.from(
			'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
		);
		const html = Buffer.from('<!doctype html><script>alert(1)</script>');
		const big = Buffer.alloc(50 * 1024 * 1024, 1);
		const cases: [string, Buffer, string][] = [
			['loonstrook.pdf', exe, 'file_type'],
			['foto.svg', svg, 'file_type'],
			['foto.jpg', html, 'file_type'],
			['leeg.pdf', Buffer.alloc(0), 'empty_file'],
			['groot.jpg', big, 'file_too_large']
		];
		for (const [name, bytes, error] of cases) {
			const r = await documents.storeUpload(db, KEY, {
				userId: f.maryam.userId,
				uploadKey: key(),
				name,
				bytes
			});
			expect(r, name).toEqual({ ok: false, error });
		}
		expect((await rows(db)).length).toBe(before);
	});

	it('stores a PDF once per upload key, and a message takes at most 5 of the client’s own unsent files', async () => {
		const { db } = database();
		const k = key();
		const a = await documents.storeUpload(db, KEY, {
			userId: f.maryam.userId,
			uploadKey: k,
			name: 'brief.pdf',
			bytes: PDF
		});
		const again = await documents.storeUpload(db, KEY, {
			userId: f.maryam.userId,
			uploadKey: k,
			name: 'brief.pdf',
			bytes: PDF
		});
		expect(a).toEqual(again);
		const ids: string[] = [];
		for (let i = 0; i < 6; i++) {
			const r = await documents.storeUpload(db, KEY, {
				userId: f.maryam.userId,
				uploadKey: key(),
				name: `p${i}.pdf`,
				bytes: PDF
			});
			if (r.ok) ids.push(r.id);
		}
		const frans = await documents.storeUpload(db, KEY, {
			userId: f.frans.userId,
			uploadKey: key(),
			name: 'frans.pdf',
			bytes: PDF
		});
		const messagesBefore = (await db.select().from(message)).length;
		const send = (docs: string[]) =>
			applyClientAction(db, {
				userId: f.maryam.userId,
				key: key(),
				action: { type: 'message', body: 'Mijn papieren', documents: docs }
			});
		// Six files: the action schema refuses it before anything runs.
		const { clientAction } = await import('../../src/lib/actions/schema');
		expect(clientAction.safeParse({ type: 'message', body: 'x', documents: ids }).success).toBe(
			false
		);
		// Frans's document in Maryam's message, or one already sent: refused, nothing stored.
		expect(await send([ids[0]!, frans.ok ? frans.id : ''])).toMatchObject({
			status: 404,
			body: { ok: false, error: 'documents_not_found' }
		});
		const [first] = await rows(db);
		expect(await send([first!.id])).toMatchObject({ status: 404 });
		expect((await db.select().from(message)).length).toBe(messagesBefore);
		expect(await send(ids.slice(0, 5))).toMatchObject({ status: 200 });
	});

	it('a document sent on a step shows on that step (the plan page) and reaches the klantmanager', async () => {
		const { db } = database();
		const [p] = await db
			.insert(plan)
			.values({ clientId: f.maryam.clientId, goal: 'Werk', status: 'shared', version: 1 })
			.returning();
		const [step] = await db
			.insert(planStep)
			.values({ planId: p!.id, position: 1, title: 'Loonstrook laten zien', owner: 'client' })
			.returning();
		const up = await documents.storeUpload(db, KEY, {
			userId: f.maryam.userId,
			uploadKey: key(),
			name: 'loonstrook-stap.pdf',
			bytes: PDF
		});
		const sent = await applyClientAction(db, {
			userId: f.maryam.userId,
			key: key(),
			action: {
				type: 'message',
				body: '',
				context: { kind: 'step', id: step!.id },
				documents: [up.ok ? up.id : '']
			}
		});
		expect(sent.body.ok).toBe(true);
		// Where the plan page shows the step's messages, the document is there.
		const onStep = await conversation.messagesAboutAny(db, f.maryam.userId, [step!.id]);
		expect(onStep.flatMap((m) => m.documents ?? []).map((d) => d.name)).toEqual([
			'loonstrook-stap.pdf'
		]);
		const km = await conversation.conversationForStaff(db, f.sanne, f.maryam.clientId);
		const withDoc = km.messages.find((m) => m.context?.kind === 'step' && m.documents?.length);
		expect(withDoc?.documents?.[0]?.name).toBe('loonstrook-stap.pdf');
		const opened = await documents.openForStaff(
			db,
			KEY,
			f.sanne,
			f.maryam.clientId,
			up.ok ? up.id : ''
		);
		expect(opened!.bytes.equals(PDF)).toBe(true);
	});

	it('retention removes unsent uploads after a day, sent ones after a year, and all of a closed account', async () => {
		const { db } = database();
		const all = await rows(db);
		const unsent = all.filter((d) => d.messageId === null).length;
		expect(unsent).toBeGreaterThan(0);
		const tomorrow = new Date(Date.now() + 25 * 3_600_000);
		expect(await documents.deleteExpired(db, tomorrow)).toBe(unsent);
		expect((await rows(db)).every((d) => d.messageId !== null)).toBe(true);
		await db.update(user).set({ disabledAt: new Date() }).where(eq(user.id, f.maryam.userId));
		await documents.deleteExpired(db, tomorrow);
		expect(await rows(db)).toEqual([]);
	});
});
