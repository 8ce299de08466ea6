import { MAX_FILE_BYTES } from './run';

/** The import page's path: the only one that takes large uploads. */
export const IMPORT_PATH = '/beheer/import';
/** An import upload: the file plus the form around it. */
export const IMPORT_BODY_BYTES = MAX_FILE_BYTES + 1024 * 1024;
/** Every other route: what BODY_SIZE_LIMIT gave before the import (a document may be 10 MB, #16). */
export const FORM_BODY_BYTES = 11 * 1024 * 1024;

/**
 * What a body of `contentLength` bytes posted to `path` gets: through, or refused before it is
 * read. BODY_SIZE_LIMIT (scripts/server-entry.js) is set for the import, so this keeps the
 * small limit for every other route and answers a too-large import with our own message.
 */
export function bodySizeVerdict(path: string, contentLength: number): 'ok' | 'import' | 'form' {
	if (path === IMPORT_PATH) return contentLength > IMPORT_BODY_BYTES ? 'import' : 'ok';
	return contentLength > FORM_BODY_BYTES ? 'form' : 'ok';
}
