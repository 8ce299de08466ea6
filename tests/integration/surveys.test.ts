import { expect, it } from 'vitest';
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import { describeEachDatabase } from './databases';
import { seedDemo } from '../../src/lib/server/seed/demo';
import {
	appointment,
	client,
	idempotency,
	instrumentUse,
	survey,
	surveyInvitation,
	surveyOpenAnswer,
	surveyResponse,
	user
} from '../../src/lib/server/db/schema';
import { applyClientAction } from '../../src/lib/server/client/client-actions';
import {
	afterAppointmentHeld,
	afterInstrumentUseEnded
} from '../../src/lib/server/surveys/survey-triggers';
import * as surveys from '../../src/lib/server/surveys/surveys';
import { publishHeldAnswers } from '../../src/lib/server/surveys/held-answers';
import type { Db } from '../../src/lib/server/db/open';

const now = new Date('2026-05-13T08:00:00Z');
const DAY = 86_400_000;
const later = (days: number) => new Date(now.getTime() + days * DAY);

let n = 0;
const key = () => `survey-key-${Date.now()}-${n++}-abcdefgh`;

async function person(db: Db, demoKey: string) {
	const [row] = await db
		.select({ userId: user.id, clientId: client.id, gemeenteId: client.gemeenteId })
		.from(user)
		.innerJoin(client, eq(client.userId, user.id))
		.where(eq(user.demoKey, demoKey));
	return row!;
}

async function responses(db: Db) {
	const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(surveyResponse);
	return row!.n;
}

async function tallied(db: Db, gemeenteId: string, quarter: string) {
	const rows = await db.execute(
		sql`select coalesce(sum(count), 0)::int as n from survey_tally
			where item = '*' and gemeente_id = ${gemeenteId} and quarter = ${quarter}`
	);
	const list = (Array.isArray(rows) ? rows : (rows as { rows: unknown[] }).rows) as { n: number }[];
	return list[0]!.n;
}

async function columnsOf(db: Db, table: string): Promise<string[]> {
	const rows = await db.execute(
		sql`select column_name from information_schema.columns where table_name = ${table} order by column_name`
	);
	const list = (Array.isArray(rows) ? rows : (rows as { rows: unknown[] }).rows) as {
		column_name: string;
	}[];
	return list.map((r) => r.column_name);
}

async function rowsOf<R>(db: Db, query: ReturnType<typeof sql>): Promise<R[]> {
	const rows = await db.execute(query);
	return (Array.isArray(rows) ? rows : (rows as { rows: unknown[] }).rows) as R[];
}

async function referencedTables(db: Db, table: string): Promise<string[]> {
	const rows = await db.execute(sql`
		select distinct ccu.table_name as target
		from information_schema.table_constraints tc
		join information_schema.constraint_column_usage ccu on ccu.constraint_name = tc.constraint_name
		where tc.table_name = ${table} and tc.constraint_type = 'FOREIGN KEY' order by 1`);
	const list = (Array.isArray(rows) ? rows : (rows as { rows: unknown[] }).rows) as {
		target: string;
	}[];
	return list.map((r) => r.target);
}

describeEachDatabase('surveys', (database) => {
	it('seeds the demo dienst with survey history and an open invitation for Maryam', async () => {
		const { db } = database();
		expect(await seedDemo(db, { now })).toBe(true);
		const maryam = await person(db, 'maryam');
		const open = await surveys.openInvitationOf(db, maryam.userId, now);
		expect(open).toMatchObject({ trigger: 'periodic', questions: 7 });
		expect(await responses(db)).toBeGreaterThan(500);
	});

	it('keeps answers where nothing can join them back to a client', async () => {
		const { db } = database();
		expect(await columnsOf(db, 'survey_response')).toEqual([
			'answers',
			'gemeente_id',
			'id',
			'instrument_id',
			'language',
			'late',
			'quarter',
			'segment',
			'survey_id',
			'trigger'
		]);
		expect(await columnsOf(db, 'survey_open_answer')).toEqual([
			'gemeente_id',
			'id',
			'language',
			'quarter',
			'text'
		]);
		// No timestamp either: an answer time could be matched to the invitation's answered_at.
		for (const table of [
			'survey_response',
			'survey_open_answer',
			'survey_tally',
			'survey_tally_split'
		]) {
			const cols = await columnsOf(db, table);
			expect(
				cols.filter((c) => /client|user|invitation|_at$|created|key/.test(c)),
				table
			).toEqual([]);
			expect(await referencedTables(db, table), table).toEqual(
				expect.not.arrayContaining(['client', 'user', 'survey_invitation', 'idempotency'])
			);
		}
	});

	it('Maryam answers once: a replay of the same key changes nothing, another key is refused', async () => {
		const { db } = database();
		const maryam = await person(db, 'maryam');
		const invitation = (await surveys.openInvitationOf(db, maryam.userId, now))!;
		const before = await responses(db);
		const tallyBefore = await tallied(db, maryam.gemeenteId, '2026-Q2');
		const action = {
			type: 'survey' as const,
			invitationId: invitation.id,
			answers: { serious: 5, together: 0, fits: 4, grade: 8 },
			open: '  De brieven zijn moeilijk.  ',
			language: 'ar'
		};
		const k = key();
		const first = await applyClientAction(db, { userId: maryam.userId, key: k, action, now });
		expect(first).toMatchObject({ status: 200, body: { ok: true, late: false }, replayed: false });
		const replay = await applyClientAction(db, { userId: maryam.userId, key: k, action, now });
		expect(replay).toMatchObject({ status: 200, body: { ok: true }, replayed: true });
		const again = await applyClientAction(db, { userId: maryam.userId, key: key(), action, now });
		expect(again).toMatchObject({ status: 409, body: { ok: false, error: 'already_answered' } });

		// Held until a batch is published, in a transaction of its own: nothing counted yet.
		expect(await responses(db)).toBe(before);
		expect(await tallied(db, maryam.gemeenteId, '2026-Q2')).toBe(tallyBefore);
		expect(await publishHeldAnswers(db, { min: 2 })).toBe(0);
		expect(await publishHeldAnswers(db, { min: 1 })).toBe(1);
		expect(await responses(db)).toBe(before + 1);
		expect(await tallied(db, maryam.gemeenteId, '2026-Q2')).toBe(tallyBefore + 1);
		const [row] = await db
			.select()
			.from(surveyResponse)
			.where(
				and(
					eq(surveyResponse.gemeenteId, maryam.gemeenteId),
					eq(surveyResponse.language, 'ar'),
					sql`${surveyResponse.answers} = ${JSON.stringify(action.answers)}::jsonb`
				)
			);
		expect(row).toMatchObject({ quarter: '2026-Q2', segment: 'perspectief', late: false });
		const open = await db
			.select()
			.from(surveyOpenAnswer)
			.where(eq(surveyOpenAnswer.text, 'De brieven zijn moeilijk.'));
		expect(open).toHaveLength(1);
		const [inv] = await db
			.select()
			.from(surveyInvitation)
			.where(eq(surveyInvitation.id, invitation.id));
		// Answered on 13 May, to the day (Amsterdam midnight): not when in the day.
		expect(inv!.answeredAt?.toISOString()).toBe('2026-05-12T22:00:00.000Z');
		expect(await surveys.openInvitationOf(db, maryam.userId, now)).toBeNull();
	});

	it('after Maryam answered, no table that names a person holds her answers, their ids or her text', async () => {
		const { db } = database();
		const maryam = await person(db, 'maryam');
		const [response] = await db
			.select({ id: surveyResponse.id })
			.from(surveyResponse)
			.where(
				and(
					eq(surveyResponse.gemeenteId, maryam.gemeenteId),
					sql`${surveyResponse.answers} = ${JSON.stringify({ serious: 5, together: 0, fits: 4, grade: 8 })}::jsonb`
				)
			);
		const [open] = await db
			.select({ id: surveyOpenAnswer.id })
			.from(surveyOpenAnswer)
			.where(eq(surveyOpenAnswer.text, 'De brieven zijn moeilijk.'));
		expect(response && open).toBeTruthy();
		// Every table with a row per person, or pointing at one: client, user and all that
		// reference them (invitations, the idempotency log, the audit log, notifications…).
		const personal = [
			'client',
			'user',
			...(
				await rowsOf<{ t: string }>(
					db,
					sql`select distinct tc.table_name as t
				from information_schema.table_constraints tc
				join information_schema.constraint_column_usage ccu on ccu.constraint_name = tc.constraint_name
				where tc.constraint_type = 'FOREIGN KEY' and ccu.table_name in ('client', 'user')
				order by 1`
				)
			).map((r) => r.t)
		];
		expect(personal).toEqual(
			expect.arrayContaining(['survey_invitation', 'idempotency', 'audit_event'])
		);
		const traces = [response!.id, open!.id, 'brieven zijn moeilijk'];
		const found: string[] = [];
		for (const table of new Set(personal)) {
			for (const trace of traces) {
				const [row] = await rowsOf<{ n: number }>(
					db,
					sql`select count(*)::int as n from ${sql.identifier(table)} x where x::text like ${'%' + trace + '%'}`
				);
				if (row!.n > 0) found.push(`${table}: ${trace}`);
			}
		}
		expect(found).toEqual([]);
		// What the idempotency log keeps for a replay says that it worked, not what was answered.
		// Survey replays are kept without a person id (#13).
		const kept = await db
			.select({ result: idempotency.result, userId: idempotency.userId })
			.from(idempotency)
			.where(sql`${idempotency.result} ? 'late'`);
		expect(kept.length).toBeGreaterThan(0);
		for (const { result, userId } of kept) {
			expect(userId).toBeNull();
			expect(Object.keys(result ?? {})).not.toContain('answers');
		}
		expect(JSON.stringify(kept)).not.toMatch(/serious|together|grade/);
		// Nothing points at an answer, and its id says nothing about when it was written.
		for (const table of ['survey_response', 'survey_open_answer']) {
			const [refs] = await rowsOf<{ n: number }>(
				db,
				sql`select count(*)::int as n from information_schema.table_constraints tc
				join information_schema.constraint_column_usage ccu on ccu.constraint_name = tc.constraint_name
				where tc.constraint_type = 'FOREIGN KEY' and ccu.table_name = ${table} and tc.table_name <> ${table}`
			);
			expect(refs!.n, `foreign keys to ${table}`).toBe(0);
			const [col] = await rowsOf<{ d: string }>(
				db,
				sql`select column_default as d from information_schema.columns
				where table_name = ${table} and column_name = 'id'`
			);
			expect(col!.d, `${table}.id`).toBe('gen_random_uuid()');
		}
	});

	it('refuses answers off the scale and someone else’s invitation', async () => {
		const { db } = database();
		const lieke = await person(db, 'lieke');
		const lars = await person(db, 'lars');
		const invited = await surveys.invite(db, {
			clientId: lieke.clientId,
			trigger: 'periodic',
			now
		});
		expect(invited.ok).toBe(true);
		const id = invited.ok ? invited.invitationId : '';
		const bad = await applyClientAction(db, {
			userId: lieke.userId,
			key: key(),
			action: { type: 'survey', invitationId: id, answers: { grade: 0 }, language: 'nl' },
			now
		});
		expect(bad).toMatchObject({ status: 422, body: { error: 'invalid_answer' } });
		const notHers = await applyClientAction(db, {
			userId: lars.userId,
			key: key(),
			action: { type: 'survey', invitationId: id, answers: {}, language: 'nl' },
			now
		});
		expect(notHers).toMatchObject({ status: 404, body: { error: 'not_found' } });
	});

	it('invites after a held appointment, at most one open and one per 30 days', async () => {
		const { db } = database();
		const lars = await person(db, 'lars');
		const [held] = await db
			.select({ id: appointment.id })
			.from(appointment)
			.where(and(eq(appointment.clientId, lars.clientId), eq(appointment.status, 'held')))
			.limit(1);
		const invitationsOf = () =>
			db
				.select()
				.from(surveyInvitation)
				.where(eq(surveyInvitation.clientId, lars.clientId))
				.orderBy(desc(surveyInvitation.createdAt));

		await db.transaction((tx) => afterAppointmentHeld(tx, held!.id, now));
		await db.transaction((tx) => afterAppointmentHeld(tx, held!.id, later(1)));
		expect(await invitationsOf()).toHaveLength(1);

		// Answered after a day: still no new invitation within 30 days of the first.
		const [first] = await invitationsOf();
		await db
			.update(surveyInvitation)
			.set({ answeredAt: later(1) })
			.where(eq(surveyInvitation.id, first!.id));
		expect(
			await surveys.invite(db, { clientId: lars.clientId, trigger: 'appointment', now: later(29) })
		).toEqual({ ok: false, reason: 'too_soon' });
		await db.transaction((tx) => afterAppointmentHeld(tx, held!.id, later(31)));
		const all = await invitationsOf();
		expect(all).toHaveLength(2);
		expect(all[0]!.dueAt.getTime() - all[0]!.createdAt.getTime()).toBe(
			surveys.INVITATION_DAYS * DAY
		);
	});

	it('an expired invitation is not offered, but an answer sent offline before is kept once, marked late', async () => {
		const { db } = database();
		const frans = await person(db, 'frans');
		const [use] = await db
			.select()
			.from(instrumentUse)
			.where(eq(instrumentUse.clientId, frans.clientId))
			.limit(1);
		await db
			.update(instrumentUse)
			.set({ endDate: '2026-05-12', outcome: 'completed' })
			.where(eq(instrumentUse.id, use!.id));
		await db.transaction((tx) => afterInstrumentUseEnded(tx, use!.id, now));
		const [inv] = await db
			.select()
			.from(surveyInvitation)
			.where(
				and(eq(surveyInvitation.clientId, frans.clientId), isNull(surveyInvitation.answeredAt))
			);
		expect(inv).toMatchObject({ trigger: 'instrument_end', instrumentId: use!.instrumentId });

		const late = later(surveys.INVITATION_DAYS + 3);
		expect(await surveys.openInvitationOf(db, frans.userId, late)).toBeNull();
		const before = await responses(db);
		const action = {
			type: 'survey' as const,
			invitationId: inv!.id,
			answers: { serious: 4, closer: 2 },
			language: 'nl'
		};
		const k = key();
		const sent = await applyClientAction(db, { userId: frans.userId, key: k, action, now: late });
		expect(sent.body).toEqual({ ok: true, late: true });
		await applyClientAction(db, { userId: frans.userId, key: k, action, now: late });
		expect(await publishHeldAnswers(db, { min: 1 })).toBe(1);
		expect(await responses(db)).toBe(before + 1);
		const [row] = await db
			.select()
			.from(surveyResponse)
			.where(sql`${surveyResponse.answers} = ${JSON.stringify(action.answers)}::jsonb`);
		expect(row).toMatchObject({
			late: true,
			trigger: 'instrument_end',
			instrumentId: use!.instrumentId,
			quarter: '2026-Q2'
		});
	});

	it('the running tally equals a recount from the answers', async () => {
		const { db } = database();
		const snapshot = async () => {
			const r = await db.execute(sql`select quarter, gemeente_id, item, value, segment,
				instrument_id, language, trigger, survey_id, count from survey_tally
				order by 1, 2, 3, 4, 5, 6, 7, 8, 9`);
			return Array.isArray(r) ? r : (r as { rows: unknown[] }).rows;
		};
		const splits = async () => {
			const r = await db.execute(sql`select quarter, gemeente_id, split, category, item, value,
				count from survey_tally_split order by 1, 2, 3, 4, 5, 6`);
			return Array.isArray(r) ? r : (r as { rows: unknown[] }).rows;
		};
		const running = await snapshot();
		const perSplit = await splits();
		await surveys.rebuildTally(db);
		expect(await snapshot()).toEqual(running);
		expect(await splits()).toEqual(perSplit);
		expect(running.length).toBeGreaterThan(100);
	});

	it('the periodic run invites those due, and a second run invites nobody twice', async () => {
		const { db } = database();
		const first = await surveys.invitePeriodic(db, { now: later(40), everyMonths: 6 });
		expect(first).toBeGreaterThan(0);
		expect(await surveys.invitePeriodic(db, { now: later(40), everyMonths: 6 })).toBe(0);
		const open = await db
			.select({ clientId: surveyInvitation.clientId, n: sql<number>`count(*)::int` })
			.from(surveyInvitation)
			.where(
				and(
					isNull(surveyInvitation.answeredAt),
					sql`${surveyInvitation.dueAt} > ${later(40).toISOString()}`
				)
			)
			.groupBy(surveyInvitation.clientId);
		expect(open.every((r) => r.n === 1)).toBe(true);
	});

	it('two app processes running the periodic survey at the same moment invite nobody twice', async () => {
		// Each process has its own timer; on PostgreSQL these two runs use separate connections.
		const { db } = database();
		const at = later(230);
		const [a, b] = await Promise.all([
			surveys.invitePeriodic(db, { now: at, everyMonths: 6 }),
			surveys.invitePeriodic(db, { now: at, everyMonths: 6 })
		]);
		expect(a + b).toBeGreaterThan(0);
		const twice = await db
			.select({ clientId: surveyInvitation.clientId, n: sql<number>`count(*)::int` })
			.from(surveyInvitation)
			.where(sql`${surveyInvitation.createdAt} = ${at.toISOString()}`)
			.groupBy(surveyInvitation.clientId)
			.having(sql`count(*) > 1`);
		expect(twice).toEqual([]);
	});

	it('two triggers at the same moment invite once', async () => {
		const { db } = database();
		const tim = await person(db, 'tim');
		const at = later(400);
		const results = await Promise.all([
			db.transaction((tx) =>
				surveys.invite(tx, { clientId: tim.clientId, trigger: 'appointment', now: at })
			),
			db.transaction((tx) =>
				surveys.invite(tx, { clientId: tim.clientId, trigger: 'periodic', now: at })
			)
		]);
		expect(results.filter((r) => r.ok)).toHaveLength(1);
	});

	it('a new survey version mid-quarter is used for new invitations; older answers keep theirs', async () => {
		const { db } = database();
		const [v1] = await db
			.select()
			.from(survey)
			.where(and(eq(survey.trigger, 'appointment'), eq(survey.active, true)));
		await db.update(survey).set({ active: false }).where(eq(survey.id, v1!.id));
		const [v2] = await db
			.insert(survey)
			.values({
				trigger: 'appointment',
				version: 2,
				items: [
					{ code: 'serious', type: 'agree5' },
					{ code: 'rights', type: 'agree5' }
				],
				active: true
			})
			.returning();
		const lieke = await person(db, 'lieke');
		const at = later(800);
		const invited = await surveys.invite(db, {
			clientId: lieke.clientId,
			trigger: 'appointment',
			now: at
		});
		expect(invited.ok).toBe(true);
		const [inv] = await db
			.select()
			.from(surveyInvitation)
			.where(eq(surveyInvitation.id, invited.ok ? invited.invitationId : ''));
		expect(inv!.surveyId).toBe(v2!.id);
		const old = await db
			.select({ n: sql<number>`count(*)::int` })
			.from(surveyResponse)
			.where(eq(surveyResponse.surveyId, v1!.id));
		expect(old[0]!.n).toBeGreaterThan(0);
	});
});
