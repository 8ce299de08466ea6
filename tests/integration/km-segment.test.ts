import { and, eq, sql } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from './databases';
import { buildFixture, type Fixture } from './km-fixture';
import { auditEvent, client, segmentHistory } from '../../src/lib/server/db/schema';
import { AccessDenied } from '../../src/lib/server/caseload/caseload';
import { setSegment } from '../../src/lib/server/caseload/segment';
import { segmentOnExpr, segmentOnJoin } from '../../src/lib/server/report/segment-on';
import { amsterdamDay } from '../../src/lib/dates';
import type { Db } from '../../src/lib/server/db/open';

// Issue #13: a klantmanager re-classifies a client (only their own klantmanager or the team
// lead), audited; the trigger keeps the history, so the report's "segment as it was" shows the
// old segment for the days before the change and the new one from the change on.

async function segmentOn(db: Db, clientId: string, day: string) {
	const result: unknown = await db.execute(
		sql`select ${segmentOnExpr} as s from client c ${segmentOnJoin(day)} where c.id = ${clientId}`
	);
	const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as {
		s: string;
	}[];
	return rows[0]!.s;
}

describeEachDatabase('klantmanager changes a segment', (database) => {
	let f: Fixture;
	beforeAll(async () => {
		f = await buildFixture(database().db);
	});

	it('a klantmanager of another caseload is refused and audited; nothing changes', async () => {
		const { db } = database();
		await expect(
			setSegment(db, f.ahmed, { clientId: f.maryam.clientId, segment: 'werk' })
		).rejects.toBeInstanceOf(AccessDenied);
		const [c] = await db.select().from(client).where(eq(client.id, f.maryam.clientId));
		expect(c!.segment).toBe('perspectief');
		const denied = await db
			.select()
			.from(auditEvent)
			.where(and(eq(auditEvent.actorId, f.ahmed.id), eq(auditEvent.action, 'client.denied')));
		expect(denied.length).toBeGreaterThan(0);
	});

	it('the same segment is refused', async () => {
		const { db } = database();
		expect(
			await setSegment(db, f.sanne, { clientId: f.maryam.clientId, segment: 'perspectief' })
		).toEqual({ ok: false, error: 'same' });
	});

	it('the team lead changes it: audited, history from today, the day before as it was', async () => {
		const { db } = database();
		const today = amsterdamDay(new Date());
		const yesterday = new Date(Date.parse(`${today}T12:00:00Z`) - 86_400_000)
			.toISOString()
			.slice(0, 10);
		expect(await setSegment(db, f.lead, { clientId: f.maryam.clientId, segment: 'werk' })).toEqual({
			ok: true
		});
		const [event] = await db
			.select()
			.from(auditEvent)
			.where(and(eq(auditEvent.actorId, f.lead.id), eq(auditEvent.action, 'client.segment')));
		expect(event!.clientId).toBe(f.maryam.clientId);
		expect(event!.detail).toEqual({ from: 'perspectief', to: 'werk' });
		const history = await db
			.select()
			.from(segmentHistory)
			.where(eq(segmentHistory.clientId, f.maryam.clientId))
			.orderBy(segmentHistory.validFrom);
		expect(history.map((h) => [h.validFrom, h.segment])).toEqual([
			['2024-01-01', 'perspectief'],
			[today, 'werk']
		]);
		expect(await segmentOn(db, f.maryam.clientId, yesterday)).toBe('perspectief');
		expect(await segmentOn(db, f.maryam.clientId, today)).toBe('werk');
	});
});
