/**
 * Recorded audio kept for offline use (issue #18: "once the page was opened online, the audio
 * plays offline too"). Pure, so it is unit-tested; used by src/service-worker.ts, which keeps
 * the recordings in a cache of their own, and by the page, which asks it to.
 *
 * A recording is sent `no-store` like every answer to a signed-in person, and the runtime
 * caches refuse such answers (see ./cache-policy). Recordings are the one exception, on purpose:
 * they are content texts read aloud, the same for every client, not personal data. The cache is
 * still bounded, and it goes at sign-out with the rest (the logout's Clear-Site-Data "storage")
 * and when someone else signs in on the phone (see ./keep-recordings).
 */
import * as z from 'zod/mini';
import type { RequestLike, ResponseLike } from './cache-policy';

export { RECORDINGS_CACHE } from './keep-recordings';

/** Bounds: a recording is at most 480 kB, so this keeps at most about 10 MB on the phone. */
export const RECORDINGS_LIMIT = { maxEntries: 20, maxAgeSeconds: 60 * 24 * 60 * 60 } as const;

const PATH =
	/^\/api\/client\/opname\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** The address the server gives (content-audio.recordingFor): the id and a version. */
const SEARCH = /^(\?v=\d{1,15})?$/;

/** True for the address of a client recording of this app (never the admin's, never a page). */
export function isRecordingUrl(url: string, origin: string): boolean {
	let parsed: URL;
	try {
		parsed = new URL(url, origin);
	} catch {
		return false;
	}
	// The raw text too: a "/../" that the URL parser would fold away is not an address we gave.
	return (
		parsed.origin === origin &&
		!url.includes('..') &&
		PATH.test(parsed.pathname) &&
		SEARCH.test(parsed.search)
	);
}

/**
 * Only a whole recording (200, never a 206 part: the range plugin cuts parts from the whole),
 * same-origin, not redirected (a session that ended redirects to the sign-in page), and audio.
 */
export function isKeepableRecording(
	request: RequestLike,
	response: ResponseLike,
	origin: string
): boolean {
	if (request.method.toUpperCase() !== 'GET') return false;
	if (!isRecordingUrl(request.url, origin)) return false;
	if (response.type !== undefined && response.type !== 'basic' && response.type !== 'default') {
		return false;
	}
	if (response.status !== 200 || response.redirected) return false;
	return (response.headers.get('content-type') ?? '').toLowerCase().startsWith('audio/');
}

const keepMessage = z.object({
	type: z.literal('KEEP_RECORDING'),
	url: z.string().check(z.maxLength(300))
});

/** The page's request to keep a recording: its full address, or null for anything else. */
export function keepRecordingMessage(data: unknown, origin: string): string | null {
	const parsed = keepMessage.safeParse(data);
	if (!parsed.success || !isRecordingUrl(parsed.data.url, origin)) return null;
	return new URL(parsed.data.url, origin).href;
}
