import { and, asc, eq, inArray, isNull, or, arrayContains, sql } from 'drizzle-orm';
import type { Db } from '../db/open';
import { openQuestionAbout } from '../instruments/requests';
import { instrument, instrumentText, topic, topicText, type Segment } from '../db/schema';
import { toBlocks, type Block } from './markdown';

// Content comes per language with Dutch as the source. A missing translation shows the Dutch
// text with `fallback: true`, which the page marks "(Nederlands)": never a silent fallback.

export interface TopicSummary {
	code: string;
	kind: 'duty' | 'right' | 'consequence';
	title: string;
	pictogram: string;
	fallback: boolean;
}

export interface TopicView extends TopicSummary {
	blocks: Block[];
	legalBasis: string;
	lastCheckedOn: string;
	status: string;
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

export async function listTopics(
	db: Db,
	lang: string,
	gemeenteId: string | null
): Promise<TopicSummary[]> {
	const rows = await db
		.select({
			code: topic.code,
			kind: topic.kind,
			pictogram: topic.pictogram,
			position: topic.position,
			language: topicText.language,
			gemeenteId: topicText.gemeenteId,
			title: topicText.title
		})
		.from(topic)
		.innerJoin(topicText, eq(topicText.topicId, topic.id))
		.where(and(eq(topic.published, true), topicTextFor(lang, gemeenteId)))
		.orderBy(asc(topic.position));
	const byCode = groupBy(rows, (r) => r.code);
	return [...byCode.values()].flatMap((group) => {
		const chosen = pick(group, lang, gemeenteId);
		if (!chosen) return [];
		const { row, fallback } = chosen;
		return [
			{ code: row.code, kind: row.kind, title: row.title, pictogram: row.pictogram, fallback }
		];
	});
}

export async function getTopic(
	db: Db,
	code: string,
	lang: string,
	gemeenteId: string | null
): Promise<TopicView | null> {
	const rows = await db
		.select({
			code: topic.code,
			kind: topic.kind,
			pictogram: topic.pictogram,
			legalBasis: topic.legalBasis,
			language: topicText.language,
			gemeenteId: topicText.gemeenteId,
			title: topicText.title,
			body: topicText.body,
			lastCheckedOn: topicText.lastCheckedOn,
			status: topicText.status
		})
		.from(topic)
		.innerJoin(topicText, eq(topicText.topicId, topic.id))
		.where(and(eq(topic.code, code), eq(topic.published, true), topicTextFor(lang, gemeenteId)));
	const chosen = pick(rows, lang, gemeenteId);
	if (!chosen) return null;
	const { row, fallback } = chosen;
	return {
		code: row.code,
		kind: row.kind,
		title: row.title,
		pictogram: row.pictogram,
		legalBasis: row.legalBasis,
		lastCheckedOn: row.lastCheckedOn,
		status: row.status,
		blocks: toBlocks(row.body),
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
		.select({ ...instrumentColumns, asked: openQuestionAbout(askedBy, instrument.id) })
		.from(instrument)
		.innerJoin(instrumentText, eq(instrumentText.instrumentId, instrument.id))
		.where(and(...conditions));
	const byId = groupBy(rows, (r) => r.id);
	return [...byId.values()]
		.flatMap((group) => {
			const chosen = pick(group, lang, null);
			if (!chosen) return [];
			const { language: _l, ...rest } = chosen.row;
			return [{ ...rest, fallback: chosen.fallback }];
		})
		.sort((a, b) => a.name.localeCompare(b.name, lang));
}

/** One instrument page; `askedBy` (a client id) adds whether they asked about it already. */
export async function getInstrument(
	db: Db,
	code: string,
	lang: string,
	askedBy: string | null = null
) {
	const rows = await db
		.select({
			...instrumentColumns,
			body: instrumentText.body,
			status: instrumentText.status,
			asked: openQuestionAbout(askedBy, instrument.id)
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
	const chosen = pick(rows, lang, null);
	if (!chosen) return null;
	const { body, language: _l, ...rest } = chosen.row;
	return { ...rest, blocks: toBlocks(body), fallback: chosen.fallback };
}
