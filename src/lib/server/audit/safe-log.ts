// Error logs must not carry personal data: a failed query's parameters are what a person typed
// (a note, an e-mail address), and PostgreSQL's `detail` repeats the values of a violated key.
// What is logged: the error's kind, the SQL text with its placeholders, the database error code
// and message, and the stack.

interface DbCause {
	code?: unknown;
	message?: unknown;
}

function describeCause(cause: unknown): string {
	if (!cause || typeof cause !== 'object') return '';
	const c = cause as DbCause;
	const code = typeof c.code === 'string' ? ` [${c.code}]` : '';
	// PostgreSQL messages name constraints and columns; the values are in `detail`, except for
	// a value it could not read ('invalid input syntax for type uuid: "…"'), cut off here.
	const message = typeof c.message === 'string' ? c.message.replace(/:\s*".*$/s, ': "…"') : '';
	return `\n  caused by${code}: ${message}`;
}

/** A log line for `error` without parameter values or database detail. */
export function loggable(error: unknown): string {
	if (!(error instanceof Error)) return `non-error thrown: ${typeof error}`;
	const query = (error as { query?: unknown }).query;
	if (typeof query === 'string') {
		const frames = (error.stack ?? '').split('\n').filter((l) => l.trimStart().startsWith('at '));
		return `${error.name}: failed query: ${query}${describeCause(error.cause)}\n${frames.join('\n')}`;
	}
	const stack = error.stack ?? `${error.name}: ${error.message}`;
	return error.cause ? `${stack}${describeCause(error.cause)}` : stack;
}
