/**
 * The precache list (the app shell) built from SvelteKit's `$service-worker` lists. Pure, so
 * it is unit-tested; used by src/service-worker.ts.
 */

export interface PrecacheEntry {
	url: string;
	/** null: the URL itself changes with the content (hashed), so it needs no revision. */
	revision: string | null;
}

/** The page the service worker shows when a navigation fails and nothing is cached. */
export const OFFLINE_PATH = '/offline';

/**
 * Static files worth keeping on the phone from the first visit: small images, icons, the
 * manifest, fonts. Anything else in static/ (audio, video, PDFs, large images) must be
 * added here on purpose: cheap phones have little storage and prepaid data.
 */
const STATIC_ALLOW = /\.(svg|png|webp|ico|webmanifest|woff2)$/i;

/** Install-time icons the browser fetches itself when it needs them; never shown offline. */
const STATIC_DENY = [/\/icons\/[^/]*-512\.png$/i];

/**
 * Web fonts for one script (Arabic, Ethiopic) from the build: fetched, and then kept, only by
 * phones that show a page in that language, so a Dutch reader never downloads them.
 */
const SCRIPT_FONT = /\/_app\/immutable\/assets\/[^/]+\.(woff2?|ttf)$/i;

export function isPrecachedStaticFile(path: string): boolean {
	return STATIC_ALLOW.test(path) && !STATIC_DENY.some((re) => re.test(path));
}

/**
 * Hashed build output (under `_app/immutable/`) gets revision null; everything else is
 * revisioned with the app version, so a deploy refreshes it.
 */
export function precacheEntries(input: {
	build: readonly string[];
	files: readonly string[];
	prerendered: readonly string[];
	version: string;
}): PrecacheEntry[] {
	const { version } = input;
	const entries: PrecacheEntry[] = [
		...input.build
			.filter((url) => !SCRIPT_FONT.test(url))
			.map((url) => ({
				url,
				revision: url.includes('/_app/immutable/') ? null : version
			})),
		...input.files.filter(isPrecachedStaticFile).map((url) => ({ url, revision: version })),
		// Prerendered pages: the offline page and its data (so a client-side visit works too).
		...input.prerendered.map((url) => ({ url, revision: version }))
	];
	// Workbox refuses a list with the same URL twice; keep the first.
	const seen = new Set<string>();
	return entries.filter((entry) => {
		if (seen.has(entry.url)) return false;
		seen.add(entry.url);
		return true;
	});
}
