import { and, desc, eq, getTableName, inArray, sql, type Placeholder, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { Db } from '../db/open';
import { isoUtc } from '../db/json-sql';
import {
	client,
	survey,
	surveyAnswerHeld,
	surveyInvitation,
	surveyText,
	type SurveyTrigger,
	type TallySplit
} from '../db/schema';
import { quarterOfInstant } from '../../quarters';
import { LANGUAGE_CODES } from '../../i18n/languages';
import { cleanAnswers, type SurveyItem } from './survey-answers';
import { invitationDueAt, inviteBlockedBy, tooSoonSince } from './invitation-rules';

// Invitations and anonymous answers (docs/DOMAIN.md "Surveys", docs/REPORT.md). The invitation
// knows the client; the response never does. The client's action only holds the answers; they
// are published later, in batches (held-answers.ts), so nothing joins them afterwards.

export { INVITATION_DAYS, MIN_DAYS_BETWEEN } from './invitation-rules';
export const DEFAULT_PERIODIC_MONTHS = 6;

export type InviteResult =
	| { ok: true; invitationId: string }
	| { ok: false; reason: 'no_client' | 'open_invitation' | 'too_soon' | 'no_survey' };

/**
 * Invites a client to the active survey for `trigger`, unless they have an open invitation or
 * were invited in the last 30 days. Locks the client row so two triggers at once invite once.
 * Call it inside a transaction (the triggers run in the caller's).
 */
export async function invite(
	db: Db,
	input: { clientId: string; trigger: SurveyTrigger; instrumentId?: string | null; now?: Date }
): Promise<InviteResult> {
	const now = input.now ?? new Date();
	const [me] = await db
		.select({ id: client.id })
		.from(client)
		.where(eq(client.id, input.clientId))
		.for('update');
	if (!me) return { ok: false, reason: 'no_client' };
	const [last] = await db
		.select({
			createdAt: surveyInvitation.createdAt,
			dueAt: surveyInvitation.dueAt,
			answeredAt: surveyInvitation.answeredAt
		})
		.from(surveyInvitation)
		.where(eq(surveyInvitation.clientId, me.id))
		.orderBy(desc(surveyInvitation.createdAt))
		.limit(1);
	const blocked = inviteBlockedBy(last, now);
	if (blocked) return { ok: false, reason: blocked };
	const active = await activeSurvey(db, input.trigger);
	if (!active) return { ok: false, reason: 'no_survey' };
	const [row] = await db
		.insert(surveyInvitation)
		.values({
			clientId: me.id,
			surveyId: active.id,
			trigger: input.trigger,
			instrumentId: input.trigger === 'instrument_end' ? (input.instrumentId ?? null) : null,
			createdAt: now,
			dueAt: invitationDueAt(now)
		})
		.returning({ id: surveyInvitation.id });
	return { ok: true, invitationId: row!.id };
}

async function activeSurvey(db: Db, trigger: SurveyTrigger) {
	const [row] = await db
		.select({ id: survey.id, items: survey.items })
		.from(survey)
		.where(and(eq(survey.trigger, trigger), eq(survey.active, true)))
		.orderBy(desc(survey.version))
		.limit(1);
	return row ?? null;
}

/**
 * The periodic survey: every client still on the benefit whose last periodic invitation is
 * older than `everyMonths` (or who never had one and has been a client that long) is invited.
 * A timer calls this; running it twice invites nobody twice (the 30-day and open rules).
 */
export async function invitePeriodic(
	db: Db,
	opts: { now?: Date; everyMonths?: number } = {}
): Promise<number> {
	const now = opts.now ?? new Date();
	const months = opts.everyMonths ?? DEFAULT_PERIODIC_MONTHS;
	const since = new Date(now);
	since.setUTCMonth(since.getUTCMonth() - months);
	const recent = tooSoonSince(now);
	const candidates = await db
		.select({ id: client.id })
		.from(client)
		.where(
			sql`${client.benefitStart} <= ${since.toISOString().slice(0, 10)}
				and not exists (select 1 from outflow o where o.client_id = ${client.id}
					and o.benefit_start = ${client.benefitStart})
				and not exists (select 1 from survey_invitation i where i.client_id = ${client.id}
					and (i.created_at > ${recent.toISOString()}
						or (i.trigger = 'periodic' and i.created_at > ${since.toISOString()})
						or (i.answered_at is null and i.due_at > ${now.toISOString()})))`
		);
	let invited = 0;
	for (const c of candidates) {
		const result = await db.transaction((tx) =>
			invite(tx, { clientId: c.id, trigger: 'periodic', now })
		);
		if (result.ok) invited++;
	}
	return invited;
}

/**
 * The open invitation Home shows (newest unanswered, not expired), as one JSON text, for the
 * client in `clientId`: a fragment, so Home reads it in the same round trip as the rest.
 */
export function openInvitationJson(
	clientId: PgColumn,
	/** A Date, or a placeholder of a prepared query (an ISO timestamp). */
	now: Date | Placeholder
): SQL<string | null> {
	const at = now instanceof Date ? now.toISOString() : now;
	// Always table.column: drizzle writes a bare "id" in a one-table select, which inside this
	// subquery would mean the invitation's own id.
	const outer = sql`${sql.identifier(getTableName(clientId.table))}.${sql.identifier(clientId.name)}`;
	return sql<string | null>`(select json_build_object('id', i.id, 'trigger', i.trigger,
		'dueAt', ${isoUtc(sql`i.due_at`)},
		'questions', jsonb_array_length(s.items))::text
		from survey_invitation i join survey s on s.id = i.survey_id
		where i.client_id = ${outer} and i.answered_at is null and i.due_at > ${at}
		order by i.created_at desc limit 1)`;
}

export type OpenInvitation = { id: string; trigger: string; dueAt: string; questions: number };

/** The open invitation of the client signed in as `userId`, if any. */
export async function openInvitationOf(
	db: Db,
	userId: string,
	now = new Date()
): Promise<OpenInvitation | null> {
	const [row] = await db
		.select({ invitation: openInvitationJson(client.id, now) })
		.from(client)
		.where(eq(client.userId, userId));
	return row?.invitation ? (JSON.parse(row.invitation) as OpenInvitation) : null;
}

/** One invitation with its questions in the client's language (Dutch where none exists). */
export async function surveyOfInvitation(
	db: Db,
	input: { userId: string; invitationId: string; lang: string; now?: Date }
) {
	const now = input.now ?? new Date();
	const [row] = await db
		.select({
			id: surveyInvitation.id,
			surveyId: surveyInvitation.surveyId,
			trigger: surveyInvitation.trigger,
			dueAt: surveyInvitation.dueAt,
			answeredAt: surveyInvitation.answeredAt,
			items: survey.items
		})
		.from(surveyInvitation)
		.innerJoin(client, eq(client.id, surveyInvitation.clientId))
		.innerJoin(survey, eq(survey.id, surveyInvitation.surveyId))
		.where(and(eq(surveyInvitation.id, input.invitationId), eq(client.userId, input.userId)));
	if (!row) return null;
	const texts = await db
		.select({ language: surveyText.language, questions: surveyText.questions })
		.from(surveyText)
		.where(
			and(eq(surveyText.surveyId, row.surveyId), inArray(surveyText.language, [input.lang, 'nl']))
		);
	const chosen =
		texts.find((t) => t.language === input.lang) ?? texts.find((t) => t.language === 'nl');
	const nl = texts.find((t) => t.language === 'nl');
	return {
		invitationId: row.id,
		trigger: row.trigger,
		language: chosen?.language ?? 'nl',
		dueAt: row.dueAt.toISOString(),
		answered: !!row.answeredAt,
		expired: row.dueAt <= now,
		items: row.items.map((item) => ({
			...item,
			text: chosen?.questions[item.code] ?? nl?.questions[item.code] ?? item.code
		}))
	};
}

export type SurveySubmitResult =
	| { ok: true; late: boolean }
	| { ok: false; error: 'not_found' | 'already_answered' | 'invalid_answer' | 'too_long' };

/**
 * Takes one anonymous answer set and marks the invitation answered (to the day), in the
 * caller's transaction (the idempotency key's). The answers go to the holding table only,
 * with no link to the invitation: publishHeldAnswers moves them on later, in batches, in
 * transactions of their own (issue #13). An answer that arrives after the invitation expired
 * (sent from a phone that was offline) is accepted once and marked late.
 */
export async function submitAnswers(
	tx: Db,
	input: {
		userId: string;
		invitationId: string;
		answers: Record<string, number>;
		open?: string | null;
		language: string;
		now?: Date;
	}
): Promise<SurveySubmitResult> {
	const now = input.now ?? new Date();
	const [inv] = await tx
		.select({
			id: surveyInvitation.id,
			surveyId: surveyInvitation.surveyId,
			trigger: surveyInvitation.trigger,
			instrumentId: surveyInvitation.instrumentId,
			dueAt: surveyInvitation.dueAt,
			answeredAt: surveyInvitation.answeredAt,
			gemeenteId: client.gemeenteId,
			segment: client.segment
		})
		.from(surveyInvitation)
		.innerJoin(client, eq(client.id, surveyInvitation.clientId))
		.where(and(eq(surveyInvitation.id, input.invitationId), eq(client.userId, input.userId)))
		.for('update', { of: surveyInvitation });
	if (!inv) return { ok: false, error: 'not_found' };
	if (inv.answeredAt) return { ok: false, error: 'already_answered' };
	const [s] = await tx
		.select({ items: survey.items })
		.from(survey)
		.where(eq(survey.id, inv.surveyId));
	const cleaned = cleanAnswers(s!.items as SurveyItem[], input.answers, input.open);
	if (!cleaned.ok) return cleaned;
	const [text] = await tx
		.select({ language: surveyText.language })
		.from(surveyText)
		.where(and(eq(surveyText.surveyId, inv.surveyId), eq(surveyText.language, input.language)));
	const late = inv.dueAt <= now;
	await tx.insert(surveyAnswerHeld).values({
		gemeenteId: inv.gemeenteId,
		quarter: quarterOfInstant(now),
		segment: inv.segment,
		instrumentId: inv.trigger === 'instrument_end' ? inv.instrumentId : null,
		trigger: inv.trigger,
		language: text ? input.language : 'nl',
		surveyId: inv.surveyId,
		answers: cleaned.answers,
		open: cleaned.open || null,
		late
	});
	// Answered to the day: the order of answers within a day is not kept anywhere.
	await tx
		.update(surveyInvitation)
		.set({
			answeredAt: sql`date_trunc('day', ${now.toISOString()}::timestamptz at time zone 'Europe/Amsterdam') at time zone 'Europe/Amsterdam'`
		})
		.where(eq(surveyInvitation.id, inv.id));
	return { ok: true, late };
}

type TallyCell = {
	gemeenteId: string;
	quarter: string;
	segment: string | null;
	instrumentId: string | null;
	trigger: string;
	language: string;
	surveyId: string;
	answers: Record<string, number>;
	late: boolean;
};

/**
 * The language groups the report splits by: every language the app can offer (a gemeente's
 * own offer decides which columns its report shows); anything else is 'other'.
 */
export const REPORT_LANGUAGES = LANGUAGE_CODES;

/** An answer set's category in each split of the report (survey_tally_split). */
export function tallyCategories(
	r: Pick<TallyCell, 'segment' | 'language' | 'instrumentId' | 'trigger'>
) {
	return [
		['segment', r.segment ?? 'none'],
		[
			'language',
			(REPORT_LANGUAGES as readonly string[]).includes(r.language) ? r.language : 'other'
		],
		['instrument', r.instrumentId ?? 'none'],
		['trigger', r.trigger]
	] as const satisfies readonly (readonly [TallySplit, string])[];
}

/** The same categories in SQL, over a row with segment, language, instrument_id and trigger. */
const SPLIT_CATEGORIES = sql.raw(`(values ('segment', coalesce(t.segment, 'none')),
	('language', case when t.language in (${REPORT_LANGUAGES.map((l) => `'${l}'`).join(', ')})
		then t.language else 'other' end),
	('instrument', coalesce(t.instrument_id::text, 'none')),
	('trigger', t.trigger)) s (split, category)`);

/**
 * Adds one answer set to the running counts: one row per answered item, '*' for the set, and
 * '*late' when it came in after its invitation expired; in survey_tally and once per split of
 * the report (survey_tally_split, which the trend reads too).
 */
export async function addToTally(tx: Db, r: TallyCell): Promise<void> {
	const entries: [string, number][] = [['*', 0], ...Object.entries(r.answers)];
	if (r.late) entries.push(['*late', 0]);
	const splitRows = entries.flatMap(([item, value]) =>
		tallyCategories(r).map(
			([split, category]) =>
				sql`(${r.quarter}, ${r.gemeenteId}, ${split}, ${category}, ${item}, ${value}, 1)`
		)
	);
	await tx.execute(sql`
		insert into survey_tally_split (quarter, gemeente_id, split, category, item, value, count)
		values ${sql.join(splitRows, sql`, `)}
		on conflict (quarter, gemeente_id, split, category, item, value)
		do update set count = survey_tally_split.count + excluded.count`);
	for (const [item, value] of entries) {
		await tx.execute(sql`
			insert into survey_tally (gemeente_id, quarter, segment, instrument_id, trigger,
				language, survey_id, item, value, count)
			values (${r.gemeenteId}, ${r.quarter}, ${r.segment}, ${r.instrumentId}, ${r.trigger},
				${r.language}, ${r.surveyId}, ${item}, ${value}, 1)
			on conflict on constraint survey_tally_cell_uq
			do update set count = survey_tally.count + 1`);
	}
}

/** Recounts the tally from the responses (after a bulk import or seed). */
export async function rebuildTally(db: Db): Promise<void> {
	await db.execute(sql`delete from survey_tally`);
	await db.execute(sql`
		insert into survey_tally (gemeente_id, quarter, segment, instrument_id, trigger,
			language, survey_id, item, value, count)
		select r.gemeente_id, r.quarter, r.segment, r.instrument_id, r.trigger, r.language,
			r.survey_id, e.key, e.value::text::smallint, count(*)::int
		from survey_response r cross join lateral jsonb_each(r.answers) e
		group by 1, 2, 3, 4, 5, 6, 7, 8, 9
		union all
		select r.gemeente_id, r.quarter, r.segment, r.instrument_id, r.trigger, r.language,
			r.survey_id, '*', 0, count(*)::int
		from survey_response r
		group by 1, 2, 3, 4, 5, 6, 7, 8, 9
		union all
		select r.gemeente_id, r.quarter, r.segment, r.instrument_id, r.trigger, r.language,
			r.survey_id, '*late', 0, count(*)::int
		from survey_response r where r.late
		group by 1, 2, 3, 4, 5, 6, 7, 8, 9`);
	await db.execute(sql`delete from survey_tally_split`);
	await db.execute(sql`
		insert into survey_tally_split (quarter, gemeente_id, split, category, item, value, count)
		select t.quarter, t.gemeente_id, s.split, s.category, t.item, t.value, sum(t.count)::int
		from survey_tally t cross join lateral ${SPLIT_CATEGORIES}
		group by 1, 2, 3, 4, 5, 6`);
}
