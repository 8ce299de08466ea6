import { expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { describeEachDatabase } from './databases';
import { buildFixture, type Fixture } from './km-fixture';
import { instrument, instrumentUse } from '../../src/lib/server/db/schema';
import * as uses from '../../src/lib/server/instruments/instrument-uses';

const NOW = new Date('2026-12-01T10:00:00Z');

describeEachDatabase('instrument uses and their outcomes', (database) => {
	let f: Fixture;
	let useId: string;

	it('registers a use of an offered instrument and refuses one the gemeente does not offer', async () => {
		const { db } = database();
		f = await buildFixture(db);
		const jobcoaching = await f.instrumentId('jobcoaching');
		const r = await uses.registerUse(db, f.sanne, {
			clientId: f.maryam.clientId,
			instrumentId: jobcoaching,
			startDate: '2026-09-01',
			plannedEndDate: '2027-03-01',
			provider: 'Jobcoach sociale dienst'
		});
		expect(r.ok).toBe(true);
		useId = (r as { id: string }).id;
		const taal = await f.instrumentId('taalstage');
		await db
			.update(instrument)
			.set({ gemeenteIds: [f.otherGemeenteId] })
			.where(eq(instrument.id, taal));
		expect(
			await uses.registerUse(db, f.sanne, {
				clientId: f.maryam.clientId,
				instrumentId: taal,
				startDate: '2026-09-01'
			})
		).toEqual({ ok: false, error: 'not_offered', field: 'instrumentId' });
		expect(
			await uses.registerUse(db, f.sanne, {
				clientId: f.maryam.clientId,
				instrumentId: jobcoaching,
				startDate: '2026-09-01',
				plannedEndDate: '2026-08-01'
			})
		).toEqual({ ok: false, error: 'end_before_start', field: 'plannedEndDate' });
	});

	it('ends a use only with dates that make sense and a reason where one is needed', async () => {
		const { db } = database();
		const end = (endDate: string, outcome: 'completed' | 'stopped_early', reason?: string) =>
			uses.endUse(
				db,
				f.sanne,
				{ clientId: f.maryam.clientId, useId, endDate, outcome, reason },
				NOW
			);
		expect(await end('2026-08-01', 'completed')).toEqual({
			ok: false,
			error: 'end_before_start',
			field: 'endDate'
		});
		expect(await end('2026-12-02', 'completed')).toEqual({
			ok: false,
			error: 'in_future',
			field: 'endDate'
		});
		expect(await end('2026-11-20', 'stopped_early')).toEqual({
			ok: false,
			error: 'reason_missing',
			field: 'reason'
		});
		expect(await end('2026-11-20', 'stopped_early', 'Ziek geworden')).toEqual({ ok: true });
		expect(await end('2026-11-21', 'completed')).toEqual({
			ok: false,
			error: 'already_ended',
			field: 'useId'
		});
		const [row] = await db.select().from(instrumentUse).where(eq(instrumentUse.id, useId));
		expect(row).toMatchObject({
			endDate: '2026-11-20',
			outcome: 'stopped_early',
			outcomeReason: 'Ziek geworden'
		});
	});
});
