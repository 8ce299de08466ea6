import { expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { describeEachDatabase } from './databases';
import { seedDemo } from '../../src/lib/server/seed/demo';
import { client, gemeente, user } from '../../src/lib/server/db/schema';
import { applyClientAction } from '../../src/lib/server/client/client-actions';
import * as surveys from '../../src/lib/server/surveys/surveys';
import { publishHeldAnswers } from '../../src/lib/server/surveys/held-answers';
import type { Db } from '../../src/lib/server/db/open';

// Issue #13: someone with database access tries to line published answers up with the
// invitations (and so the people) they came from: by transaction id (xmin), by the order the
// rows lie in, and by time. Sixteen clients answer in a quarter nobody else answers in, each
// with an answer set of their own, so the test knows the truth and can score the attacker.

const now = new Date('2030-05-13T08:00:00Z');
const PEOPLE = 16;

async function rowsOf<R>(db: Db, query: ReturnType<typeof sql>): Promise<R[]> {
	const rows = await db.execute(query);
	return (Array.isArray(rows) ? rows : (rows as { rows: unknown[] }).rows) as R[];
}

/** The answer set client i gives: unique per client. */
const answersOf = (i: number) => ({ grade: 1 + (i % 10), serious: 1 + Math.floor(i / 10) });
const fingerprint = (a: Record<string, number>) => `${a.grade}/${a.serious}`;

describeEachDatabase('survey answers cannot be lined up with people', (database) => {
	it('neither xmin, row order nor time links a published answer to its invitation', async () => {
		const { db } = database();
		expect(await seedDemo(db)).toBe(true);
		const [g] = await db.select({ id: gemeente.id }).from(gemeente).limit(1);
		// invitation id → the fingerprint of the answers its client gave
		const truth = new Map<string, string>();
		for (let i = 0; i < PEOPLE; i++) {
			const [u] = await db
				.insert(user)
				.values({ displayName: `Unlink ${i}`, roles: ['client'] })
				.returning();
			const [c] = await db
				.insert(client)
				.values({
					userId: u!.id,
					clientNumber: `UL-${i}`,
					gemeenteId: g!.id,
					birthDate: '1990-01-01',
					benefitStart: '2028-01-01',
					segment: 'werk'
				})
				.returning();
			const inv = await surveys.invite(db, { clientId: c!.id, trigger: 'periodic', now });
			if (!inv.ok) throw new Error(inv.reason);
			const answers = answersOf(i);
			truth.set(inv.invitationId, fingerprint(answers));
			// One after another, minutes apart, as people answer during a day.
			const at = new Date(now.getTime() + i * 7 * 60_000);
			const r = await applyClientAction(db, {
				userId: u!.id,
				key: `unlink-${i}-abcdefghijklmnop`,
				action: {
					type: 'survey',
					invitationId: inv.invitationId,
					answers,
					open: `Open antwoord ${i}`,
					language: 'nl'
				},
				now: at
			});
			expect(r.status).toBe(200);
		}
		expect(await publishHeldAnswers(db)).toBe(PEOPLE);

		const responses = await rowsOf<{ xmin: string; answers: Record<string, number> }>(
			db,
			sql`select xmin::text as xmin, answers from survey_response
				where quarter = '2030-Q2' order by ctid`
		);
		expect(responses).toHaveLength(PEOPLE);
		const invitations = await rowsOf<{ id: string; xmin: string; answered_at: string }>(
			db,
			sql`select id, xmin::text as xmin, answered_at::text from survey_invitation
				where id in (${sql.join(
					[...truth.keys()].map((id) => sql`${id}::uuid`),
					sql`, `
				)}) order by answered_at, ctid`
		);

		// 1. Transaction ids: no published answer shares one with an invitation.
		const byXmin = new Map(invitations.map((i) => [i.xmin, i.id]));
		const linkedByXmin = responses.filter((r) => {
			const id = byXmin.get(r.xmin);
			return id !== undefined && truth.get(id) === fingerprint(r.answers);
		});
		expect(linkedByXmin).toEqual([]);
		// The open answers neither.
		const [openLinked] = await rowsOf<{ n: number }>(
			db,
			sql`select count(*)::int as n from survey_open_answer o
				join survey_invitation i on i.xmin = o.xmin where o.quarter = '2030-Q2'`
		);
		expect(openLinked!.n).toBe(0);

		// 2. Order: whether answers lie in the table in the order people answered. Counted as
		// neighbours kept (answer k+1 in the table came right after answer k), which also sees
		// an order that starts somewhere in the middle (free space reused). Shuffled, about one
		// of fifteen pairs keeps its neighbour by chance; eight or more means the order tells.
		const position = new Map(invitations.map((inv, k) => [truth.get(inv.id)!, k]));
		const at = responses.map((r) => position.get(fingerprint(r.answers))!);
		const neighbours = at.slice(1).filter((p, k) => p === at[k]! + 1).length;
		expect(neighbours).toBeLessThan(PEOPLE / 2);

		// 3. Time: all were answered on one day, and that day is all the invitations keep.
		expect(new Set(invitations.map((i) => i.answered_at)).size).toBe(1);
		const columns = await rowsOf<{ table_name: string; column_name: string }>(
			db,
			sql`select table_name, column_name from information_schema.columns
				where table_name in ('survey_response', 'survey_open_answer', 'survey_answer_held')
				and data_type like 'timestamp%'`
		);
		expect(columns).toEqual([]);
		// Nothing is left waiting in the holding table, which is the one place with a link.
		const [held] = await rowsOf<{ n: number }>(
			db,
			sql`select count(*)::int as n from survey_answer_held`
		);
		expect(held!.n).toBe(0);
	});
});
