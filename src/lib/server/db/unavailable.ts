// Telling "the database server cannot be reached" apart from every other error, so the app
// can answer 503 (try again soon) instead of 500 (a bug) while PostgreSQL is down or
// restarting. drizzle wraps the driver's error in `cause`, so the whole chain is looked at.

const CONNECTION_CODES = new Set([
	// Node's socket errors while connecting or talking to the server
	'ECONNREFUSED',
	'ECONNRESET',
	'ETIMEDOUT',
	'EPIPE',
	'ENOTFOUND',
	'EAI_AGAIN',
	// postgres.js
	'CONNECT_TIMEOUT',
	'CONNECTION_CLOSED',
	'CONNECTION_ENDED',
	'CONNECTION_DESTROYED',
	// PostgreSQL: admin_shutdown, crash_shutdown, cannot_connect_now (starting up or shutting
	// down), too_many_connections, and class 08 (connection exceptions)
	'57P01',
	'57P02',
	'57P03',
	'53300',
	'08000',
	'08001',
	'08003',
	'08004',
	'08006'
]);

export function isDatabaseUnavailable(error: unknown): boolean {
	const seen = new Set<unknown>();
	let e: unknown = error;
	while (e && typeof e === 'object' && !seen.has(e)) {
		seen.add(e);
		const code = (e as { code?: unknown }).code;
		if (typeof code === 'string' && CONNECTION_CODES.has(code)) return true;
		// AggregateError: a connection attempt to several addresses (IPv4 and IPv6) failed.
		const errors = (e as { errors?: unknown }).errors;
		if (Array.isArray(errors) && errors.some((x) => isDatabaseUnavailable(x))) return true;
		e = (e as { cause?: unknown }).cause;
	}
	return false;
}
