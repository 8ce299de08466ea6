import { expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { describeEachDatabase } from './databases';
import { buildFixture, type Fixture } from './km-fixture';
import { auditEvent, client, instrumentUse, outflow } from '../../src/lib/server/db/schema';
import * as uses from '../../src/lib/server/instruments/instrument-uses';
import * as outflows from '../../src/lib/server/caseload/outflow';
import * as caseload from '../../src/lib/server/caseload/caseload';
import * as audit from '../../src/lib/server/audit/audit';

const NOW = new Date('2026-12-01T10:00:00Z');

describeEachDatabase('outflow and the instrument uses it ends', (database) => {
	let f: Fixture;

	it('prepares a client with one use already ended', async () => {
		const { db } = database();
		f = await buildFixture(db);
		const r = await uses.registerUse(db, f.sanne, {
			clientId: f.maryam.clientId,
			instrumentId: await f.instrumentId('jobcoaching'),
			startDate: '2026-09-01',
			plannedEndDate: '2027-03-01'
		});
		expect(r.ok).toBe(true);
		expect(
			await uses.endUse(
				db,
				f.sanne,
				{
					clientId: f.maryam.clientId,
					useId: (r as { id: string }).id,
					endDate: '2026-11-20',
					outcome: 'stopped_early',
					reason: 'Ziek geworden'
				},
				NOW
			)
		).toEqual({ ok: true });
	});

	it('registers one outflow per benefit period and ends the running uses', async () => {
		const { db } = database();
		const running = await uses.registerUse(db, f.sanne, {
			clientId: f.maryam.clientId,
			instrumentId: await f.instrumentId('taalmaatje'),
			startDate: '2026-10-01'
		});
		const go = (date: string) =>
			outflows.registerOutflow(
				db,
				f.sanne,
				{ clientId: f.maryam.clientId, date, reason: 'werk' },
				NOW
			);
		expect(await go('2026-12-05')).toEqual({ ok: false, error: 'in_future' });
		expect(await go('2023-12-31')).toEqual({ ok: false, error: 'before_benefit_start' });
		expect(await go('2026-11-30')).toEqual({ ok: true, endedUses: 1 });
		expect(await go('2026-11-30')).toEqual({ ok: false, error: 'already_registered' });
		const [ended] = await db
			.select()
			.from(instrumentUse)
			.where(eq(instrumentUse.id, (running as { id: string }).id));
		expect(ended).toMatchObject({ endDate: '2026-11-30', outcome: 'work_found' });
		expect(
			await db.select().from(outflow).where(eq(outflow.clientId, f.maryam.clientId))
		).toHaveLength(1);
		// A new benefit period can have its own outflow.
		await db
			.update(client)
			.set({ benefitStart: '2026-12-01' })
			.where(eq(client.id, f.maryam.clientId));
		expect(await go('2026-12-01')).toEqual({ ok: true, endedUses: 0 });
	});

	it('writes an audit event for every change and refuses another caseload', async () => {
		const { db } = database();
		const actions = (
			await db
				.select({ action: auditEvent.action })
				.from(auditEvent)
				.where(eq(auditEvent.clientId, f.maryam.clientId))
		).map((e) => e.action);
		expect(actions.filter((a) => a === 'instrument_use.create')).toHaveLength(2);
		expect(actions).toContain('instrument_use.end');
		expect(actions.filter((a) => a === 'outflow.create')).toHaveLength(2);
		await expect(
			outflows.registerOutflow(db, f.ahmed, {
				clientId: f.maryam.clientId,
				date: '2026-11-30',
				reason: 'werk'
			})
		).rejects.toBeInstanceOf(caseload.AccessDenied);
		const found = await audit.search(db, { action: 'client.denied' });
		expect(found.rows.map((r) => r.actorName)).toContain('Ahmed');
	});
});
