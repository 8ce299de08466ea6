import { and, eq, inArray, ne, sql } from 'drizzle-orm';
import { stringify } from 'csv-stringify/sync';
import type { Db } from '../db/open';
import { client, gemeente } from '../db/schema';
import { importClients } from '../import/clients';
import type { ApiCaller } from './keys';
import type { SyncClientsBody } from './schemas';
import type { FieldError } from '../../forms/errors';

// PUT /api/v1/clients: the same upsert rules as the CSV import (docs/IMPORT.md), because it
// IS the CSV import: the checked JSON is written as a clients file for the key's gemeente and
// handed to importClients, which checks, writes all or nothing, and audits. Rows and columns
// of its answer are mapped back to JSON pointers. (import/ belongs to the import work; this
// module only calls what it exports.)

/** CSV column → JSON field of a client in the body. */
const FIELD_OF_COLUMN: Record<string, string> = {
	clientnummer: 'clientNumber',
	naam: 'name',
	geboortedatum: 'birthDate',
	gemeente: 'clientNumber',
	uitkeringsinds: 'benefitStart',
	doelgroep: 'segment',
	taal: 'language',
	statushouder: 'statushouder',
	telefoon: 'phone',
	email: 'email',
	klantmanager: 'klantmanagerEmail'
};

/** What the import's Dutch message is about, as a translation key per column. */
const KEY_OF_COLUMN: Record<string, string> = {
	clientnummer: 'admin.api.errors.duplicate',
	email: 'errors.emailTaken',
	klantmanager: 'admin.api.errors.klantmanager',
	taal: 'admin.api.errors.language'
};

export interface RowProblem {
	pointer: string;
	error: FieldError;
	/** The import's own message (Dutch), when it said more than the key. */
	detail?: string;
}

export type SyncClientsResult =
	| {
			ok: true;
			applied: boolean;
			rows: number;
			created: number;
			updated: number;
			unchanged: number;
	  }
	| { ok: false; problems: RowProblem[] };

export async function syncClients(
	db: Db,
	caller: ApiCaller,
	body: SyncClientsBody,
	opts: { dryRun: boolean }
): Promise<SyncClientsResult> {
	const [g] = await db
		.select({ code: gemeente.code })
		.from(gemeente)
		.where(eq(gemeente.id, caller.gemeenteId));
	if (!g) throw new Error('API key without gemeente');
	// A key acts for its own gemeente only: a client number that belongs to a client of another
	// gemeente is refused instead of moving that client over.
	const numbers = body.clients.map((c) => c.clientNumber.toLowerCase());
	const foreign = await db
		.select({ number: client.clientNumber })
		.from(client)
		.where(
			and(
				inArray(sql`lower(${client.clientNumber})`, numbers),
				ne(client.gemeenteId, caller.gemeenteId)
			)
		);
	if (foreign.length) {
		const taken = new Set(foreign.map((f) => f.number.toLowerCase()));
		return {
			ok: false,
			problems: body.clients
				.map((c, i) => ({ c, i }))
				.filter(({ c }) => taken.has(c.clientNumber.toLowerCase()))
				.map(({ i }) => ({
					pointer: `/clients/${i}/clientNumber`,
					error: { key: 'admin.api.errors.otherGemeente' }
				}))
		};
	}
	const csv = stringify(
		body.clients.map((c) => [
			c.clientNumber,
			c.name,
			c.birthDate,
			g.code,
			c.benefitStart,
			c.segment ?? '',
			c.language,
			c.statushouder ? 'ja' : 'nee',
			c.phone ?? '',
			c.email ?? '',
			c.klantmanagerEmail ?? ''
		]),
		{ header: true, columns: Object.keys(FIELD_OF_COLUMN), record_delimiter: '\n' }
	);
	const report = await importClients(db, caller.actorId, oneChunk(csv), {
		apply: !opts.dryRun,
		fileName: 'api/v1/clients'
	});
	if (!report.ok)
		return {
			ok: false,
			problems: report.errors.map((e) => {
				// Line 1 is the header; every client is one line (no control characters allowed).
				const index = e.line - 2;
				const field = FIELD_OF_COLUMN[e.field];
				return {
					pointer: index >= 0 && field ? `/clients/${index}/${field}` : '',
					error: { key: KEY_OF_COLUMN[e.field] ?? 'errors.invalid' },
					detail:
						e.sameAsLine && field ? sameIdAs(`/clients/${e.sameAsLine - 2}/${field}`) : e.message
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

/**
 * The detail of an id that is in one call twice (in any letter case, docs/IMPORT.md "Ids"):
 * the pointer of the first, in the Dutch of the import's other details.
 */
export function sameIdAs(firstPointer: string): string {
	return `hetzelfde id als ${firstPointer}; hoofdletters tellen niet mee`;
}

async function* oneChunk(text: string): AsyncIterable<Uint8Array> {
	yield new TextEncoder().encode(text);
}
