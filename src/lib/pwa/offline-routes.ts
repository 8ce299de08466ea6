// Which navigations the service worker answers with the app shell when offline (the client's
// own pages, shown from the encrypted offline copy), and how it answers their data requests.

export const SHELL_PATH = '/shell';

const CLIENT_PREFIXES = ['/plan', '/afspraken', '/uitleg', '/profiel', '/vragenlijst'];

export function isClientPage(pathname: string): boolean {
	return (
		pathname === '/' || CLIENT_PREFIXES.some((p) => pathname === p || pathname.startsWith(p + '/'))
	);
}

/** Same key as $lib/offline/page-data OFFLINE_MARKER, kept here so the worker stays small. */
const MARKER = '__wegwijsOffline';

/**
 * A SvelteKit `__data.json` answer that says "offline" for every node the router asked for
 * (the `x-sveltekit-invalidated` flags), so each load can fall back to its offline copy.
 */
export function offlineDataResponseBody(url: URL): string {
	const flags = url.searchParams.get('x-sveltekit-invalidated') ?? '';
	const nodes = [...flags].map((flag) =>
		flag === '1' ? { type: 'data', data: [{ [MARKER]: 1 }, true], uses: {} } : { type: 'skip' }
	);
	return JSON.stringify({ type: 'data', nodes });
}
