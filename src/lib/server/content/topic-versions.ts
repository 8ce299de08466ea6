import { and, asc, desc, eq, inArray, isNull, lte, sql } from 'drizzle-orm';
import type { Db } from '../db/open';
import { topic, topicText, topicVersion, type TextStatus } from '../db/schema';
import { record } from '../audit/audit';
import { reviewerFor } from './content-reviewers';
import type { CheckOutcome } from './content-check';
import { amsterdamDay } from '../../dates';
import { SOURCE_LANGUAGE } from '../../i18n/languages';

// Texts that switch on a date (issue 17). A law change is prepared as a dated version of a
// topic text ("geldig vanaf"); from that Amsterdam day on clients read it instead of the
// current text, with no one pressing a button. Nothing is overwritten: the current text and
// every version stay in the database as the history.

export interface VersionInForce {
	topicId: string;
	language: string;
	validFrom: string;
	title: string;
	body: string;
	legalBasis: string | null;
	status: TextStatus;
	checkedAt: Date | null;
	checkedBy: string | null;
	dienst: string | null;
}

/**
 * Per topic and language the newest version whose date has come on `today`, if any. With
 * `checkedOnly` (a gemeente that holds concept texts back) a concept version does not count:
 * its clients keep the checked text before it.
 */
export async function versionsInForce(
	db: Db,
	topicIds: string[],
	languages: string[],
	today: string,
	checkedOnly = false
): Promise<VersionInForce[]> {
	if (!topicIds.length) return [];
	return db
		.selectDistinctOn([topicVersion.topicId, topicVersion.language], {
			topicId: topicVersion.topicId,
			language: topicVersion.language,
			validFrom: topicVersion.validFrom,
			title: topicVersion.title,
			body: topicVersion.body,
			legalBasis: topicVersion.legalBasis,
			status: topicVersion.status,
			checkedAt: topicVersion.checkedAt,
			checkedBy: sql<
				string | null
			>`(select display_name from "user" where id = ${topicVersion.checkedBy})`,
			dienst: sql<
				string | null
			>`coalesce(${topicVersion.checkedDienst}, (select dienst from content_reviewer r where r.user_id = ${topicVersion.checkedBy} and r.language = ${topicVersion.language}))`
		})
		.from(topicVersion)
		.where(
			and(
				inArray(topicVersion.topicId, topicIds),
				inArray(topicVersion.language, languages),
				lte(topicVersion.validFrom, today),
				checkedOnly ? eq(topicVersion.status, 'checked') : undefined
			)
		)
		.orderBy(topicVersion.topicId, topicVersion.language, desc(topicVersion.validFrom));
}

/**
 * Replaces, per topic and language, the stored dienst-wide text by the version in force. A
 * gemeente variant stays until that gemeente changes it (/beheer says it is older than the
 * new version). A dienst-wide translation older than the Dutch version in force describes the
 * old law, so it is left out: the reader gets the new Dutch text, marked as Dutch. `toRow`
 * builds the row (dienst-wide) from one existing row of the topic.
 */
export function withVersions<
	R extends { topicId: string; language: string; gemeenteId: string | null }
>(rows: R[], versions: VersionInForce[], toRow: (base: R, version: VersionInForce) => R): R[] {
	const since = (topicId: string, language: string) =>
		versions.find((v) => v.topicId === topicId && v.language === language)?.validFrom ?? '';
	const outdated = (r: R) =>
		r.gemeenteId === null &&
		r.language !== SOURCE_LANGUAGE &&
		since(r.topicId, r.language) < since(r.topicId, SOURCE_LANGUAGE);
	const general = (r: R, v: VersionInForce) =>
		r.topicId === v.topicId && r.language === v.language && r.gemeenteId === null;
	let out = rows;
	for (const v of versions) {
		const base = out.find((r) => general(r, v)) ?? out.find((r) => r.topicId === v.topicId);
		if (!base) continue;
		out = [...out.filter((r) => !general(r, v)), toRow(base, v)];
	}
	return out.filter((r) => !outdated(r));
}

export interface VersionInput {
	code: string;
	language: string;
	validFrom: string;
	title: string;
	body: string;
	legalBasis: string | null;
}

export type ScheduleOutcome = 'saved' | 'notFound' | 'pastDate' | 'dateTaken';

/**
 * Prepares a new version that takes effect on `validFrom`. Refused for a date before today
 * (Amsterdam) and when the topic already has a version in that language on that date: edit
 * that one instead. The version is a concept until a redacteur checks it.
 */
export async function scheduleVersion(
	db: Db,
	input: VersionInput,
	editorId: string,
	now = new Date()
): Promise<ScheduleOutcome> {
	if (input.validFrom < amsterdamDay(now)) return 'pastDate';
	return db.transaction(async (tx) => {
		const [t] = await tx.select({ id: topic.id }).from(topic).where(eq(topic.code, input.code));
		if (!t) return 'notFound';
		const added = await tx
			.insert(topicVersion)
			.values({
				topicId: t.id,
				language: input.language,
				validFrom: input.validFrom,
				title: input.title,
				body: input.body,
				legalBasis: input.legalBasis,
				status: 'concept',
				editedBy: editorId,
				updatedAt: now
			})
			.onConflictDoNothing()
			.returning({ topicId: topicVersion.topicId });
		if (!added.length) return 'dateTaken';
		await record(tx, {
			actorId: editorId,
			clientId: null,
			action: 'content.edit',
			detail: {
				kind: 'topic',
				code: input.code,
				language: input.language,
				validFrom: input.validFrom,
				created: true,
				title: input.title
			}
		});
		return 'saved';
	});
}

/** A redacteur checks a dated version; the same four-eyes rule as for a current text. */
export async function checkVersion(
	db: Db,
	target: { code: string; language: string; validFrom: string },
	checkerId: string,
	now = new Date()
): Promise<CheckOutcome> {
	return db.transaction(async (tx) => {
		const where = and(
			eq(topicVersion.topicId, sql`(select id from topic where code = ${target.code})`),
			eq(topicVersion.language, target.language),
			eq(topicVersion.validFrom, target.validFrom)
		);
		const [v] = await tx
			.select({ status: topicVersion.status, editedBy: topicVersion.editedBy })
			.from(topicVersion)
			.where(where);
		if (!v) return 'notFound';
		const reviewer = await reviewerFor(tx, checkerId, target.language);
		if (!reviewer) return 'notReviewer';
		if (v.editedBy === checkerId) return 'ownEdit';
		await tx
			.update(topicVersion)
			.set({
				status: 'checked',
				checkedBy: checkerId,
				checkedAt: now,
				checkedDienst: reviewer.dienst
			})
			.where(where);
		await record(tx, {
			actorId: checkerId,
			clientId: null,
			action: 'content.check',
			detail: { kind: 'topic', ...target, from: v.status, to: 'checked' }
		});
		return 'checked';
	});
}

export interface UpcomingChange {
	validFrom: string;
	code: string;
	/** The Dutch title of the new version (or of the topic). */
	title: string;
	/** Status per language that has a current text: a version, or missing. */
	languages: Record<string, TextStatus | 'missing'>;
	/** Not checked in every language yet. */
	ready: boolean;
}

/** What changes on which date after `today`, and what is not ready yet, by date. */
export async function upcomingChanges(db: Db, today: string): Promise<UpcomingChange[]> {
	const [versions, current] = await Promise.all([
		db
			.select({
				validFrom: topicVersion.validFrom,
				code: topic.code,
				language: topicVersion.language,
				title: topicVersion.title,
				status: topicVersion.status
			})
			.from(topicVersion)
			.innerJoin(topic, eq(topic.id, topicVersion.topicId))
			.where(sql`${topicVersion.validFrom} > ${today}`)
			.orderBy(asc(topicVersion.validFrom), asc(topic.position)),
		db
			.select({ code: topic.code, language: topicText.language, title: topicText.title })
			.from(topicText)
			.innerJoin(topic, eq(topic.id, topicText.topicId))
			.where(isNull(topicText.gemeenteId))
	]);
	const changes = new Map<string, UpcomingChange>();
	for (const v of versions) {
		const key = `${v.validFrom}|${v.code}`;
		let change = changes.get(key);
		if (!change) {
			const languages: UpcomingChange['languages'] = {};
			for (const c of current.filter((c) => c.code === v.code)) languages[c.language] = 'missing';
			const dutch = current.find((c) => c.code === v.code && c.language === SOURCE_LANGUAGE);
			change = {
				validFrom: v.validFrom,
				code: v.code,
				title: dutch?.title ?? v.code,
				languages,
				ready: false
			};
			changes.set(key, change);
		}
		change.languages[v.language] = v.status;
		if (v.language === SOURCE_LANGUAGE) change.title = v.title;
	}
	return [...changes.values()].map((c) => ({
		...c,
		ready: Object.values(c.languages).every((s) => s === 'checked')
	}));
}
