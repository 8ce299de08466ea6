import { eq, inArray } from 'drizzle-orm';
import { amsterdamDay } from '../../dates';
import { outflow, type InstrumentOutcome, type OutflowReason } from '../db/schema';
import { readDays, recordOutflow, usesRunningOn } from '../caseload/outflow';
import { parseDay } from './csv';
import { clientsByNumber, pick, unknownClient } from './lookup';
import type { ImportKind } from './run';

interface OutflowRow {
	line: number;
	clientNumber: string;
	date: string;
	reason: OutflowReason;
	outcome: InstrumentOutcome | null;
}

const REASONS: Record<string, OutflowReason> = {
	werk: 'werk',
	werklks: 'werk_lks',
	werkmetloonkostensubsidie: 'werk_lks',
	opleiding: 'opleiding',
	studie: 'opleiding',
	verhuizing: 'verhuizing',
	verhuisd: 'verhuizing',
	andereuitkering: 'andere_uitkering',
	anders: 'other',
	overig: 'other'
};
const OUTCOMES: Record<string, InstrumentOutcome> = {
	afgerond: 'completed',
	voortijdiggestopt: 'stopped_early',
	gestopt: 'stopped_early',
	werkgevonden: 'work_found',
	anders: 'other'
};

/**
 * Outflow with its reason (`uitstroom`), one row per client for their current benefit period,
 * with the same effects as recording it by hand (caseload/outflow.ts): the client is told, open
 * plans close, future appointments are cancelled with notice, and the instrument uses running
 * on that date end with the outcome in `uitkomst` — required when such uses exist, so nothing
 * is silently counted as "work found". The same row again changes nothing; another reason on the
 * same date updates it; another date is refused (it is changed in Wegwijs, where its effects are).
 */
export const outflowKind: ImportKind<OutflowRow, { readDays: number }> = {
	name: 'uitstroom',
	columns: { clientnummer: true, datum: true, reden: true, uitkomst: false },
	noun: 'uitstroom',
	context: async (db) => ({ readDays: await readDays(db) }),
	check(cell, _ctx, bad, _line) {
		let ok = true;
		const no = (field: string, message: string) => {
			ok = false;
			bad(field, message);
		};
		const clientNumber = cell('clientnummer');
		if (!clientNumber) no('clientnummer', 'Vul het cliëntnummer in.');
		const date = parseDay(cell('datum'));
		if (!date) no('datum', 'Schrijf de datum als dd-mm-jjjj, bijvoorbeeld 01-03-2027.');
		const reason = pick(cell('reden'), REASONS);
		if (!reason)
			no('reden', 'Reden is werk, werk-lks, opleiding, verhuizing, andere uitkering of anders.');
		const outcomeText = cell('uitkomst');
		const outcome = outcomeText ? pick(outcomeText, OUTCOMES) : null;
		if (outcome === undefined)
			no('uitkomst', 'Uitkomst is afgerond, voortijdig gestopt, werk gevonden of anders.');
		if (!ok) return null;
		return { clientNumber, date: date!, reason: reason!, outcome: outcome ?? null };
	},
	key: (r) => ({
		field: 'clientnummer',
		value: r.clientNumber,
		label: `Cliëntnummer ${r.clientNumber}`
	}),
	async write(tx, rows, { actorId, ctx, counts, fail, now }) {
		const known = await clientsByNumber(
			tx,
			rows.map((r) => r.clientNumber)
		);
		const ids = [...known.values()].map((c) => c.id);
		const earlier = new Map(
			(ids.length ? await tx.select().from(outflow).where(inArray(outflow.clientId, ids)) : []).map(
				(o) => [`${o.clientId} ${o.benefitStart}`, o]
			)
		);
		const today = amsterdamDay(now);
		for (const r of rows) {
			const c = known.get(r.clientNumber.toLowerCase());
			if (!c) {
				fail(r.line, 'clientnummer', unknownClient(r.clientNumber));
				continue;
			}
			const e = earlier.get(`${c.id} ${c.benefitStart}`);
			if (e) {
				if (e.date !== r.date)
					fail(
						r.line,
						'datum',
						`Deze cliënt is al uitgestroomd op ${e.date}. Een andere datum pas je aan in Wegwijs.`
					);
				else if (e.reason === r.reason) counts.unchanged++;
				else {
					await tx.update(outflow).set({ reason: r.reason }).where(eq(outflow.id, e.id));
					counts.updated++;
				}
				continue;
			}
			if (r.date > today) {
				fail(r.line, 'datum', 'Deze datum ligt in de toekomst. Lees uitstroom in als die er is.');
				continue;
			}
			if (r.date < c.benefitStart) {
				fail(r.line, 'datum', `De uitkering begon pas op ${c.benefitStart}.`);
				continue;
			}
			const running = await usesRunningOn(tx, c.id, r.date);
			if (running.length && !r.outcome) {
				fail(
					r.line,
					'uitkomst',
					`Deze cliënt heeft ${running.length} lopende instrument(en). Vul de uitkomst in.`
				);
				continue;
			}
			const outcomes = Object.fromEntries(running.map((u) => [u.id, r.outcome!]));
			const result = await recordOutflow(
				tx,
				actorId,
				{ clientId: c.id, date: r.date, reason: r.reason, outcomes },
				now,
				ctx.readDays
			);
			if (!result.ok) fail(r.line, 'datum', 'Deze uitstroom kon niet worden vastgelegd.');
			else counts.created++;
		}
	}
};
