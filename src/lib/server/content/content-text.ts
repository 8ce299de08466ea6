import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../db/open';
import {
	gemeente,
	instrument,
	instrumentText,
	topic,
	topicText,
	topicVersion,
	type TextStatus
} from '../db/schema';
import { record } from '../audit/audit';
import { SOURCE_LANGUAGE } from '../../i18n/languages';
import { amsterdamDay } from '../../dates';

// One text in /beheer: loading it to edit, finding its row, and the shape every change to it
// shares (load inside a transaction, change, audit event with who and what).

export type ContentKind = 'topic' | 'instrument';

export class EditConflict extends Error {
	constructor(
		readonly current: { title: string; body: string; summary?: string; updatedAt: string }
	) {
		super('someone else changed this text');
	}
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
	/** The Dutch dienst-wide text, to translate from (the version in force on that date). */
	source: { title: string; summary: string | null; body: string };
	/**
	 * The dated version `text` is: the one in force (a topic's dienst-wide text after a
	 * version's date), or the one asked for by its date. Null: the stored current text.
	 */
	version: { validFrom: string; inForce: boolean } | null;
	/** The dated versions of this topic in this language (dienst-wide), newest first. */
	versions: { validFrom: string; status: TextStatus }[];
	/**
	 * A gemeente variant: the date of a newer dienst-wide version. The variant stays what that
	 * gemeente's clients read until the gemeente changes it; /beheer says it is older.
	 */
	newerVersion: string | null;
}

/** Which text to open: a dated version by its date, and the day (Amsterdam) it is now. */
export interface OpenOptions {
	validFrom?: string | null;
	today?: string;
}

export async function gemeenteIdOf(
	db: Db,
	code: string | null
): Promise<string | null | undefined> {
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
	gemeenteCode: string | null = null,
	options: OpenOptions = {}
): Promise<EditableText | null> {
	const gemeenteId = await gemeenteIdOf(db, kind === 'topic' ? gemeenteCode : null);
	if (gemeenteId === undefined) return null;
	if (kind !== 'topic' && options.validFrom) return null;
	if (kind === 'topic') {
		const [t] = await db.select().from(topic).where(eq(topic.code, code));
		if (!t) return null;
		const today = options.today ?? amsterdamDay();
		const [texts, dated] = await Promise.all([
			db
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
				.where(eq(topicText.topicId, t.id)),
			db
				.select({
					language: topicVersion.language,
					validFrom: topicVersion.validFrom,
					title: topicVersion.title,
					body: topicVersion.body,
					legalBasis: topicVersion.legalBasis,
					lastCheckedOn: sql<string | null>`null`,
					status: topicVersion.status,
					checkedAt: topicVersion.checkedAt,
					checkedBy: checkedByName,
					editedById: topicVersion.editedBy,
					editedBy: editedByName,
					updatedAt: topicVersion.updatedAt
				})
				.from(topicVersion)
				.where(
					and(
						eq(topicVersion.topicId, t.id),
						inArray(topicVersion.language, [language, SOURCE_LANGUAGE])
					)
				)
				.orderBy(desc(topicVersion.validFrom))
		]);
		// A dated version is dienst-wide: a gemeente variant has none.
		if (options.validFrom && gemeenteId !== null) return null;
		const inForceOn = (lang: string, day: string) =>
			dated.find((d) => d.language === lang && d.validFrom <= day);
		const asked = options.validFrom
			? dated.find((d) => d.language === language && d.validFrom === options.validFrom)
			: gemeenteId === null
				? inForceOn(language, today)
				: undefined;
		if (options.validFrom && !asked) return null;
		const own = texts.find((x) => x.language === language && x.gemeenteId === gemeenteId);
		const row = asked ?? own;
		const dutch =
			inForceOn(SOURCE_LANGUAGE, options.validFrom ?? today) ??
			texts.find((x) => x.language === SOURCE_LANGUAGE && x.gemeenteId === null);
		const newer =
			gemeenteId !== null && own
				? dated.find((d) => d.validFrom > amsterdamDay(own.updatedAt))
				: undefined;
		return {
			kind,
			code,
			language,
			gemeenteCode,
			published: t.published,
			legalBasis: asked?.legalBasis ?? t.legalBasis,
			text: row
				? {
						title: row.title,
						summary: null,
						body: row.body,
						lastCheckedOn: row.lastCheckedOn,
						status: row.status,
						checkedAt: row.checkedAt?.toISOString() ?? null,
						checkedBy: row.checkedBy,
						editedById: row.editedById,
						editedBy: row.editedBy,
						updatedAt: row.updatedAt.toISOString()
					}
				: null,
			source: { title: dutch?.title ?? '', summary: null, body: dutch?.body ?? '' },
			version: asked ? { validFrom: asked.validFrom, inForce: asked.validFrom <= today } : null,
			versions: dated
				.filter((d) => d.language === language)
				.map((d) => ({ validFrom: d.validFrom, status: d.status })),
			newerVersion: newer?.validFrom ?? null
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
		},
		version: null,
		versions: [],
		newerVersion: null
	};
}

export interface TextTarget {
	kind: ContentKind;
	code: string;
	language: string;
	gemeenteCode: string | null;
	/** A dated version of a topic's dienst-wide text, by its "geldig vanaf" date. */
	validFrom?: string | null;
}

/** The row of one dated version of a topic text. */
export function whereVersion(code: string, language: string, validFrom: string) {
	return and(
		eq(topicVersion.topicId, sql`(select id from topic where code = ${code})`),
		eq(topicVersion.language, language),
		eq(topicVersion.validFrom, validFrom)
	);
}

/** The row of one text: a topic text (per gemeente variant) or an instrument text. */
export async function whereText(db: Db, target: TextTarget) {
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

export function textDetail(t: TextTarget) {
	return { kind: t.kind, code: t.code, language: t.language, gemeente: t.gemeenteCode };
}

type AuditAction = 'content.edit' | 'content.status' | 'content.check' | 'content.remove';

export interface TextChange {
	/** The text as it is now (null inside when the text does not exist yet). */
	current: EditableText | null;
	/** Records an audit event by `actorId` naming this text, plus `detail`. */
	audit: (action: AuditAction, detail: Record<string, unknown>) => Promise<void>;
}

/**
 * The shape every change to one text shares: inside one transaction, load the text as it is
 * on `today` (after a version's date: that version), let `change` decide and write, and
 * record each audit event with who and which text (and which dated version).
 */
export async function changeText<T>(
	db: Db,
	target: TextTarget,
	actorId: string,
	change: (tx: Db, text: TextChange) => Promise<T>,
	today = amsterdamDay()
): Promise<T> {
	return db.transaction(async (tx) => {
		const current = await getEditableText(
			tx,
			target.kind,
			target.code,
			target.language,
			target.gemeenteCode,
			{ validFrom: target.validFrom, today }
		);
		const version = current?.version ? { validFrom: current.version.validFrom } : {};
		const audit = (action: AuditAction, detail: Record<string, unknown>) =>
			record(tx, {
				actorId,
				clientId: null,
				action,
				detail: { ...textDetail(target), ...version, ...detail }
			}).then(() => undefined);
		return change(tx, { current, audit });
	});
}
