// Reading a text area back from server-rendered HTML in render tests (what a browser without
// JavaScript shows after a refused form).

/** The content of the text area with this id, as the browser reads it from the server HTML. */
export function textareaIn(body: string, id: string): string | null {
	const m = body.match(new RegExp(`<textarea[^>]*\\sid="${id}"[^>]*>([\\s\\S]*?)</textarea>`));
	if (!m) return null;
	const decoded = m[1]!
		.replaceAll('&lt;', '<')
		.replaceAll('&gt;', '>')
		.replaceAll('&quot;', '"')
		.replaceAll('&#39;', "'")
		.replaceAll('&amp;', '&');
	// The HTML parser drops one newline right after <textarea>.
	return decoded.replace(/^\n/, '');
}
