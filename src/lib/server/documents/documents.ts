import { and, eq, inArray, isNotNull, isNull, lt, or } from 'drizzle-orm';
import type { Db } from '../db/open';
import { client, document, user } from '../db/schema';
import type { Tx } from '../client/idempotency';
import type { Staff } from '../caseload/caseload';
import { requireConversationAccess } from '../messages/access';
import * as audit from '../audit/audit';
import { inspect, DOCUMENTS_PER_MESSAGE, type InspectError } from './inspect';
import { open, seal } from './seal';

// A client's documents: stored first (one upload per request, so a weak connection carries
// one file at a time and the outbox can retry each), then attached to the message that is sent
// with them. Only the client, and staff who may read the conversation, get the bytes.

export type UploadError = InspectError | 'not_found' | 'name_too_long';

export interface DocumentView {
	id: string;
	name: string;
	mime: string;
	size: number;
}

const NAME_MAX = 200;

/** Stores one upload for the signed-in client; a replay of the same key returns the same id. */
export async function storeUpload(
	db: Db,
	key: Buffer,
	input: { userId: string; uploadKey: string; name: string; bytes: Buffer; now?: Date }
): Promise<{ ok: true; id: string } | { ok: false; error: UploadError }> {
	const [me] = await db
		.select({ id: client.id })
		.from(client)
		.where(eq(client.userId, input.userId));
	if (!me) return { ok: false, error: 'not_found' };
	const [earlier] = await db
		.select({ id: document.id })
		.from(document)
		.where(and(eq(document.clientId, me.id), eq(document.uploadKey, input.uploadKey)));
	if (earlier) return { ok: true, id: earlier.id };
	const name = cleanName(input.name);
	if ([...name].length > NAME_MAX) return { ok: false, error: 'name_too_long' };
	const checked = await inspect(input.bytes);
	if (!checked.ok) return checked;
	const [row] = await db
		.insert(document)
		.values({
			clientId: me.id,
			uploadKey: input.uploadKey,
			mime: checked.doc.mime,
			size: checked.doc.bytes.length,
			name: storedName(name, checked.doc.mime),
			sealed: seal(key, checked.doc.bytes),
			createdAt: input.now ?? new Date()
		})
		.onConflictDoNothing()
		.returning({ id: document.id });
	if (row) return { ok: true, id: row.id };
	// Two sends of one key at once: the other one stored it.
	const [other] = await db
		.select({ id: document.id })
		.from(document)
		.where(and(eq(document.clientId, me.id), eq(document.uploadKey, input.uploadKey)));
	return { ok: true, id: other!.id };
}

/** No path, no control characters; the extension follows what is stored, not what was sent. */
function cleanName(raw: string): string {
	const base = raw.split(/[\\/]/).pop() ?? '';
	// eslint-disable-next-line no-control-regex
	return base.replace(/[\u0000-\u001f\u007f"]/g, '').trim();
}

function storedName(name: string, mime: string): string {
	const ext = mime === 'application/pdf' ? '.pdf' : '.jpg';
	const stem = name.replace(/\.[^.]{1,8}$/, '') || 'document';
	return stem + ext;
}

const unsent = (clientId: string, ids: string[]) =>
	and(inArray(document.id, ids), eq(document.clientId, clientId), isNull(document.messageId));

/** Whether all these are the client's own uploads not sent with a message yet (at most 5). */
export async function unsentOwn(tx: Tx | Db, clientId: string, ids: string[]): Promise<boolean> {
	if (ids.length === 0) return true;
	const distinct = new Set(ids);
	if (distinct.size !== ids.length || ids.length > DOCUMENTS_PER_MESSAGE) return false;
	const rows = await tx
		.select({ id: document.id })
		.from(document)
		.where(unsent(clientId, ids))
		.for('update');
	return rows.length === ids.length;
}

/** Attaches checked uploads (`unsentOwn`) to the message they were sent with. */
export async function attachToMessage(
	tx: Tx,
	clientId: string,
	messageId: string,
	ids: string[]
): Promise<void> {
	if (ids.length === 0) return;
	await tx.update(document).set({ messageId }).where(unsent(clientId, ids));
}

/** The documents of these messages, for the conversation view (no bytes opened). */
export async function documentsOf(
	db: Db,
	messageIds: string[]
): Promise<Map<string, DocumentView[]>> {
	const byMessage = new Map<string, DocumentView[]>();
	if (messageIds.length === 0) return byMessage;
	const rows = await db
		.select({
			id: document.id,
			messageId: document.messageId,
			mime: document.mime,
			size: document.size,
			name: document.name
		})
		.from(document)
		.where(inArray(document.messageId, messageIds))
		.orderBy(document.createdAt);
	for (const r of rows) {
		const list = byMessage.get(r.messageId!) ?? [];
		list.push({
			id: r.id,
			name: r.name,
			mime: r.mime,
			size: r.size
		});
		byMessage.set(r.messageId!, list);
	}
	return byMessage;
}

export interface OpenedDocument {
	name: string;
	mime: string;
	bytes: Buffer;
}

async function openRow(db: Db, key: Buffer, where: ReturnType<typeof and>) {
	const [row] = await db.select().from(document).where(where);
	if (!row) return null;
	return {
		name: row.name,
		mime: row.mime,
		bytes: open(key, row.sealed)
	};
}

/** The client's own document; another client's is simply not found. */
export async function openForClient(
	db: Db,
	key: Buffer,
	userId: string,
	documentId: string
): Promise<OpenedDocument | null> {
	const [me] = await db.select({ id: client.id }).from(client).where(eq(client.userId, userId));
	if (!me) return null;
	return openRow(db, key, and(eq(document.id, documentId), eq(document.clientId, me.id)));
}

/**
 * A document for staff: only who may read this client's conversation (klantmanager, team lead,
 * stand-in); anyone else is refused with AccessDenied and an audit event. Each download is
 * audited.
 */
export async function openForStaff(
	db: Db,
	key: Buffer,
	staff: Staff,
	clientId: string,
	documentId: string
): Promise<OpenedDocument | null> {
	await requireConversationAccess(db, staff, clientId);
	const doc = await openRow(
		db,
		key,
		and(eq(document.id, documentId), eq(document.clientId, clientId))
	);
	if (doc) {
		await audit.record(db, {
			actorId: staff.id,
			clientId,
			action: 'client.read',
			detail: { page: 'document' }
		});
	}
	return doc;
}

/**
 * Days a sent document is kept at most; uploads never sent go after a day, and every document
 * of a client goes when their account closes after outflow (the `outflow.readDays` setting).
 */
export const DOCUMENT_KEEP_DAYS = 365;
const UNSENT_HOURS = 24;

/** Retention: removes documents past their time. Runs daily; a second run finds nothing. */
export async function deleteExpired(db: Db, now = new Date()): Promise<number> {
	const sentBefore = new Date(now.getTime() - DOCUMENT_KEEP_DAYS * 86_400_000);
	const unsentBefore = new Date(now.getTime() - UNSENT_HOURS * 3_600_000);
	const gone = await db
		.delete(document)
		.where(
			or(
				lt(document.createdAt, sentBefore),
				and(isNull(document.messageId), lt(document.createdAt, unsentBefore)),
				inArray(
					document.clientId,
					db
						.select({ id: client.id })
						.from(client)
						.innerJoin(user, eq(user.id, client.userId))
						.where(isNotNull(user.disabledAt))
				)
			)
		)
		.returning({ id: document.id });
	return gone.length;
}
