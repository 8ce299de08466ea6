import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/open';
import { appointment, client, gemeente, instrumentUse, user } from '../db/schema';
import { leftOn } from '../caseload/left';
import type { Counts } from './run';

/**
 * `lower(client_number)` is one of `numbers`, with the list as one JSON parameter: drizzle's
 * inArray binds one parameter per number, and building and binding 500 of them per batch was
 * a visible share of the import's profile (bench/import.ts).
 */
export function numberIn(numbers: string[]): SQL {
	const json = JSON.stringify(numbers.map((n) => n.toLowerCase()));
	return sql`lower(${client.clientNumber}) in (select json_array_elements_text(${json}::json))`;
}

/** The clients a batch names, by lower-case client number (one query per batch, on an index). */
export async function clientsByNumber(tx: Db, numbers: string[]) {
	const rows = numbers.length
		? await tx
				.select({
					id: client.id,
					userId: client.userId,
					clientNumber: client.clientNumber,
					gemeenteId: client.gemeenteId,
					klantmanagerId: client.klantmanagerId,
					benefitStart: client.benefitStart,
					ladderStep: client.ladderStep,
					/** The outflow date of the current benefit period (ISO), or null. */
					leftOn
				})
				.from(client)
				.where(numberIn(numbers))
		: [];
	return new Map(rows.map((r) => [r.clientNumber.toLowerCase(), r]));
}

export type KnownClient = NonNullable<
	Awaited<ReturnType<typeof clientsByNumber>> extends Map<string, infer V> ? V : never
>;

/** The tables whose rows carry the benefit system's own id (`external_id`). */
type Keyed = typeof appointment | typeof instrumentUse;

/**
 * What Wegwijs already holds of a batch's rows, by the benefit system's id in any letter case
 * (`AF-1` and `af-1` are one appointment, docs/IMPORT.md "Ids"), keyed by the lower-case id: one
 * query per batch, on the unique index on `lower(external_id)`, to tell new, changed and
 * unchanged rows apart. The ids go as one JSON parameter (as `numberIn`), not one bound
 * parameter each.
 */
export async function existingByExternalId<T extends Keyed>(
	tx: Db,
	table: T,
	ids: string[]
): Promise<Map<string, T['$inferSelect']>> {
	if (!ids.length) return new Map();
	const keyed = table as Keyed;
	const json = JSON.stringify(ids.map((id) => id.toLowerCase()));
	const rows = (await tx
		.select()
		.from(keyed)
		.where(
			sql`lower(${keyed.externalId}) = any(array(select json_array_elements_text(${json}::json)))`
		)) as T['$inferSelect'][];
	return new Map(rows.map((r) => [r.externalId!.toLowerCase(), r]));
}

/**
 * A batch's rows as one JSON parameter, read back as a table `x` with the given columns
 * (`json_to_recordset`): the fast path for inserting and updating a batch in one statement,
 * instead of drizzle's multi-row VALUES with one bound parameter per cell (bench/import.ts).
 * `columns` is fixed SQL written in the code, never input; `rows` use those names as keys.
 */
export function recordset(rows: object[], columns: string): SQL {
	return sql`json_to_recordset(${JSON.stringify(rows)}::json) as x(${sql.raw(columns)})`;
}

/**
 * Writes a batch of appointments or instrument uses: one statement for the new rows and one for
 * the changed rows (by `id`), each reading the rows from one JSON parameter (`recordset`).
 * `columns` is the table's columns as `json_to_recordset` declares them (fixed SQL in the
 * code); the rows use those names as keys. An update keeps the external id as first stored
 * (`AF-1` stays `AF-1` when a file says `af-1`, docs/IMPORT.md "Ids") and, with `createdBy`,
 * who created the row.
 */
export async function writeKeyedBatch(
	tx: Db,
	table: Keyed,
	columns: string,
	rows: { fresh: object[]; changed: { id: string }[] },
	counts: Counts,
	createdBy?: string
): Promise<void> {
	const names = columns.split(',').map((c) => c.trim().split(/\s+/)[0]!);
	const set = names
		.filter((n) => n !== 'external_id')
		.map((n) => `${n} = x.${n}`)
		.join(', ');
	if (rows.fresh.length) {
		const by = createdBy ? sql`, created_by` : sql``;
		const byValue = createdBy ? sql`, ${createdBy}::uuid` : sql``;
		await tx.execute(sql`insert into ${table} (${sql.raw(names.join(', '))}${by})
			select ${sql.raw(names.join(', '))}${byValue} from ${recordset(rows.fresh, columns)}`);
		counts.created += rows.fresh.length;
	}
	if (rows.changed.length) {
		await tx.execute(sql`update ${table} as t set ${sql.raw(set)}
			from ${recordset(rows.changed, `id uuid, ${columns}`)} where t.id = x.id`);
		counts.updated += rows.changed.length;
	}
}

export function unknownClient(clientNumber: string): string {
	return `Cliëntnummer ${clientNumber} kennen we niet. Lees eerst het cliëntenbestand in.`;
}

/** A klantmanager an import may name: who, and the gemeenten they work for (empty: all). */
export interface Klantmanager {
	id: string;
	gemeenteIds: string[];
}

/** The staff an import finds by e-mail, and the gemeenten' names for its messages. */
export interface StaffLookup {
	staff: Map<string, Klantmanager>;
	gemeenteNames: Map<string, string>;
}

/** Active klantmanagers by lower-case e-mail, with the gemeenten they work for. */
export async function klantmanagersByEmail(db: Db): Promise<Map<string, Klantmanager>> {
	return new Map(
		(
			await db
				.select({ id: user.id, email: user.email, gemeenteIds: user.gemeenteIds })
				.from(user)
				.where(sql`'klantmanager' = any(${user.roles}) and ${user.disabledAt} is null`)
		).map((u) => [u.email?.toLowerCase() ?? '', { id: u.id, gemeenteIds: u.gemeenteIds }])
	);
}

/** The lookups of a kind that names staff: klantmanagers by e-mail, gemeente names by id. */
export async function staffLookup(db: Db): Promise<StaffLookup> {
	const names = await db.select({ id: gemeente.id, name: gemeente.name }).from(gemeente);
	return {
		staff: await klantmanagersByEmail(db),
		gemeenteNames: new Map(names.map((g) => [g.id, g.name]))
	};
}

export function otherGemeente(email: string, gemeenteName: string): string {
	return `Klantmanager ${email} werkt niet voor gemeente ${gemeenteName}. Kies een klantmanager van deze gemeente, of zet de gemeente bij deze medewerker in /beheer/gebruikers.`;
}

export const YES = new Set(['ja', 'j', 'yes', 'y', '1', 'true', 'waar']);
export const NO = new Set(['nee', 'n', 'no', '0', 'false', 'onwaar', '']);

/** A cell naming one of a closed list, in Dutch words (dashes, spaces and case free). */
export function pick<T extends string>(text: string, words: Record<string, T>): T | undefined {
	return words[text.toLowerCase().replace(/[\s_-]+/g, '')];
}
