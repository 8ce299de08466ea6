import { and, asc, eq, inArray, isNull, or, arrayContains, sql } from 'drizzle-orm';
import type { Db } from '../db/open';
import { openQuestionAbout } from '../instruments/requests';
import {
	gemeenteContentSetting,
	instrument,
	instrumentText,
	topic,
	topicText,
	type Segment,
	type TextStatus
} from '../db/schema';
import { toBlocks, type Block } from './markdown';
import { explain, type GlossaryItem } from './glossary';
import { termsIn } from '../../content/glossary-terms';
import { amsterdamDay } from '../../dates';
import { versionsInForce, withVersions } from './topic-versions';

// Content comes per language with Dutch as the source. A missing translation shows the Dutch
// text with `fallback: true`, which the page marks "(Nederlands)": never a silent fallback.
// A text is "checked" only when a named redacteur checked it; the page says who, for which
// dienst, and when. A gemeente may hold concept texts back: then its clients only see checked
// texts (a checked Dutch text, marked, when the translation is still a concept).

/** What the page says about who checked the text. */
export interface Review {
	status: TextStatus;
	checkedBy: string | null;
	dienst: string | null;
	/** ISO timestamp. */
	checkedAt: string | null;
}

/** Whether clients of this gemeente see concept texts; without a gemeente, yes. */
/**
 * The same as `showsConcept`, as a column of the query that reads the texts: one round trip
 * less on every content page (#19). Every row carries the same value.
 */
const showConceptColumn = (gemeenteId: string | null) =>
	gemeenteId
		? sql<boolean>`coalesce((select ${gemeenteContentSetting.showConcept} from ${gemeenteContentSetting} where ${gemeenteContentSetting.gemeenteId} = ${gemeenteId}), true)`
		: sql<boolean>`true`;

/** No rows read means nothing to show either way. */
const showOf = (rows: readonly { show: boolean }[]) => rows[0]?.show !== false;

export async function showsConcept(db: Db, gemeenteId: string | null): Promise<boolean> {
	if (!gemeenteId) return true;
	const [row] = await db
		.select({ show: gemeenteContentSetting.showConcept })
		.from(gemeenteContentSetting)
		.where(eq(gemeenteContentSetting.gemeenteId, gemeenteId));
	return row?.show ?? true;
}

const reviewColumns = (table: typeof topicText | typeof instrumentText) => ({
	status: table.status,
	checkedAt: table.checkedAt,
	checkedBy: sql<string | null>`(select display_name from "user" where id = ${table.checkedBy})`,
	// The dienst at the time of the check; for checks made before it was kept, the current one.
	dienst: sql<
		string | null
	>`coalesce(${table.checkedDienst}, (select dienst from content_reviewer r where r.user_id = ${table.checkedBy} and r.language = ${table.language}))`
});

function reviewOf(row: {
	status: TextStatus;
	checkedAt: Date | null;
	checkedBy: string | null;
	dienst: string | null;
}): Review {
	const checked = row.status === 'checked' && row.checkedBy !== null;
	return {
		status: checked ? 'checked' : 'concept',
		checkedBy: checked ? row.checkedBy : null,
		dienst: checked ? row.dienst : null,
		checkedAt: checked ? (row.checkedAt?.toISOString() ?? null) : null
	};
}

/** Held back: only texts a named person checked. */
const onlyChecked = <T extends { status: TextStatus }>(rows: T[], show: boolean) =>
	show ? rows : rows.filter((r) => r.status === 'checked');

export interface TopicSummary {
	code: string;
	kind: 'duty' | 'right' | 'consequence';
	title: string;
	pictogram: string;
	fallback: boolean;
}

export interface TopicView extends TopicSummary {
	blocks: Block[];
	/** The words the text marks, explained in the reader's language (Dutch when missing). */
	glossary: GlossaryItem[];
	legalBasis: string;
	review: Review;
}

// Map.groupBy needs Node 21; this is the same for our one use.
function groupBy<T>(rows: T[], key: (r: T) => string): Map<string, T[]> {
	const map = new Map<string, T[]>();
	for (const r of rows) map.set(key(r), [...(map.get(key(r)) ?? []), r]);
	return map;
}

function pick<T extends { language: string; gemeenteId?: string | null }>(
	rows: T[],
	lang: string,
	gemeenteId: string | null
): { row: T; fallback: boolean } | null {
	const score = (r: T) =>
		(r.language === lang ? 2 : 0) + (gemeenteId && r.gemeenteId === gemeenteId ? 1 : 0);
	const best = [...rows].sort((a, b) => score(b) - score(a))[0];
	return best ? { row: best, fallback: best.language !== lang } : null;
}

const topicTextFor = (lang: string, gemeenteId: string | null) =>
	and(
		inArray(topicText.language, [lang, 'nl']),
		gemeenteId
			? or(isNull(topicText.gemeenteId), eq(topicText.gemeenteId, gemeenteId))
			: isNull(topicText.gemeenteId)
	);

/** The published topics in a language; `today` (Amsterdam day) picks dated versions in force. */
export async function listTopics(
	db: Db,
	lang: string,
	gemeenteId: string | null,
	today = amsterdamDay()
): Promise<TopicSummary[]> {
	const stored = await db
		.select({
			topicId: topic.id,
			code: topic.code,
			kind: topic.kind,
			pictogram: topic.pictogram,
			position: topic.position,
			language: topicText.language,
			gemeenteId: topicText.gemeenteId,
			title: topicText.title,
			status: topicText.status,
			show: showConceptColumn(gemeenteId)
		})
		.from(topic)
		.innerJoin(topicText, eq(topicText.topicId, topic.id))
		.where(and(eq(topic.published, true), topicTextFor(lang, gemeenteId)))
		.orderBy(asc(topic.position));
	const show = showOf(stored);
	const versions = await versionsInForce(
		db,
		[...new Set(stored.map((r) => r.topicId))],
		[lang, 'nl'],
		today,
		!show
	);
	const rows = withVersions(stored, versions, (base, v) => ({
		...base,
		language: v.language,
		gemeenteId: null,
		title: v.title,
		status: v.status
	})).sort((a, b) => a.position - b.position);
	const byCode = groupBy(onlyChecked(rows, show), (r) => r.code);
	return [...byCode.values()].flatMap((group) => {
		const chosen = pick(group, lang, gemeenteId);
		if (!chosen) return [];
		const { row, fallback } = chosen;
		return [
			{ code: row.code, kind: row.kind, title: row.title, pictogram: row.pictogram, fallback }
		];
	});
}

/** One topic for a reader; from a dated version's day on (Amsterdam), that version. */
export async function getTopic(
	db: Db,
	code: string,
	lang: string,
	gemeenteId: string | null,
	today = amsterdamDay()
): Promise<TopicView | null> {
	const stored = await db
		.select({
			topicId: topic.id,
			code: topic.code,
			kind: topic.kind,
			pictogram: topic.pictogram,
			legalBasis: topic.legalBasis,
			language: topicText.language,
			gemeenteId: topicText.gemeenteId,
			title: topicText.title,
			body: topicText.body,
			...reviewColumns(topicText),
			show: showConceptColumn(gemeenteId)
		})
		.from(topic)
		.innerJoin(topicText, eq(topicText.topicId, topic.id))
		.where(and(eq(topic.code, code), eq(topic.published, true), topicTextFor(lang, gemeenteId)));
	const show = showOf(stored);
	const versions = await versionsInForce(
		db,
		stored.slice(0, 1).map((r) => r.topicId),
		[lang, 'nl'],
		today,
		!show
	);
	const rows = withVersions(stored, versions, (base, v) => ({
		...base,
		language: v.language,
		gemeenteId: null,
		title: v.title,
		body: v.body,
		legalBasis: v.legalBasis ?? base.legalBasis,
		status: v.status,
		checkedAt: v.checkedAt,
		checkedBy: v.checkedBy,
		dienst: v.dienst
	}));
	const chosen = pick(onlyChecked(rows, show), lang, gemeenteId);
	if (!chosen) return null;
	const { row, fallback } = chosen;
	return {
		code: row.code,
		kind: row.kind,
		title: row.title,
		pictogram: row.pictogram,
		legalBasis: row.legalBasis,
		review: reviewOf(row),
		blocks: toBlocks(row.body),
		glossary: await explain(db, lang, termsIn(row.body)),
		fallback
	};
}

export interface InstrumentSummary {
	id: string;
	code: string;
	name: string;
	summary: string;
	segments: Segment[];
	minAge: number | null;
	maxAge: number | null;
	forStatushouders: boolean;
	fallback: boolean;
	/** The client asking has an open question to their klantmanager about it. */
	asked: boolean;
}

export interface InstrumentFilter {
	segment?: Segment;
	age?: 'under27' | 'over45';
	statushouder?: boolean;
}

/** What the catalogue and an instrument page both show, with the text's language. */
const instrumentColumns = {
	id: instrument.id,
	code: instrument.code,
	segments: instrument.segments,
	minAge: instrument.minAge,
	maxAge: instrument.maxAge,
	forStatushouders: instrument.forStatushouders,
	language: instrumentText.language,
	name: instrumentText.name,
	summary: instrumentText.summary
};

/** The catalogue offered in a gemeente, optionally filtered by "wat past bij mij". */
export async function listInstruments(
	db: Db,
	lang: string,
	gemeenteId: string | null,
	filter: InstrumentFilter = {},
	askedBy: string | null = null
): Promise<InstrumentSummary[]> {
	const conditions = [eq(instrument.active, true), inArray(instrumentText.language, [lang, 'nl'])];
	if (gemeenteId) {
		conditions.push(
			or(
				sql`cardinality(${instrument.gemeenteIds}) = 0`,
				arrayContains(instrument.gemeenteIds, [gemeenteId])
			)!
		);
	}
	if (filter.segment) conditions.push(arrayContains(instrument.segments, [filter.segment]));
	if (filter.age === 'under27') conditions.push(sql`coalesce(${instrument.minAge}, 0) < 27`);
	if (filter.age === 'over45') conditions.push(sql`coalesce(${instrument.maxAge}, 200) >= 45`);
	if (filter.statushouder === false) conditions.push(eq(instrument.forStatushouders, false));
	const rows = await db
		.select({
			...instrumentColumns,
			status: instrumentText.status,
			asked: openQuestionAbout(askedBy, instrument.id),
			show: showConceptColumn(gemeenteId)
		})
		.from(instrument)
		.innerJoin(instrumentText, eq(instrumentText.instrumentId, instrument.id))
		.where(and(...conditions));
	const byId = groupBy(onlyChecked(rows, showOf(rows)), (r) => r.id);
	return [...byId.values()]
		.flatMap((group) => {
			const chosen = pick(group, lang, null);
			if (!chosen) return [];
			const { language: _l, status: _s, show: _show, ...rest } = chosen.row;
			return [{ ...rest, fallback: chosen.fallback }];
		})
		.sort((a, b) => a.name.localeCompare(b.name, lang));
}

/**
 * One instrument page; `askedBy` (a client id) adds whether they asked about it already, and
 * `gemeenteId` whether concept texts are held back.
 */
export async function getInstrument(
	db: Db,
	code: string,
	lang: string,
	askedBy: string | null = null,
	gemeenteId: string | null = null
) {
	const rows = await db
		.select({
			...instrumentColumns,
			body: instrumentText.body,
			...reviewColumns(instrumentText),
			asked: openQuestionAbout(askedBy, instrument.id),
			show: showConceptColumn(gemeenteId)
		})
		.from(instrument)
		.innerJoin(instrumentText, eq(instrumentText.instrumentId, instrument.id))
		.where(
			and(
				eq(instrument.code, code),
				eq(instrument.active, true),
				inArray(instrumentText.language, [lang, 'nl'])
			)
		);
	const chosen = pick(onlyChecked(rows, showOf(rows)), lang, null);
	if (!chosen) return null;
	const {
		body,
		language: _l,
		status,
		checkedAt,
		checkedBy,
		dienst,
		show: _show,
		...rest
	} = chosen.row;
	return {
		...rest,
		review: reviewOf({ status, checkedAt, checkedBy, dienst }),
		blocks: toBlocks(body),
		glossary: await explain(db, lang, termsIn(body)),
		fallback: chosen.fallback
	};
}
