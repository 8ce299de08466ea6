import { expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { describeEachDatabase } from './databases';
import { auditEvent, contentAudio, gemeente, user } from '../../src/lib/server/db/schema';
import { seedContent } from '../../src/lib/server/seed/content';
import * as contentAdmin from '../../src/lib/server/content/content-admin';
import * as audio from '../../src/lib/server/content/content-audio';
import { chimeWav, DEMO_AUDIO, seedDemoAudio } from '../../src/lib/server/seed/demo-audio';

// Issue #18: recorded audio where phones have no voice. The type comes from the bytes, the size
// is limited, a recording is concept until another person (a redacteur) checks it, and clients
// of a gemeente that holds concept texts back do not get concept recordings either.

const ti = { kind: 'topic' as const, code: 'inlichtingenplicht', language: 'ti' };

describeEachDatabase('recorded audio of content texts', (database) => {
	let admin = '';
	let reviewer = '';
	let gemeenteId = '';

	it('refuses what is not audio, whatever its name, and files too large or empty', async () => {
		const { db } = database();
		await seedContent(db);
		const [a, r] = await db
			.insert(user)
			.values([
				{ displayName: 'Ineke Beheer', roles: ['admin'] },
				{ displayName: 'Tesfay Redacteur', roles: ['admin'] }
			])
			.returning();
		admin = a!.id;
		reviewer = r!.id;
		const [g] = await db.insert(gemeente).values({ code: 'lindewaard', name: 'L' }).returning();
		gemeenteId = g!.id;

		const html = new TextEncoder().encode('<html><script>alert(1)</script></html>');
		const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
		// RIFF without WAVE (an AVI header, say) is not a WAV file.
		const riff = chimeWav(0.1);
		riff.set(new TextEncoder().encode('AVI '), 8);
		for (const bytes of [html, png, riff])
			expect(await audio.saveAudio(db, ti, bytes, admin)).toEqual({ ok: false, error: 'type' });
		expect(await audio.saveAudio(db, ti, new Uint8Array(), admin)).toEqual({
			ok: false,
			error: 'empty'
		});
		const big = new Uint8Array(audio.AUDIO_MAX_BYTES + 1);
		big.set(chimeWav(0.1));
		expect(await audio.saveAudio(db, ti, big, admin)).toEqual({ ok: false, error: 'tooBig' });
		expect(
			await audio.saveAudio(db, { ...ti, code: 'bestaat-niet' }, chimeWav(0.1), admin)
		).toEqual({ ok: false, error: 'notFound' });
		expect(await audio.saveAudio(db, { ...ti, language: 'xx' }, chimeWav(0.1), admin)).toEqual({
			ok: false,
			error: 'notFound'
		});
		expect(await db.select().from(contentAudio)).toEqual([]);
	});

	it('stores a recording as concept with the type from the bytes, and serves the same bytes', async () => {
		const { db } = database();
		const wav = chimeWav(0.5);
		const saved = await audio.saveAudio(db, ti, wav, admin);
		expect(saved.ok).toBe(true);
		const info = (await audio.audioInfo(db, ti))!;
		expect(info).toMatchObject({ mime: 'audio/wav', size: wav.byteLength, status: 'concept' });
		const file = (await audio.audioFile(db, info.id))!;
		expect(file.mime).toBe('audio/wav');
		expect(Buffer.from(file.data).equals(Buffer.from(wav))).toBe(true);
		const [event] = await db
			.select({ actorId: auditEvent.actorId, detail: auditEvent.detail })
			.from(auditEvent)
			.where(eq(auditEvent.action, 'content.audio'));
		expect(event).toMatchObject({ actorId: admin, detail: { op: 'upload', language: 'ti' } });
	});

	it('lets only another person, a redacteur for the language, check it', async () => {
		const { db } = database();
		expect(await audio.markAudioChecked(db, ti, reviewer)).toBe('notReviewer');
		await contentAdmin.grantReviewer(
			db,
			{ userId: reviewer, language: 'ti', dienst: 'Vertaalbureau' },
			admin
		);
		await contentAdmin.grantReviewer(
			db,
			{ userId: admin, language: 'ti', dienst: 'Dienst' },
			reviewer
		);
		expect(await audio.markAudioChecked(db, ti, admin)).toBe('ownEdit');
		expect(await audio.markAudioChecked(db, { ...ti, language: 'so' }, reviewer)).toBe('notFound');
		expect(await audio.markAudioChecked(db, ti, reviewer)).toBe('checked');
		expect((await audio.audioInfo(db, ti))!).toMatchObject({
			status: 'checked',
			checkedBy: 'Tesfay Redacteur'
		});
		// A new upload replaces the file and is concept again.
		await audio.saveAudio(db, ti, chimeWav(0.2), admin);
		expect((await audio.audioInfo(db, ti))!).toMatchObject({ status: 'concept', checkedBy: null });
		expect(await db.select({ id: contentAudio.id }).from(contentAudio)).toHaveLength(1);
	});

	it('gives clients a concept recording only where the gemeente shows concept texts', async () => {
		const { db } = database();
		const url = await audio.recordingFor(db, ti, gemeenteId);
		expect(url).toMatch(/^\/api\/client\/opname\/[0-9a-f-]{36}\?v=\d+$/);
		expect(await audio.recordingFor(db, { ...ti, language: 'so' }, gemeenteId)).toBeNull();
		await contentAdmin.setShowConcept(db, 'lindewaard', false, admin);
		expect(await audio.recordingFor(db, ti, gemeenteId)).toBeNull();
		await audio.markAudioChecked(db, ti, reviewer);
		expect(await audio.recordingFor(db, ti, gemeenteId)).toBe(url);
		expect(await audio.removeAudio(db, ti, admin)).toBe(true);
		expect(await audio.recordingFor(db, ti, gemeenteId)).toBeNull();
		expect(await audio.removeAudio(db, ti, admin)).toBe(false);
	});

	it('seeds the demo recordings once', async () => {
		const { db } = database();
		expect(await seedDemoAudio(db, admin)).toBe(DEMO_AUDIO.length);
		expect(await seedDemoAudio(db, admin)).toBe(0);
		const rows = await db.select({ mime: contentAudio.mime }).from(contentAudio);
		expect(rows.map((r) => r.mime)).toEqual(DEMO_AUDIO.map(() => 'audio/wav'));
	});
});
