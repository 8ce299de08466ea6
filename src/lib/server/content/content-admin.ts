import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../db/open';
import {
	contentReviewer,
	gemeenteContentSetting,
	instrument,
	instrumentText,
	gemeente,
	topic,
	topicText,
	user,
	type TextStatus
} from '../db/schema';
import { record } from '../audit/audit';
import { SOURCE_LANGUAGE } from '../../i18n/languages';

// Editing rights-and-duties topics and instrument texts per language in /beheer. Every text,
// Dutch included, is a draft ("concept") until a named redacteur for its language checks it;
// any edit makes it a draft again, and the person who saved it last cannot check it (four
// eyes). Every save names the version it started from, so two editors never overwrite each
// other. Every edit, check, removal and status change is an audit event.

export type ContentKind = 'topic' | 'instrument';

export class EditConflict extends Error {
	constructor(
		readonly current: { title: string; body: string; summary?: string; updatedAt: string }
	) {
		super('someone else changed this text');
	}
}

export interface TextCell {
	status: TextStatus;
	updatedAt: string;
}

export interface ContentRow {
	kind: ContentKind;
	code: string;
	/** The Dutch title or name. */
	title: string;
	published: boolean;
	/** Dienst-wide text per language; a language without a text is missing. */
	texts: Record<string, TextCell>;
	/** Gemeente variants of a topic, by gemeente code. */
	variants: string[];
}

/** Every topic and instrument with the status of its text in each language. */
export async function listContent(db: Db): Promise<ContentRow[]> {
	const [topics, instruments, variants] = await Promise.all([
		db
			.select({
				code: topic.code,
				published: topic.published,
				language: topicText.language,
				title: topicText.title,
				status: topicText.status,
				updatedAt: topicText.updatedAt
			})
			.from(topic)
			.innerJoin(topicText, eq(topicText.topicId, topic.id))
			.where(isNull(topicText.gemeenteId))
			.orderBy(asc(topic.position)),
		db
			.select({
				code: instrument.code,
				published: instrument.active,
				language: instrumentText.language,
				title: instrumentText.name,
				status: instrumentText.status,
				updatedAt: instrumentText.updatedAt
			})
			.from(instrument)
			.innerJoin(instrumentText, eq(instrumentText.instrumentId, instrument.id))
			.orderBy(asc(instrument.code)),
		db
			.select({ code: topic.code, gemeente: gemeente.code })
			.from(topicText)
			.innerJoin(topic, eq(topic.id, topicText.topicId))
			.innerJoin(gemeente, eq(gemeente.id, topicText.gemeenteId))
	]);
	const rows = new Map<string, ContentRow>();
	const add = (kind: ContentKind, r: (typeof topics)[number]) => {
		const key = `${kind}:${r.code}`;
		const row = rows.get(key) ?? {
			kind,
			code: r.code,
			title: '',
			published: r.published,
			texts: {},
			variants: []
		};
		if (r.language === SOURCE_LANGUAGE) row.title = r.title;
		row.texts[r.language] = { status: r.status, updatedAt: r.updatedAt.toISOString() };
		rows.set(key, row);
	};
	for (const r of topics) add('topic', r);
	for (const r of instruments) add('instrument', r);
	for (const v of variants) rows.get(`topic:${v.code}`)?.variants.push(v.gemeente);
	return [...rows.values()];
}

export interface TranslationCount {
	language: string;
	kind: ContentKind;
	total: number;
	missing: number;
	concept: number;
	checked: number;
}

/** Languages × kinds: how many texts are missing, still a draft, or checked. */
export function translationCounts(rows: ContentRow[], languages: readonly string[]) {
	const counts: TranslationCount[] = [];
	for (const language of languages) {
		for (const kind of ['topic', 'instrument'] as const) {
			const ofKind = rows.filter((r) => r.kind === kind);
			const cells = ofKind.map((r) => r.texts[language]);
			counts.push({
				language,
				kind,
				total: ofKind.length,
				missing: cells.filter((c) => !c).length,
				concept: cells.filter((c) => c?.status === 'concept').length,
				checked: cells.filter((c) => c?.status === 'checked').length
			});
		}
	}
	return counts;
}

export interface EditableText {
	kind: ContentKind;
	code: string;
	language: string;
	gemeenteCode: string | null;
	published: boolean;
	/** Topics: the legal basis (one per topic, in Dutch). */
	legalBasis: string | null;
	/** The text in this language (and gemeente), or null when it does not exist yet. */
	text: {
		title: string;
		summary: string | null;
		body: string;
		lastCheckedOn: string | null;
		status: TextStatus;
		checkedAt: string | null;
		checkedBy: string | null;
		/** The id and name of whoever saved it last; null when it came from the repository. */
		editedById: string | null;
		editedBy: string | null;
		updatedAt: string;
	} | null;
	/** The Dutch dienst-wide text, to translate from. */
	source: { title: string; summary: string | null; body: string };
}

async function gemeenteIdOf(db: Db, code: string | null): Promise<string | null | undefined> {
	if (code === null) return null;
	const [row] = await db.select({ id: gemeente.id }).from(gemeente).where(eq(gemeente.code, code));
	return row?.id;
}

const checkedByName = sql<string | null>`(select display_name from "user" where id = checked_by)`;
const editedByName = sql<string | null>`(select display_name from "user" where id = edited_by)`;

/** The text to edit, or null when the topic, instrument or gemeente does not exist. */
export async function getEditableText(
	db: Db,
	kind: ContentKind,
	code: string,
	language: string,
	gemeenteCode: string | null = null
): Promise<EditableText | null> {
	const gemeenteId = await gemeenteIdOf(db, kind === 'topic' ? gemeenteCode : null);
	if (gemeenteId === undefined) return null;
	if (kind === 'topic') {
		const [t] = await db.select().from(topic).where(eq(topic.code, code));
		if (!t) return null;
		const texts = await db
			.select({
				language: topicText.language,
				gemeenteId: topicText.gemeenteId,
				title: topicText.title,
				body: topicText.body,
				lastCheckedOn: topicText.lastCheckedOn,
				status: topicText.status,
				checkedAt: topicText.checkedAt,
				checkedBy: checkedByName,
				editedById: topicText.editedBy,
				editedBy: editedByName,
				updatedAt: topicText.updatedAt
			})
			.from(topicText)
			.where(eq(topicText.topicId, t.id));
		const source = texts.find((x) => x.language === SOURCE_LANGUAGE && x.gemeenteId === null);
		const own = texts.find((x) => x.language === language && x.gemeenteId === gemeenteId);
		return {
			kind,
			code,
			language,
			gemeenteCode: kind === 'topic' ? gemeenteCode : null,
			published: t.published,
			legalBasis: t.legalBasis,
			text: own
				? {
						title: own.title,
						summary: null,
						body: own.body,
						lastCheckedOn: own.lastCheckedOn,
						status: own.status,
						checkedAt: own.checkedAt?.toISOString() ?? null,
						checkedBy: own.checkedBy,
						editedById: own.editedById,
						editedBy: own.editedBy,
						updatedAt: own.updatedAt.toISOString()
					}
				: null,
			source: { title: source?.title ?? '', summary: null, body: source?.body ?? '' }
		};
	}
	const [i] = await db.select().from(instrument).where(eq(instrument.code, code));
	if (!i) return null;
	const texts = await db
		.select({
			language: instrumentText.language,
			name: instrumentText.name,
			summary: instrumentText.summary,
			body: instrumentText.body,
			status: instrumentText.status,
			checkedAt: instrumentText.checkedAt,
			checkedBy: checkedByName,
			editedById: instrumentText.editedBy,
			editedBy: editedByName,
			updatedAt: instrumentText.updatedAt
		})
		.from(instrumentText)
		.where(eq(instrumentText.instrumentId, i.id));
	const source = texts.find((x) => x.language === SOURCE_LANGUAGE);
	const own = texts.find((x) => x.language === language);
	return {
		kind,
		code,
		language,
		gemeenteCode: null,
		published: i.active,
		legalBasis: null,
		text: own
			? {
					title: own.name,
					summary: own.summary,
					body: own.body,
					lastCheckedOn: null,
					status: own.status,
					checkedAt: own.checkedAt?.toISOString() ?? null,
					checkedBy: own.checkedBy,
					editedById: own.editedById,
					editedBy: own.editedBy,
					updatedAt: own.updatedAt.toISOString()
				}
			: null,
		source: {
			title: source?.name ?? '',
			summary: source?.summary ?? null,
			body: source?.body ?? ''
		}
	};
}

export interface TextEdit {
	kind: ContentKind;
	code: string;
	language: string;
	gemeenteCode: string | null;
	title: string;
	summary: string | null;
	body: string;
	published: boolean;
	legalBasis: string | null;
	lastCheckedOn: string | null;
	/** The updatedAt the editor started from; null when they created the text. */
	baseUpdatedAt: string | null;
}

/**
 * Saves a text. Throws EditConflict (with the text now stored) when someone else saved it
 * since the editor opened it; returns false when the topic, instrument or gemeente is gone.
 */
export async function saveText(
	db: Db,
	edit: TextEdit,
	editorId: string,
	now = new Date()
): Promise<boolean> {
	const status: TextStatus = 'concept';
	const checked = { checkedAt: null, checkedBy: null, editedBy: editorId };
	return db.transaction(async (tx) => {
		const current = await getEditableText(
			tx,
			edit.kind,
			edit.code,
			edit.language,
			edit.gemeenteCode
		);
		if (!current) return false;
		if ((current.text?.updatedAt ?? null) !== edit.baseUpdatedAt && current.text) {
			throw new EditConflict({
				title: current.text.title,
				body: current.text.body,
				summary: current.text.summary ?? undefined,
				updatedAt: current.text.updatedAt
			});
		}
		const what = textDetail(edit);
		await record(tx, {
			actorId: editorId,
			clientId: null,
			action: 'content.edit',
			detail: { ...what, created: !current.text, title: edit.title }
		});
		if (current.text?.status === 'checked')
			await record(tx, {
				actorId: editorId,
				clientId: null,
				action: 'content.status',
				detail: { ...what, from: 'checked', to: 'concept' }
			});
		if (current.published !== edit.published)
			await record(tx, {
				actorId: editorId,
				clientId: null,
				action: 'content.status',
				detail: { ...what, published: edit.published }
			});
		if (edit.kind === 'topic') {
			const [t] = await tx
				.update(topic)
				.set({
					published: edit.published,
					...(edit.legalBasis ? { legalBasis: edit.legalBasis } : {})
				})
				.where(eq(topic.code, edit.code))
				.returning({ id: topic.id });
			const gemeenteId = (await gemeenteIdOf(tx, edit.gemeenteCode)) ?? null;
			const values = {
				title: edit.title,
				body: edit.body,
				lastCheckedOn: edit.lastCheckedOn ?? now.toISOString().slice(0, 10),
				status,
				...checked,
				updatedAt: now
			};
			await tx
				.insert(topicText)
				.values({ topicId: t!.id, language: edit.language, gemeenteId, ...values })
				.onConflictDoUpdate({
					target: [topicText.topicId, topicText.language, topicText.gemeenteId],
					set: values
				});
			return true;
		}
		const [i] = await tx
			.update(instrument)
			.set({ active: edit.published })
			.where(eq(instrument.code, edit.code))
			.returning({ id: instrument.id });
		const values = {
			name: edit.title,
			summary: edit.summary ?? '',
			body: edit.body,
			status,
			...checked,
			updatedAt: now
		};
		await tx
			.insert(instrumentText)
			.values({ instrumentId: i!.id, language: edit.language, ...values })
			.onConflictDoUpdate({
				target: [instrumentText.instrumentId, instrumentText.language],
				set: values
			});
		return true;
	});
}

export interface TextTarget {
	kind: ContentKind;
	code: string;
	language: string;
	gemeenteCode: string | null;
}

/** The row of one text: a topic text (per gemeente variant) or an instrument text. */
async function whereText(db: Db, target: TextTarget) {
	if (target.kind === 'topic') {
		const gemeenteId = await gemeenteIdOf(db, target.gemeenteCode);
		if (gemeenteId === undefined) return null;
		return {
			table: topicText,
			where: and(
				eq(topicText.topicId, sql`(select id from topic where code = ${target.code})`),
				eq(topicText.language, target.language),
				gemeenteId === null ? isNull(topicText.gemeenteId) : eq(topicText.gemeenteId, gemeenteId)
			)
		} as const;
	}
	return {
		table: instrumentText,
		where: and(
			eq(instrumentText.instrumentId, sql`(select id from instrument where code = ${target.code})`),
			eq(instrumentText.language, target.language)
		)
	} as const;
}

function textDetail(t: TextTarget) {
	return { kind: t.kind, code: t.code, language: t.language, gemeente: t.gemeenteCode };
}

export type CheckOutcome = 'checked' | 'notFound' | 'notReviewer' | 'ownEdit';

/** Whether `userId` is a redacteur for `language`, and the dienst shown after their name. */
export async function reviewerFor(
	db: Db,
	userId: string,
	language: string
): Promise<{ dienst: string } | null> {
	const [row] = await db
		.select({ dienst: contentReviewer.dienst })
		.from(contentReviewer)
		.where(and(eq(contentReviewer.userId, userId), eq(contentReviewer.language, language)));
	return row ?? null;
}

/**
 * A redacteur for the text's language confirms it: who and when are kept and shown to
 * clients. Refused for someone who is not a redacteur for that language, and for the person
 * who saved the text last (four eyes).
 */
export async function markChecked(
	db: Db,
	target: TextTarget,
	checkerId: string,
	now = new Date()
): Promise<CheckOutcome> {
	return db.transaction(async (tx) => {
		const current = await getEditableText(
			tx,
			target.kind,
			target.code,
			target.language,
			target.gemeenteCode
		);
		if (!current?.text) return 'notFound';
		if (!(await reviewerFor(tx, checkerId, target.language))) return 'notReviewer';
		if (current.text.editedById === checkerId) return 'ownEdit';
		const row = await whereText(tx, target);
		if (!row) return 'notFound';
		await tx
			.update(row.table)
			.set({ status: 'checked', checkedBy: checkerId, checkedAt: now })
			.where(row.where);
		await record(tx, {
			actorId: checkerId,
			clientId: null,
			action: 'content.check',
			detail: { ...textDetail(target), from: current.text.status, to: 'checked' }
		});
		return 'checked';
	});
}

/**
 * Removes a translation or a gemeente variant, so clients see the Dutch (or dienst-wide)
 * text again, marked as such. The Dutch dienst-wide text is the source and cannot go.
 */
export async function removeText(db: Db, target: TextTarget, actorId: string): Promise<boolean> {
	if (target.language === SOURCE_LANGUAGE && target.gemeenteCode === null) return false;
	return db.transaction(async (tx) => {
		const row = await whereText(tx, target);
		if (!row) return false;
		const removed = await tx
			.delete(row.table)
			.where(row.where)
			.returning({ language: row.table.language, status: row.table.status });
		if (!removed.length) return false;
		await record(tx, {
			actorId,
			clientId: null,
			action: 'content.remove',
			detail: { ...textDetail(target), status: removed[0]!.status }
		});
		return true;
	});
}

export interface ReviewerRow {
	userId: string;
	name: string;
	email: string | null;
	language: string;
	dienst: string;
}

/** Every redacteur with their languages. */
export async function listReviewers(db: Db): Promise<ReviewerRow[]> {
	return db
		.select({
			userId: contentReviewer.userId,
			name: user.displayName,
			email: user.email,
			language: contentReviewer.language,
			dienst: contentReviewer.dienst
		})
		.from(contentReviewer)
		.innerJoin(user, eq(user.id, contentReviewer.userId))
		.orderBy(asc(user.displayName), asc(contentReviewer.language));
}

/** Staff who may be made redacteur: everyone with access to /beheer. */
export async function listReviewerCandidates(db: Db) {
	return db
		.select({ id: user.id, name: user.displayName, email: user.email })
		.from(user)
		.where(and(sql`'admin' = any(${user.roles})`, isNull(user.disabledAt)))
		.orderBy(asc(user.displayName));
}

/** Makes `userId` a redacteur for `language` (or changes their dienst). False: no such staff. */
export async function grantReviewer(
	db: Db,
	grant: { userId: string; language: string; dienst: string },
	actorId: string
): Promise<boolean> {
	return db.transaction(async (tx) => {
		const [staff] = await tx
			.select({ id: user.id })
			.from(user)
			.where(and(eq(user.id, grant.userId), sql`'admin' = any(${user.roles})`));
		if (!staff) return false;
		await tx
			.insert(contentReviewer)
			.values({ ...grant, grantedBy: actorId })
			.onConflictDoUpdate({
				target: [contentReviewer.userId, contentReviewer.language],
				set: { dienst: grant.dienst, grantedBy: actorId, grantedAt: new Date() }
			});
		await record(tx, {
			actorId,
			clientId: null,
			action: 'content.reviewer',
			detail: { ...grant, granted: true }
		});
		return true;
	});
}

export async function revokeReviewer(
	db: Db,
	grant: { userId: string; language: string },
	actorId: string
): Promise<boolean> {
	return db.transaction(async (tx) => {
		const removed = await tx
			.delete(contentReviewer)
			.where(
				and(eq(contentReviewer.userId, grant.userId), eq(contentReviewer.language, grant.language))
			)
			.returning({ userId: contentReviewer.userId });
		if (!removed.length) return false;
		await record(tx, {
			actorId,
			clientId: null,
			action: 'content.reviewer',
			detail: { ...grant, granted: false }
		});
		return true;
	});
}

/** Per gemeente whether clients see concept texts (with a notice); the default is yes. */
export async function listConceptSettings(
	db: Db
): Promise<{ code: string; name: string; showConcept: boolean }[]> {
	const rows = await db
		.select({
			code: gemeente.code,
			name: gemeente.name,
			showConcept: gemeenteContentSetting.showConcept
		})
		.from(gemeente)
		.leftJoin(gemeenteContentSetting, eq(gemeenteContentSetting.gemeenteId, gemeente.id))
		.orderBy(asc(gemeente.name));
	return rows.map((r) => ({ ...r, showConcept: r.showConcept ?? true }));
}

export async function setShowConcept(
	db: Db,
	gemeenteCode: string,
	showConcept: boolean,
	actorId: string,
	now = new Date()
): Promise<boolean> {
	return db.transaction(async (tx) => {
		const gemeenteId = await gemeenteIdOf(tx, gemeenteCode);
		if (!gemeenteId) return false;
		await tx
			.insert(gemeenteContentSetting)
			.values({ gemeenteId, showConcept, updatedBy: actorId, updatedAt: now })
			.onConflictDoUpdate({
				target: gemeenteContentSetting.gemeenteId,
				set: { showConcept, updatedBy: actorId, updatedAt: now }
			});
		await record(tx, {
			actorId,
			clientId: null,
			action: 'content.setting',
			detail: { gemeente: gemeenteCode, showConcept }
		});
		return true;
	});
}

/** The gemeenten a topic can have its own variant for. */
export async function listGemeenten(db: Db): Promise<{ code: string; name: string }[]> {
	return db
		.select({ code: gemeente.code, name: gemeente.name })
		.from(gemeente)
		.orderBy(asc(gemeente.name));
}
