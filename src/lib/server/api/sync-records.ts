import { and, ne } from 'drizzle-orm';
import type { Db } from '../db/open';
import { client } from '../db/schema';
import { importRecords } from '../import/kinds';
import { numberIn } from '../import/lookup';
import type { ImportKindName } from '../import/run';
import type { ApiCaller } from './keys';
import { sameIdAs, type RowProblem, type SyncClientsResult } from './sync-clients';
import type {
	SyncAppointmentsBody,
	SyncAssignmentsBody,
	SyncInstrumentUsesBody,
	SyncLadderStepsBody
} from './schemas';

// PUT /api/v1/{klantmanagers,appointments,instrument-uses,ladder-steps}: the other import kinds
// in JSON, through the same run path as their CSV files (import/run.ts): every row checked, all
// or nothing, idempotent, audited as `import.apply`. Each JSON item becomes one record with the
// file's column names; errors come back as JSON pointers. A key acts for its own gemeente only.

type Item = Record<string, unknown>;
export type SyncItem = Item & { clientNumber: string };

export interface RecordsSpec<T extends Item> {
	kind: ImportKindName;
	/** The body's array, e.g. `appointments`; pointers start with it. */
	list: string;
	/** The file's columns, each from one item. */
	toRecord(item: T): Record<string, string>;
	/** File column → JSON field, for the pointers of errors. */
	fieldOf: Record<string, string>;
}

const text = (v: string | number | null | undefined) => (v == null ? '' : String(v));

const APPOINTMENT_KIND = {
	in_person: 'kantoor',
	phone: 'telefoon',
	video: 'video',
	home_visit: 'huisbezoek'
} as const;
const APPOINTMENT_STATUS = {
	planned: 'gepland',
	held: 'gehouden',
	cancelled: 'afgezegd',
	no_show: 'niet verschenen'
} as const;
const OUTCOME = {
	completed: 'afgerond',
	stopped_early: 'voortijdig gestopt',
	work_found: 'werk gevonden',
	other: 'anders'
} as const;

type A = SyncAssignmentsBody['assignments'][number];
type P = SyncAppointmentsBody['appointments'][number];
type U = SyncInstrumentUsesBody['instrumentUses'][number];
type L = SyncLadderStepsBody['ladderSteps'][number];

export const ASSIGNMENTS: RecordsSpec<A> = {
	kind: 'klantmanagers',
	list: 'assignments',
	toRecord: (a) => ({ clientnummer: a.clientNumber, klantmanager: a.klantmanagerEmail }),
	fieldOf: { clientnummer: 'clientNumber', klantmanager: 'klantmanagerEmail' }
};

export const APPOINTMENTS: RecordsSpec<P> = {
	kind: 'afspraken',
	list: 'appointments',
	toRecord: (a) => ({
		afspraakid: a.id,
		clientnummer: a.clientNumber,
		datum: a.date,
		begintijd: a.startTime,
		eindtijd: a.endTime,
		soort: APPOINTMENT_KIND[a.kind],
		doel: a.purpose,
		medewerker: a.staffEmail,
		plaats: text(a.place),
		videolink: text(a.videoUrl),
		meenemen: text(a.bring),
		status: APPOINTMENT_STATUS[a.status]
	}),
	fieldOf: {
		afspraakid: 'id',
		clientnummer: 'clientNumber',
		datum: 'date',
		begintijd: 'startTime',
		eindtijd: 'endTime',
		soort: 'kind',
		doel: 'purpose',
		medewerker: 'staffEmail',
		plaats: 'place',
		videolink: 'videoUrl',
		meenemen: 'bring',
		status: 'status'
	}
};

export const INSTRUMENT_USES: RecordsSpec<U> = {
	kind: 'instrumenten',
	list: 'instrumentUses',
	toRecord: (u) => ({
		inzetid: u.id,
		clientnummer: u.clientNumber,
		instrument: u.instrument,
		startdatum: u.startDate,
		aanbieder: text(u.provider),
		geplandeeinddatum: text(u.plannedEndDate),
		einddatum: text(u.endDate),
		uitkomst: u.outcome ? OUTCOME[u.outcome] : '',
		reden: text(u.outcomeReason)
	}),
	fieldOf: {
		inzetid: 'id',
		clientnummer: 'clientNumber',
		instrument: 'instrument',
		startdatum: 'startDate',
		aanbieder: 'provider',
		geplandeeinddatum: 'plannedEndDate',
		einddatum: 'endDate',
		uitkomst: 'outcome',
		reden: 'outcomeReason'
	}
};

export const LADDER_STEPS: RecordsSpec<L> = {
	kind: 'ladder',
	list: 'ladderSteps',
	toRecord: (l) => ({ clientnummer: l.clientNumber, trede: String(l.step), datum: l.date }),
	fieldOf: { clientnummer: 'clientNumber', trede: 'step', datum: 'date' }
};

/** What the import's Dutch message is about, as a translation key per column. */
const KEY_OF_COLUMN: Record<string, string> = {
	klantmanager: 'admin.api.errors.klantmanager',
	medewerker: 'admin.api.errors.klantmanager'
};

export async function syncRecords<T extends SyncItem>(
	db: Db,
	caller: ApiCaller,
	spec: RecordsSpec<T>,
	items: T[],
	opts: { dryRun: boolean }
): Promise<SyncClientsResult> {
	// A client number of another gemeente's client is refused, not written through.
	const foreign = await db
		.select({ number: client.clientNumber })
		.from(client)
		.where(
			and(numberIn(items.map((i) => i.clientNumber)), ne(client.gemeenteId, caller.gemeenteId))
		);
	if (foreign.length) {
		const taken = new Set(foreign.map((f) => f.number.toLowerCase()));
		return {
			ok: false,
			problems: items
				.map((item, i) => ({ item, i }))
				.filter(({ item }) => taken.has(item.clientNumber.toLowerCase()))
				.map(({ i }) => ({
					pointer: `/${spec.list}/${i}/clientNumber`,
					error: { key: 'admin.api.errors.otherGemeente' }
				}))
		};
	}
	async function* records() {
		for (const [i, item] of items.entries()) yield { line: i + 1, record: spec.toRecord(item) };
	}
	const report = await importRecords(db, caller.actorId, spec.kind, records(), {
		apply: !opts.dryRun,
		fileName: `api/v1/${spec.list}`
	});
	if (!report.ok)
		return {
			ok: false,
			problems: report.errors.map((e): RowProblem => {
				const field = spec.fieldOf[e.field];
				return {
					pointer: field ? `/${spec.list}/${e.line - 1}/${field}` : `/${spec.list}`,
					error: { key: KEY_OF_COLUMN[e.field] ?? 'errors.invalid' },
					detail:
						e.sameAsLine && field
							? sameIdAs(`/${spec.list}/${e.sameAsLine - 1}/${field}`)
							: e.message
				};
			})
		};
	return {
		ok: true,
		applied: report.applied && !opts.dryRun,
		rows: report.rows,
		created: report.created,
		updated: report.updated,
		unchanged: report.unchanged
	};
}
