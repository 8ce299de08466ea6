import type { Db } from '../db/open';
import { instrument, instrumentUse, type InstrumentOutcome } from '../db/schema';
import { parseDay } from './csv';
import {
	clientsByNumber,
	existingByExternalId,
	pick,
	unknownClient,
	writeKeyedBatch
} from './lookup';
import type { ImportKind } from './run';

interface UseRow {
	line: number;
	externalId: string;
	clientNumber: string;
	instrumentId: string;
	provider: string | null;
	startDate: string;
	plannedEndDate: string | null;
	endDate: string | null;
	outcome: InstrumentOutcome | null;
	outcomeReason: string | null;
}

const OUTCOMES: Record<string, InstrumentOutcome> = {
	afgerond: 'completed',
	voltooid: 'completed',
	voortijdiggestopt: 'stopped_early',
	gestopt: 'stopped_early',
	werkgevonden: 'work_found',
	werk: 'work_found',
	anders: 'other',
	overig: 'other'
};
const EXTERNAL_ID = /^[A-Za-z0-9._:/-]{1,80}$/;

/**
 * Instrument uses with their outcome (`instrumenten`), keyed by the benefit system's id of the
 * use (`inzetid`). The instrument is named by its code in Wegwijs. An end date needs an outcome
 * and the other way round, so an ended use is never counted without one (and never silently as
 * "work found"); an empty end date leaves an end Wegwijs has (an outflow ended the use). An
 * imported end sends no survey invitation: a file may hold ends of long ago.
 */
export const instrumentUsesKind: ImportKind<UseRow, Map<string, string>> = {
	name: 'instrumenten',
	columns: {
		inzetid: true,
		clientnummer: true,
		instrument: true,
		startdatum: true,
		aanbieder: false,
		geplandeeinddatum: false,
		einddatum: false,
		uitkomst: false,
		reden: false
	},
	noun: 'instrumenten',
	async context(db: Db) {
		const rows = await db.select({ id: instrument.id, code: instrument.code }).from(instrument);
		return new Map(rows.map((r) => [r.code.toLowerCase(), r.id]));
	},
	check(cell, instruments, bad) {
		let ok = true;
		const no = (field: string, message: string) => {
			ok = false;
			bad(field, message);
		};
		const externalId = cell('inzetid');
		if (!EXTERNAL_ID.test(externalId))
			no('inzetid', 'Vul het nummer van de inzet in (letters, cijfers, hoogstens 80).');
		const clientNumber = cell('clientnummer');
		if (!clientNumber) no('clientnummer', 'Vul het cliëntnummer in.');
		const code = cell('instrument').toLowerCase();
		const instrumentId = instruments.get(code);
		if (!instrumentId)
			no(
				'instrument',
				`Instrument "${cell('instrument')}" kennen we niet. Gebruik de code uit Wegwijs.`
			);
		const day = (column: string, required: boolean) => {
			const text = cell(column);
			if (!text) {
				if (required) no(column, 'Vul deze datum in, als dd-mm-jjjj.');
				return null;
			}
			const parsed = parseDay(text);
			if (!parsed) no(column, 'Schrijf de datum als dd-mm-jjjj, bijvoorbeeld 12-04-2027.');
			return parsed;
		};
		const startDate = day('startdatum', true);
		const plannedEndDate = day('geplandeeinddatum', false);
		const endDate = day('einddatum', false);
		if (startDate && plannedEndDate && plannedEndDate < startDate)
			no('geplandeeinddatum', 'De geplande einddatum ligt voor de startdatum.');
		if (startDate && endDate && endDate < startDate)
			no('einddatum', 'De einddatum ligt voor de startdatum.');
		const outcomeText = cell('uitkomst');
		const outcome = outcomeText ? pick(outcomeText, OUTCOMES) : null;
		if (outcome === undefined)
			no('uitkomst', 'Uitkomst is afgerond, voortijdig gestopt, werk gevonden of anders.');
		if (cell('einddatum') && !outcomeText)
			no('uitkomst', 'Een beëindigde inzet heeft een uitkomst. Vul de uitkomst in.');
		if (outcomeText && !cell('einddatum'))
			no('einddatum', 'Een uitkomst hoort bij een einddatum. Vul de einddatum in.');
		const provider = cell('aanbieder') || null;
		if (provider && provider.length > 200)
			no('aanbieder', 'De aanbieder is langer dan 200 tekens.');
		const outcomeReason = cell('reden') || null;
		if (outcomeReason && outcomeReason.length > 500)
			no('reden', 'De reden is langer dan 500 tekens.');
		if (!ok) return null;
		return {
			externalId,
			clientNumber,
			instrumentId: instrumentId!,
			provider,
			startDate: startDate!,
			plannedEndDate,
			endDate,
			outcome: outcome ?? null,
			outcomeReason
		};
	},
	key: (r) => ({ field: 'inzetid', value: r.externalId, label: `Inzet ${r.externalId}` }),
	async write(tx, rows, { actorId, counts, fail }) {
		const known = await clientsByNumber(
			tx,
			rows.map((r) => r.clientNumber)
		);
		const existing = await existingByExternalId(
			tx,
			instrumentUse,
			rows.map((r) => r.externalId)
		);
		const fresh: UseValues[] = [];
		const changed: (UseValues & { id: string })[] = [];
		for (const r of rows) {
			const c = known.get(r.clientNumber.toLowerCase());
			if (!c) {
				fail(r.line, 'clientnummer', unknownClient(r.clientNumber));
				continue;
			}
			const e = existing.get(r.externalId.toLowerCase());
			if (!e) {
				fresh.push(valuesOf(r, c.id));
				continue;
			}
			// An empty end date does not reopen a use that Wegwijs ended (by outflow, or by hand):
			// nothing is removed unless the row says so.
			if (!r.endDate && e.endDate) {
				r.endDate = e.endDate;
				r.outcome = e.outcome;
				r.outcomeReason = e.outcomeReason;
			}
			if (e.clientId !== c.id) {
				fail(r.line, 'clientnummer', `Inzet ${r.externalId} hoort bij een andere cliënt.`);
				continue;
			}
			const same =
				e.instrumentId === r.instrumentId &&
				e.provider === r.provider &&
				e.startDate === r.startDate &&
				e.plannedEndDate === r.plannedEndDate &&
				e.endDate === r.endDate &&
				e.outcome === r.outcome &&
				e.outcomeReason === r.outcomeReason;
			if (same) counts.unchanged++;
			else changed.push({ id: e.id, ...valuesOf(r, c.id) });
		}
		// One statement for the new rows and one for the changed rows of the batch; an update
		// keeps who created the use.
		await writeKeyedBatch(tx, instrumentUse, COLUMNS, { fresh, changed }, counts, actorId);
	}
};

/** A use as the JSON the batch statements read (snake case, as the table). */
type UseValues = ReturnType<typeof valuesOf>;
function valuesOf(r: UseRow, clientId: string) {
	return {
		client_id: clientId,
		instrument_id: r.instrumentId,
		provider: r.provider,
		start_date: r.startDate,
		planned_end_date: r.plannedEndDate,
		end_date: r.endDate,
		outcome: r.outcome,
		outcome_reason: r.outcomeReason,
		external_id: r.externalId
	};
}
const COLUMNS = `client_id uuid, instrument_id uuid, provider text, start_date date,
	planned_end_date date, end_date date, outcome text, outcome_reason text, external_id text`;
