import { and, eq, sql } from 'drizzle-orm';
import { fileTypeFromBuffer } from 'file-type';
import type { Db } from '../db/open';
import { contentAudio, instrument, topic, user } from '../db/schema';
import { record } from '../audit/audit';
import { isLanguage } from '../../i18n/languages';
import { reviewerFor, type CheckOutcome, type ContentKind } from './content-admin';
import { showsConcept } from './content';

/**
 * 480 kB: about four minutes of speech as mono Opus at 16 kbit/s, two as MP3 at 32 kbit/s. A
 * client on a prepaid plan pays for every byte, and the upload stays under adapter-node's
 * default body limit (512 kB, `BODY_SIZE_LIMIT`), so the refusal is always our translated one.
 */
export const AUDIO_MAX_BYTES = 480 * 1024;

/** What we accept, by the type found in the bytes, and the type we serve it as. */
const AUDIO_TYPES: Record<string, string> = {
	mp3: 'audio/mpeg',
	m4a: 'audio/mp4',
	ogg: 'audio/ogg',
	opus: 'audio/ogg',
	oga: 'audio/ogg',
	wav: 'audio/wav'
};

export type AudioTarget = { kind: ContentKind; code: string; language: string };
export type AudioUploadError = 'empty' | 'tooBig' | 'type' | 'notFound';

/** The audio type of the bytes (MP3, M4A, Ogg/Opus or WAV), or null: the file name and the
 * browser's claim are never trusted. */
export async function audioTypeOf(bytes: Uint8Array): Promise<string | null> {
	const found = await fileTypeFromBuffer(bytes);
	return (found && AUDIO_TYPES[found.ext]) ?? null;
}

async function textExists(db: Db, t: AudioTarget): Promise<boolean> {
	if (!isLanguage(t.language)) return false;
	const table = t.kind === 'topic' ? topic : instrument;
	const [row] = await db.select({ id: table.id }).from(table).where(eq(table.code, t.code));
	return !!row;
}

const where = (t: AudioTarget) =>
	and(
		eq(contentAudio.kind, t.kind),
		eq(contentAudio.code, t.code),
		eq(contentAudio.language, t.language)
	);

/**
 * Stores the recording of a text in one language, replacing the one before. It is concept
 * until a redacteur for the language other than the uploader checks it.
 */
export async function saveAudio(
	db: Db,
	t: AudioTarget,
	bytes: Uint8Array,
	actorId: string,
	now = new Date()
): Promise<{ ok: true; id: string } | { ok: false; error: AudioUploadError }> {
	if (bytes.byteLength === 0) return { ok: false, error: 'empty' };
	if (bytes.byteLength > AUDIO_MAX_BYTES) return { ok: false, error: 'tooBig' };
	const mime = await audioTypeOf(bytes);
	if (!mime) return { ok: false, error: 'type' };
	if (!(await textExists(db, t))) return { ok: false, error: 'notFound' };
	return db.transaction(async (tx) => {
		const values = {
			mime,
			size: bytes.byteLength,
			data: bytes,
			status: 'concept' as const,
			uploadedBy: actorId,
			uploadedAt: now,
			checkedBy: null,
			checkedAt: null
		};
		const [row] = await tx
			.insert(contentAudio)
			.values({ ...t, ...values })
			.onConflictDoUpdate({
				target: [contentAudio.kind, contentAudio.code, contentAudio.language],
				set: values
			})
			.returning({ id: contentAudio.id });
		await record(tx, {
			actorId,
			clientId: null,
			action: 'content.audio',
			detail: { ...t, op: 'upload', size: bytes.byteLength, mime }
		});
		return { ok: true as const, id: row!.id };
	});
}

/** What /beheer shows of a text's recording (no bytes). */
export async function audioInfo(db: Db, t: AudioTarget) {
	const [row] = await db
		.select({
			id: contentAudio.id,
			mime: contentAudio.mime,
			size: contentAudio.size,
			status: contentAudio.status,
			uploadedById: contentAudio.uploadedBy,
			uploadedAt: contentAudio.uploadedAt,
			checkedAt: contentAudio.checkedAt,
			checkedBy: sql<string | null>`(select ${user.displayName} from ${user}
				where ${user.id} = ${contentAudio.checkedBy})`
		})
		.from(contentAudio)
		.where(where(t));
	return row ?? null;
}

/** A redacteur for the language marks the recording checked; never the person who uploaded it. */
export async function markAudioChecked(
	db: Db,
	t: AudioTarget,
	checkerId: string,
	now = new Date()
): Promise<CheckOutcome> {
	const current = await audioInfo(db, t);
	if (!current) return 'notFound';
	if (!(await reviewerFor(db, checkerId, t.language))) return 'notReviewer';
	if (current.uploadedById === checkerId) return 'ownEdit';
	await db.transaction(async (tx) => {
		await tx
			.update(contentAudio)
			.set({ status: 'checked', checkedBy: checkerId, checkedAt: now })
			.where(where(t));
		await record(tx, {
			actorId: checkerId,
			clientId: null,
			action: 'content.audio',
			detail: { ...t, op: 'check' }
		});
	});
	return 'checked';
}

export async function removeAudio(db: Db, t: AudioTarget, actorId: string): Promise<boolean> {
	return db.transaction(async (tx) => {
		const removed = await tx
			.delete(contentAudio)
			.where(where(t))
			.returning({ id: contentAudio.id });
		if (removed.length === 0) return false;
		await record(tx, {
			actorId,
			clientId: null,
			action: 'content.audio',
			detail: { ...t, op: 'remove' }
		});
		return true;
	});
}

/**
 * The address of the recording a client may hear with a text: checked, or concept where the
 * gemeente shows concept texts. `language` is the language of the text shown (Dutch when the
 * page fell back to Dutch). The upload time in the address makes a new upload a new file.
 */
export async function recordingFor(
	db: Db,
	t: AudioTarget,
	gemeenteId: string | null
): Promise<string | null> {
	const [row] = await db
		.select({ id: contentAudio.id, status: contentAudio.status, at: contentAudio.uploadedAt })
		.from(contentAudio)
		.where(where(t));
	if (!row) return null;
	if (row.status !== 'checked' && !(await showsConcept(db, gemeenteId))) return null;
	return `/api/client/opname/${row.id}?v=${row.at.getTime()}`;
}

/** The bytes of a recording, to serve. */
export async function audioFile(db: Db, id: string) {
	const [row] = await db
		.select({
			mime: contentAudio.mime,
			data: contentAudio.data,
			uploadedAt: contentAudio.uploadedAt,
			status: contentAudio.status
		})
		.from(contentAudio)
		.where(eq(contentAudio.id, id));
	return row ?? null;
}
