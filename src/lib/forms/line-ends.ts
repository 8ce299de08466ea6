// A browser without JavaScript sends a text area's line breaks as CRLF (HTML's form encoding),
// two characters each, while its own counter and `maxlength` count one. Before any length check
// a line break is made one "\n" again, so the server counts what the person saw.

/** CRLF and a lone CR become "\n". */
export function normalizeLineEnds(text: string): string {
	return text.replace(/\r\n?/g, '\n');
}

/** The same form with every text value's line breaks as "\n"; files are kept as they are. */
export function withLineEndsNormalized(form: FormData): FormData {
	const out = new FormData();
	for (const [key, value] of form)
		out.append(key, typeof value === 'string' ? normalizeLineEnds(value) : value);
	return out;
}
