import { createHash, timingSafeEqual } from 'node:crypto';
import type { Db } from '../db/open';
import { KINDS } from './kinds';
import { importCsv, type ImportKindName, type ImportReport } from './run';

/**
 * An upload is imported in the background, so the page can show how far the server is
 * (docs/IMPORT.md, "Progress"): the form starts a job and answers at once; the status page
 * (`/beheer/import/<id>`, refreshing itself without JavaScript) and the upload page's bar
 * (with JavaScript) read the rows done so far here, and the result when it is done.
 *
 * Jobs live in this server process's memory: the import itself is one database transaction, so
 * a job that is cut off (a restart) has written nothing, and the admin uploads the file again.
 * Only the admin who started a job sees it. The last MAX_DONE finished jobs are kept.
 */

export type ImportJobView =
	| {
			state: 'running';
			kind: ImportKindName;
			fileName: string;
			apply: boolean;
			/** Rows read and checked so far. */
			rows: number;
			/** The file's lines after the header: what `rows` will reach (a cell with a line break makes it less). */
			totalRows: number;
	  }
	| {
			state: 'done';
			kind: ImportKindName;
			fileName: string;
			apply: boolean;
			report: ImportReport;
	  }
	| { state: 'failed'; kind: ImportKindName; fileName: string; apply: boolean };

/** Who polls a job's progress without the database (see `progressPoller`). */
export interface ImportPoller {
	/** The session cookie that started the job; kept as its SHA-256 only. */
	sessionToken: string;
	/** The admin as the session check found them when the job started. */
	user: NonNullable<App.Locals['user']>;
}

interface Job {
	actorId: string;
	view: ImportJobView;
	poller?: { tokenHash: Buffer; user: NonNullable<App.Locals['user']> };
}

const jobs = new Map<string, Job>();
const MAX_DONE = 50;

/** The lines of a file after the header (the last line may lack its line break). */
export async function countRows(file: Blob): Promise<number> {
	let lines = 0;
	let last = 10;
	for await (const chunk of file.stream() as unknown as AsyncIterable<Uint8Array>) {
		for (let i = 0; i < chunk.length; i++) if (chunk[i] === 10) lines++;
		if (chunk.length) last = chunk[chunk.length - 1]!;
	}
	if (last !== 10) lines++;
	return Math.max(0, lines - 1);
}

/**
 * Starts importing `file` (checked as `kind`; applied when `apply`) and returns its id at once;
 * `done` settles when the import has finished (tests wait for it; the pages poll).
 */
export function startImport(
	db: Db,
	actorId: string,
	kind: ImportKindName,
	file: Blob,
	opts: {
		apply: boolean;
		fileName: string;
		now?: Date;
		/** Told each time the rows done change (after each batch), e.g. by a test. */
		watch?: (rows: number) => void;
		/** The session that may poll the progress while the database is busy (PGlite). */
		poller?: ImportPoller;
	}
): { id: string; done: Promise<void> } {
	const id = crypto.randomUUID();
	const base = { kind, fileName: opts.fileName, apply: opts.apply };
	const job: Job = {
		actorId,
		view: { state: 'running', ...base, rows: 0, totalRows: 0 },
		poller: opts.poller && {
			tokenHash: hashToken(opts.poller.sessionToken),
			user: opts.poller.user
		}
	};
	jobs.set(id, job);
	const progress = (rows: number) => {
		if (job.view.state !== 'running') return;
		job.view = { ...job.view, rows, totalRows: Math.max(job.view.totalRows, rows) };
		opts.watch?.(rows);
	};
	const done = (async () => {
		try {
			const totalRows = await countRows(file);
			if (job.view.state === 'running') job.view = { ...job.view, totalRows };
			const report = await importCsv(
				db,
				actorId,
				KINDS[kind],
				file.stream() as unknown as AsyncIterable<Uint8Array>,
				{ apply: opts.apply, fileName: opts.fileName, now: opts.now, onProgress: progress }
			);
			job.view = { state: 'done', ...base, report };
		} catch (e) {
			console.error('import failed', e);
			job.view = { state: 'failed', ...base };
		}
		job.poller = undefined;
		forgetOld();
	})();
	return { id, done };
}

const POLL_PATH = /^\/beheer\/import\/([0-9a-f-]{36})\/voortgang$/;
const hashToken = (token: string) => createHash('sha256').update(token).digest();

/**
 * The admin polling a running import's progress (`/beheer/import/<id>/voortgang`) with the
 * session that started it, or null. hooks.server.ts answers such a poll without looking the
 * session up in the database: on PGlite the import's transaction holds the one connection until
 * it is done, so the session check (and with it the bar) waited for the whole import. Only that
 * path, only while the job runs, only the same session token (compared as SHA-256 in constant
 * time); what it reveals is the row count of the admin's own import.
 */
export function progressPoller(
	path: string,
	sessionToken: string
): NonNullable<App.Locals['user']> | null {
	const id = POLL_PATH.exec(path)?.[1];
	const job = id ? jobs.get(id) : undefined;
	if (!job?.poller || job.view.state !== 'running') return null;
	return timingSafeEqual(hashToken(sessionToken), job.poller.tokenHash) ? job.poller.user : null;
}

/**
 * Sign-out: the polls a person's sessions may answer without the database end at once, so a
 * signed-out cookie is checked in the database again (and refused) while the import still runs.
 */
export function endImportPolls(userId: string): void {
	for (const job of jobs.values()) if (job.poller?.user.id === userId) delete job.poller;
}

/** A job as its starter sees it; null for an unknown id or another person's job. */
export function importJob(id: string, actorId: string): ImportJobView | null {
	const job = jobs.get(id);
	return job && job.actorId === actorId ? job.view : null;
}

function forgetOld() {
	const finished = [...jobs].filter(([, j]) => j.view.state !== 'running');
	for (const [id] of finished.slice(0, Math.max(0, finished.length - MAX_DONE))) jobs.delete(id);
}
