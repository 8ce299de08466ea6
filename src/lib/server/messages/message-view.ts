import { desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/open';
import { documentsOf, type DocumentView } from '../documents/documents';
import { message, user, type MessageContext, type MessageIntent } from '../db/schema';

export interface MessageView {
	id: string;
	fromClient: boolean;
	/** Who wrote it: the client sees which klantmanager, team lead or stand-in answered. */
	author: string | null;
	body: string;
	context: {
		kind: MessageContext;
		id: string | null;
		version: number | null;
		/** Where the client reads about it in the app. */
		link: string;
	} | null;
	intent: MessageIntent | null;
	createdAt: string;
	read: boolean;
	/** Photos and PDFs sent with it (filled in the conversation, empty elsewhere). */
	documents: DocumentView[];
}

/** Where a message about this context is read, in the client's app. */
export function contextLink(kind: MessageContext | null, id: string | null): string {
	switch (kind) {
		case 'step':
			return id ? `/plan#stap-${id}` : '/plan';
		case 'plan':
			return '/plan';
		case 'appointment':
			return id ? `/afspraken/${id}` : '/afspraken';
		default:
			return '/berichten';
	}
}

export function toView(r: {
	id: string;
	fromClient: boolean;
	author: string | null;
	body: string;
	contextKind: MessageContext | null;
	contextId: string | null;
	planVersion: number | null;
	intent: MessageIntent | null;
	createdAt: Date;
	readAt: Date | null;
	instrumentCode: string | null;
}): MessageView {
	return {
		id: r.id,
		fromClient: r.fromClient,
		author: r.author,
		body: r.body,
		context: r.contextKind
			? {
					kind: r.contextKind,
					id: r.contextId,
					version: r.planVersion,
					link:
						r.contextKind === 'instrument' && r.instrumentCode
							? `/uitleg/hulp/${r.instrumentCode}`
							: contextLink(r.contextKind, r.contextId)
				}
			: null,
		intent: r.intent,
		createdAt: r.createdAt.toISOString(),
		read: !!r.readAt,
		documents: []
	};
}

export const viewColumns = {
	id: message.id,
	fromClient: message.fromClient,
	author: user.displayName,
	body: message.body,
	contextKind: message.contextKind,
	contextId: message.contextId,
	planVersion: message.planVersion,
	intent: message.intent,
	createdAt: message.createdAt,
	readAt: message.readAt,
	instrumentCode: sql<string | null>`case when ${message.contextKind} = 'instrument' then
		(select i.code from instrument i where i.id = ${message.contextId}) end`
};

/** The newest messages of one conversation, oldest first (one indexed query). */
export async function messagesOf(db: Db, clientId: string, limit: number): Promise<MessageView[]> {
	const rows = await db
		.select(viewColumns)
		.from(message)
		.leftJoin(user, eq(user.id, message.authorId))
		.where(eq(message.clientId, clientId))
		.orderBy(desc(message.createdAt), desc(message.id))
		.limit(limit);
	return withDocuments(db, rows.reverse().map(toView));
}

/** The client's documents of these messages, wherever they are shown (one query). */
export async function withDocuments(db: Db, views: MessageView[]): Promise<MessageView[]> {
	const docs = await documentsOf(
		db,
		views.filter((v) => v.fromClient).map((v) => v.id)
	);
	for (const v of views) v.documents = docs.get(v.id) ?? [];
	return views;
}
