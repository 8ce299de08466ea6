import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/open';
import { contentAudio } from '../db/schema';

/**
 * A short WAV file made in code (8 kHz, 8 bit, mono): a soft chime standing in for a recording
 * in the demo and the tests, so no audio file has to be shipped or downloaded. It is not speech.
 */
export function chimeWav(seconds = 1, hz = 440): Uint8Array {
	const rate = 8000;
	const samples = Math.round(seconds * rate);
	const out = new Uint8Array(44 + samples);
	const view = new DataView(out.buffer);
	const ascii = (at: number, s: string) =>
		[...s].forEach((c, i) => view.setUint8(at + i, c.charCodeAt(0)));
	ascii(0, 'RIFF');
	view.setUint32(4, 36 + samples, true);
	ascii(8, 'WAVE');
	ascii(12, 'fmt ');
	view.setUint32(16, 16, true);
	view.setUint16(20, 1, true); // PCM
	view.setUint16(22, 1, true); // mono
	view.setUint32(24, rate, true);
	view.setUint32(28, rate, true); // bytes per second
	view.setUint16(32, 1, true);
	view.setUint16(34, 8, true);
	ascii(36, 'data');
	view.setUint32(40, samples, true);
	for (let i = 0; i < samples; i++) {
		const fade = Math.min(1, i / 400, (samples - i) / 400);
		out[44 + i] = 128 + Math.round(40 * fade * Math.sin((2 * Math.PI * hz * i) / rate));
	}
	return out;
}

/** The demo's recordings: texts in the languages phones most often have no voice for. */
export const DEMO_AUDIO = [
	{ kind: 'topic', code: 'inlichtingenplicht', language: 'ti' },
	{ kind: 'topic', code: 'inlichtingenplicht', language: 'so' },
	{ kind: 'topic', code: 'inlichtingenplicht', language: 'prs' },
	{ kind: 'topic', code: 'ontheffing', language: 'ti' },
	{ kind: 'instrument', code: 'taaltraining', language: 'so' }
] as const;

/** Adds the demo recordings a database lacks (concept: nobody checked them). */
export async function seedDemoAudio(db: Db, uploadedBy: string | null): Promise<number> {
	let added = 0;
	for (const t of DEMO_AUDIO) {
		const [have] = await db
			.select({ id: contentAudio.id })
			.from(contentAudio)
			.where(
				and(
					eq(contentAudio.kind, t.kind),
					eq(contentAudio.code, t.code),
					eq(contentAudio.language, t.language)
				)
			);
		if (have) continue;
		const data = chimeWav(1.5, t.language === 'ti' ? 440 : t.language === 'so' ? 523 : 659);
		await db
			.insert(contentAudio)
			.values({ ...t, mime: 'audio/wav', size: data.byteLength, data, uploadedBy });
		added++;
	}
	return added;
}
