import type { Db } from '../db/open';
import { transaction } from '../db/after-commit';
import * as audit from '../audit/audit';
import { CsvError, readCsv } from './csv';

/**
 * The one path every import kind takes (docs/IMPORT.md): check every row, write in batches
 * inside one transaction, roll back on a dry run or on any error, audit an applied import.
 * A kind only says which columns it has, how a row is checked and how a batch is written.
 */

export interface RowError {
	line: number;
	field: string;
	/** Dutch (the file's columns and the benefit system are Dutch too): what to fix. */
	message: string;
	/** A key that is in the file twice: the line of its first row (the sync API names both). */
	sameAsLine?: number;
}

export interface ImportReport {
	kind: ImportKindName;
	ok: boolean;
	applied: boolean;
	rows: number;
	created: number;
	updated: number;
	unchanged: number;
	/** The first errors (at most MAX_ERRORS), each with line, column and what to fix, in Dutch. */
	errors: RowError[];
	errorCount: number;
}

export const IMPORT_KINDS = [
	'clienten',
	'klantmanagers',
	'afspraken',
	'instrumenten',
	'uitstroom',
	'ladder'
] as const;
export type ImportKindName = (typeof IMPORT_KINDS)[number];

export const MAX_ERRORS = 200;
/** A file of 50,000 clients is about 6 MB; anything much larger is not an export of ours. */
export const MAX_FILE_BYTES = 50 * 1024 * 1024;
export const BATCH = 500;

export type Fail = (line: number, field: string, message: string, sameAsLine?: number) => void;

/** A control character other than tab and line breaks (a line break may be in a quoted cell). */
function hasControl(value: string): boolean {
	for (let i = 0; i < value.length; i++) {
		const c = value.charCodeAt(i);
		if ((c < 32 && c !== 9 && c !== 10 && c !== 13) || c === 127) return true;
	}
	return false;
}
const CONTROL_MESSAGE =
	'Deze cel heeft een onzichtbaar teken (een stuurteken). Haal het weg en lees het bestand opnieuw in.';
export type Counts = Pick<ImportReport, 'created' | 'updated' | 'unchanged'>;

export interface ImportKind<Row extends { line: number }, Ctx> {
	name: ImportKindName;
	/** Column name (normalised, see normaliseHeader) → required. */
	columns: Record<string, boolean>;
	/** "cliënten", "afspraken": for "the file has no rows with …". */
	noun: string;
	/** Lookups loaded once per import (gemeenten, staff, instruments). */
	context(db: Db): Promise<Ctx>;
	/** Checks one row on its own; reports each bad cell through `bad`. */
	check(
		cell: (column: string) => string,
		ctx: Ctx,
		bad: (field: string, message: string) => void,
		line: number
	): Omit<Row, 'line'> | null;
	/** Rows with the same key may appear once in a file. */
	key(row: Row): { field: string; value: string; label: string };
	/** Writes (or, on a dry run, writes and later rolls back) one batch; counts each row once. */
	write(
		tx: Db,
		rows: Row[],
		env: { actorId: string; ctx: Ctx; counts: Counts; fail: Fail; now: Date }
	): Promise<void>;
}

class Rollback extends Error {}

export interface ImportOptions {
	apply: boolean;
	fileName?: string;
	now?: Date;
	/** Called after each written batch with the rows read so far (for a progress bar). */
	onProgress?: (rows: number) => void;
}

/**
 * Runs an import over records (from a CSV file, or from JSON for the sync API): checks every
 * row, then — only when `apply` and no row has an error — keeps what was written, all in one
 * transaction. A dry run goes through the same writes and rolls them back, so its counts are
 * exact. Memory follows the batch, not the file.
 */
export async function runImport<Row extends { line: number }, Ctx>(
	db: Db,
	actorId: string,
	kind: ImportKind<Row, Ctx>,
	records: AsyncIterable<{ line: number; record: Record<string, string> }>,
	opts: ImportOptions
): Promise<ImportReport> {
	const report: ImportReport = {
		kind: kind.name,
		ok: true,
		applied: false,
		rows: 0,
		created: 0,
		updated: 0,
		unchanged: 0,
		errors: [],
		errorCount: 0
	};
	const fail: Fail = (line, field, message, sameAsLine) => {
		report.ok = false;
		report.errorCount++;
		if (report.errors.length < MAX_ERRORS)
			report.errors.push({ line, field, message, ...(sameAsLine ? { sameAsLine } : {}) });
	};
	const now = opts.now ?? new Date();
	const ctx = await kind.context(db);
	const env = { actorId, ctx, counts: report, fail, now };
	try {
		// The after-commit transaction: a notice an import gives (outflow tells the client) goes
		// out only when the import is applied and committed, never for a check or a failed file.
		await transaction(db, async (tx) => {
			// Each key's first line and spelling: the benefit system's ids are compared trimmed (as
			// every cell) and without regard to case (docs/IMPORT.md, "Ids").
			const seen = new Map<string, { line: number; value: string }>();
			let batch: Row[] = [];
			let headerChecked = false;
			for await (const { line, record } of records) {
				if (!headerChecked) {
					headerChecked = true;
					if (!checkHeader(kind, record, fail)) throw new Rollback();
				}
				report.rows++;
				let ok = true;
				// A control character cannot be stored (PostgreSQL refuses a NUL in text) and is never
				// meant: name the cell instead of failing the whole import on the database.
				for (const [column, value] of Object.entries(record))
					if (hasControl(value)) {
						ok = false;
						fail(line, column, CONTROL_MESSAGE);
					}
				if (!ok) continue;
				const checked = kind.check(
					(c) => (record[c] ?? '').trim(),
					ctx,
					(field, message) => {
						ok = false;
						fail(line, field, message);
					},
					line
				);
				if (!ok || !checked) continue;
				const row = { ...checked, line } as Row;
				const key = kind.key(row);
				const seenKey = key.value.toLowerCase();
				const first = seen.get(seenKey);
				if (first) {
					fail(line, key.field, duplicateMessage(key, first), first.line);
					continue;
				}
				seen.set(seenKey, { line, value: key.value });
				batch.push(row);
				if (batch.length >= BATCH) {
					await kind.write(tx, batch, env);
					batch = [];
					opts.onProgress?.(report.rows);
					await yieldToEventLoop();
				}
			}
			if (batch.length) await kind.write(tx, batch, env);
			if (report.rows === 0 && report.ok)
				fail(1, 'bestand', `Het bestand heeft geen rijen met ${kind.noun}.`);
			if (!report.ok || !opts.apply) throw new Rollback();
			await audit.record(tx, {
				actorId,
				clientId: null,
				action: 'import.apply',
				detail: {
					kind: kind.name,
					file: opts.fileName ?? null,
					rows: report.rows,
					created: report.created,
					updated: report.updated,
					unchanged: report.unchanged
				}
			});
		});
		report.applied = true;
	} catch (e) {
		if (e instanceof CsvError) {
			const message = {
				empty: 'Het bestand is leeg.',
				encoding: 'Het bestand is geen tekst in UTF-8 of Windows-1252. Sla het op als CSV (UTF-8).',
				malformed: `Het bestand is geen geldige CSV${e.line ? ` (rond regel ${e.line})` : ''}. Controleer aanhalingstekens en scheidingstekens.`
			}[e.reason];
			fail(e.line ?? 1, 'bestand', message);
		} else if (!(e instanceof Rollback)) throw e;
	}
	if (!report.ok) report.applied = false;
	return report;
}

/**
 * Lets the server answer other requests between batches. PGlite runs in this thread and its
 * queries settle as promises only, so without a turn of the event loop no timer or request (the
 * progress poll) ran until the whole import was done; PostgreSQL's network reads gave that turn.
 * Costs one turn per batch of 500 rows.
 */
function yieldToEventLoop(): Promise<void> {
	return new Promise((resolve) => setImmediate(resolve));
}

/** A key that is in the file twice, naming the line it is on first (and its spelling there). */
function duplicateMessage(
	key: { label: string; value: string },
	first: { line: number; value: string }
): string {
	if (first.value === key.value) return `${key.label} staat al op regel ${first.line}.`;
	return `${key.label} staat al op regel ${first.line}, als ${first.value}. Hoofdletters tellen niet mee: het is hetzelfde nummer. Haal een van de twee regels weg.`;
}

/** A missing required column stops the file (it is probably another kind); an unknown one is an error. */
function checkHeader(
	kind: ImportKind<{ line: number }, unknown>,
	record: Record<string, string>,
	fail: Fail
): boolean {
	const missing = Object.entries(kind.columns)
		.filter(([c, required]) => required && !(c in record))
		.map(([c]) => c);
	for (const c of missing)
		fail(
			1,
			c,
			`De kolom "${c}" ontbreekt. Is dit een bestand met ${kind.noun}? Zie docs/IMPORT.md.`
		);
	if (missing.length) return false;
	for (const k of Object.keys(record))
		if (!(k in kind.columns))
			fail(1, k, `De kolom "${k}" kennen we niet. Haal hem weg of geef hem de juiste naam.`);
	return true;
}

/** A CSV file (bytes as they come from the upload) through `runImport`. */
export function importCsv<Row extends { line: number }, Ctx>(
	db: Db,
	actorId: string,
	kind: ImportKind<Row, Ctx>,
	file: AsyncIterable<Uint8Array>,
	opts: ImportOptions
): Promise<ImportReport> {
	return runImport(db, actorId, kind, readCsv(file), opts);
}
