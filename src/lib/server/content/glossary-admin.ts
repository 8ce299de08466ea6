import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../db/open';
import {
	gemeente,
	glossaryEntry,
	instrumentText,
	topicText,
	topicVersion,
	type TextStatus
} from '../db/schema';
import { record } from '../audit/audit';
import { termsIn } from '../../content/glossary-terms';
import { reviewerFor } from './content-reviewers';

// The glossary editor in /beheer (issue 17): an entry per language is a concept until a
// redacteur of that language checks it; whoever saved it last cannot check it (four eyes);
// a term that a text in that language marks cannot be removed. Every change is audited.

export interface GlossaryEntryView {
	term: string;
	label: string;
	explanation: string;
	status: TextStatus;
	checkedBy: string | null;
	checkedAt: string | null;
	editedById: string | null;
	editedBy: string | null;
	updatedAt: string;
}

const nameOf = (column: typeof glossaryEntry.checkedBy | typeof glossaryEntry.editedBy) =>
	sql<string | null>`(select display_name from "user" where id = ${column})`;

/** The entries of one language, by term. */
export async function entriesOf(db: Db, language: string): Promise<GlossaryEntryView[]> {
	const rows = await db
		.select({
			term: glossaryEntry.term,
			label: glossaryEntry.label,
			explanation: glossaryEntry.explanation,
			status: glossaryEntry.status,
			checkedBy: nameOf(glossaryEntry.checkedBy),
			checkedAt: glossaryEntry.checkedAt,
			editedById: glossaryEntry.editedBy,
			editedBy: nameOf(glossaryEntry.editedBy),
			updatedAt: glossaryEntry.updatedAt
		})
		.from(glossaryEntry)
		.where(and(eq(glossaryEntry.language, language), isNull(glossaryEntry.removedAt)))
		.orderBy(asc(glossaryEntry.term));
	return rows.map((r) => ({
		...r,
		checkedAt: r.checkedAt?.toISOString() ?? null,
		updatedAt: r.updatedAt.toISOString()
	}));
}

export interface EntryEdit {
	language: string;
	term: string;
	label: string;
	explanation: string;
	/** The updatedAt the editor started from; null when they add the entry. */
	baseUpdatedAt: string | null;
}

export type EntrySaveOutcome = 'saved' | 'conflict';

const whereEntry = (language: string, term: string) =>
	and(eq(glossaryEntry.language, language), eq(glossaryEntry.term, term));

/**
 * Adds or changes an entry; it becomes a concept again. `conflict` when someone else saved it
 * since the editor opened it, or when an entry "added" already exists: nothing is overwritten.
 */
export async function saveEntry(
	db: Db,
	edit: EntryEdit,
	editorId: string,
	now = new Date()
): Promise<EntrySaveOutcome> {
	return db.transaction(async (tx) => {
		const [row] = await tx
			.select({
				status: glossaryEntry.status,
				updatedAt: glossaryEntry.updatedAt,
				removed: glossaryEntry.removedAt
			})
			.from(glossaryEntry)
			.where(whereEntry(edit.language, edit.term));
		const current = row && !row.removed ? row : undefined;
		if ((current?.updatedAt.toISOString() ?? null) !== edit.baseUpdatedAt) return 'conflict';
		const values = {
			label: edit.label,
			explanation: edit.explanation,
			status: 'concept' as const,
			checkedBy: null,
			checkedAt: null,
			editedBy: editorId,
			removedAt: null,
			updatedAt: now
		};
		if (row) await tx.update(glossaryEntry).set(values).where(whereEntry(edit.language, edit.term));
		else
			await tx
				.insert(glossaryEntry)
				.values({ language: edit.language, term: edit.term, ...values });
		await record(tx, {
			actorId: editorId,
			clientId: null,
			action: 'content.edit',
			detail: {
				kind: 'glossary',
				language: edit.language,
				term: edit.term,
				created: !current,
				label: edit.label,
				...(current?.status === 'checked' ? { from: 'checked', to: 'concept' } : {})
			}
		});
		return 'saved';
	});
}

export type EntryCheckOutcome = 'checked' | 'notFound' | 'notReviewer' | 'ownEdit';

/** A redacteur of the entry's language checks it; not the person who saved it last. */
export async function checkEntry(
	db: Db,
	target: { language: string; term: string },
	checkerId: string,
	now = new Date()
): Promise<EntryCheckOutcome> {
	return db.transaction(async (tx) => {
		const [entry] = await tx
			.select({ status: glossaryEntry.status, editedBy: glossaryEntry.editedBy })
			.from(glossaryEntry)
			.where(and(whereEntry(target.language, target.term), isNull(glossaryEntry.removedAt)));
		if (!entry) return 'notFound';
		if (!(await reviewerFor(tx, checkerId, target.language))) return 'notReviewer';
		if (entry.editedBy === checkerId) return 'ownEdit';
		await tx
			.update(glossaryEntry)
			.set({ status: 'checked', checkedBy: checkerId, checkedAt: now })
			.where(whereEntry(target.language, target.term));
		await record(tx, {
			actorId: checkerId,
			clientId: null,
			action: 'content.check',
			detail: { kind: 'glossary', ...target, from: entry.status, to: 'checked' }
		});
		return 'checked';
	});
}

/** A text that marks a term: its title, and the gemeente or date of that text if any. */
export interface TextUsingTerm {
	title: string;
	gemeente: string | null;
	validFrom: string | null;
}

/** Every text in `language` (current, gemeente variant, dated version) that marks `term`. */
export async function textsUsing(db: Db, language: string, term: string): Promise<TextUsingTerm[]> {
	const [topics, versions, instruments] = await Promise.all([
		db
			.select({ title: topicText.title, body: topicText.body, gemeente: gemeente.name })
			.from(topicText)
			.leftJoin(gemeente, eq(gemeente.id, topicText.gemeenteId))
			.where(eq(topicText.language, language)),
		db
			.select({
				title: topicVersion.title,
				body: topicVersion.body,
				validFrom: topicVersion.validFrom
			})
			.from(topicVersion)
			.where(eq(topicVersion.language, language)),
		db
			.select({ title: instrumentText.name, body: instrumentText.body })
			.from(instrumentText)
			.where(eq(instrumentText.language, language))
	]);
	const marks = (body: string) => termsIn(body).includes(term);
	return [
		...topics.filter((t) => marks(t.body)).map((t) => ({ ...t, validFrom: null })),
		...versions.filter((v) => marks(v.body)).map((v) => ({ ...v, gemeente: null })),
		...instruments
			.filter((i) => marks(i.body))
			.map((i) => ({ ...i, gemeente: null, validFrom: null }))
	].map(({ title, gemeente, validFrom }) => ({ title, gemeente, validFrom }));
}

export type EntryRemoveOutcome =
	| { ok: true }
	| { ok: false; error: 'notFound' }
	| { ok: false; error: 'inUse'; texts: TextUsingTerm[] };

/**
 * Removes an entry, refused while a text in that language marks the term. The row stays,
 * marked removed, so the repository's seed at start does not bring it back.
 */
export async function removeEntry(
	db: Db,
	target: { language: string; term: string },
	actorId: string
): Promise<EntryRemoveOutcome> {
	return db.transaction(async (tx) => {
		const texts = await textsUsing(tx, target.language, target.term);
		if (texts.length) return { ok: false, error: 'inUse', texts };
		// Kept as a removed row: seeding at start adds only what is missing, so it stays gone.
		const removed = await tx
			.update(glossaryEntry)
			.set({ removedAt: new Date() })
			.where(and(whereEntry(target.language, target.term), isNull(glossaryEntry.removedAt)))
			.returning({ status: glossaryEntry.status });
		if (!removed.length) return { ok: false, error: 'notFound' };
		await record(tx, {
			actorId,
			clientId: null,
			action: 'content.remove',
			detail: { kind: 'glossary', ...target, status: removed[0]!.status }
		});
		return { ok: true };
	});
}
