import type { Db } from '../db/open';
import { appointmentsKind } from './appointments';
import { clientsKind } from './clients';
import { instrumentUsesKind } from './instrument-uses';
import { klantmanagersKind } from './klantmanagers';
import { ladderKind } from './ladder';
import { outflowKind } from './outflow';
import {
	importCsv,
	runImport,
	type ImportKind,
	type ImportKindName,
	type ImportOptions,
	type ImportReport
} from './run';

/** Every kind of file the benefit administration can send (docs/IMPORT.md), by name. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each kind has its own row type
export const KINDS: Record<ImportKindName, ImportKind<any, any>> = {
	clienten: clientsKind,
	klantmanagers: klantmanagersKind,
	afspraken: appointmentsKind,
	instrumenten: instrumentUsesKind,
	uitstroom: outflowKind,
	ladder: ladderKind
};

/** A CSV file of one kind: checked, then applied whole or not at all (see runImport). */
export function importFile(
	db: Db,
	actorId: string,
	kind: ImportKindName,
	file: AsyncIterable<Uint8Array>,
	opts: ImportOptions
): Promise<ImportReport> {
	return importCsv(db, actorId, KINDS[kind], file, opts);
}

/**
 * The same rules for records that do not come from a file (the sync API's JSON): each record
 * has the file's column names as keys, and `line` is what errors name (e.g. the index + 1).
 */
export function importRecords(
	db: Db,
	actorId: string,
	kind: ImportKindName,
	records: AsyncIterable<{ line: number; record: Record<string, string> }>,
	opts: ImportOptions
): Promise<ImportReport> {
	return runImport(db, actorId, KINDS[kind], records, opts);
}
