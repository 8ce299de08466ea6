import { inArray, sql } from 'drizzle-orm';
import { client, ladderStep } from '../db/schema';
import { parseDay } from './csv';
import { clientsByNumber, unknownClient } from './lookup';
import type { ImportKind } from './run';

interface LadderRow {
	line: number;
	clientNumber: string;
	step: number;
	date: string;
}

/**
 * Participatieladder steps (`ladder`): one row per client and date, keyed by both (a benefit
 * system records at most one step a day). The same row again changes nothing; another step on
 * the same date updates it. The client's current step follows the latest date.
 */
export const ladderKind: ImportKind<LadderRow, null> = {
	name: 'ladder',
	columns: { clientnummer: true, trede: true, datum: true },
	noun: 'treden van de participatieladder',
	context: async () => null,
	check(cell, _ctx, bad) {
		let ok = true;
		const no = (field: string, message: string) => {
			ok = false;
			bad(field, message);
		};
		const clientNumber = cell('clientnummer');
		if (!clientNumber) no('clientnummer', 'Vul het cliëntnummer in.');
		const stepText = cell('trede');
		const step = Number(stepText);
		if (!/^[1-6]$/.test(stepText)) no('trede', 'Trede is een getal van 1 tot en met 6.');
		const date = parseDay(cell('datum'));
		if (!date) no('datum', 'Schrijf de datum als dd-mm-jjjj, bijvoorbeeld 01-03-2027.');
		if (!ok) return null;
		return { clientNumber, step, date: date! };
	},
	key: (r) => ({
		field: 'datum',
		value: `${r.clientNumber} ${r.date}`,
		label: `Cliëntnummer ${r.clientNumber} op ${r.date}`
	}),
	async write(tx, rows, { actorId, counts, fail }) {
		const known = await clientsByNumber(
			tx,
			rows.map((r) => r.clientNumber)
		);
		const ids = [...known.values()].map((c) => c.id);
		const existing = new Map(
			(ids.length
				? await tx.select().from(ladderStep).where(inArray(ladderStep.clientId, ids))
				: []
			).map((l) => [`${l.clientId} ${l.recordedAt}`, l])
		);
		const fresh: (typeof ladderStep.$inferInsert)[] = [];
		const touched = new Set<string>();
		for (const r of rows) {
			const c = known.get(r.clientNumber.toLowerCase());
			if (!c) {
				fail(r.line, 'clientnummer', unknownClient(r.clientNumber));
				continue;
			}
			const e = existing.get(`${c.id} ${r.date}`);
			if (e && e.step === r.step) {
				counts.unchanged++;
				continue;
			}
			touched.add(c.id);
			if (e) {
				await tx
					.update(ladderStep)
					.set({ step: r.step, recordedBy: actorId })
					.where(sql`${ladderStep.id} = ${e.id}`);
				counts.updated++;
			} else {
				fresh.push({ clientId: c.id, step: r.step, recordedAt: r.date, recordedBy: actorId });
				counts.created++;
			}
		}
		if (fresh.length) await tx.insert(ladderStep).values(fresh);
		if (touched.size)
			// The current step is the one recorded last.
			await tx.execute(sql`update ${client} c set ladder_step = l.step
				from (select distinct on (client_id) client_id, step from ${ladderStep}
					where ${inArray(ladderStep.clientId, [...touched])}
					order by client_id, recorded_at desc, seq desc) l
				where c.id = l.client_id and c.ladder_step <> l.step`);
	}
};
