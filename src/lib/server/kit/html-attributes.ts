/**
 * The opening `<html>` tag of src/app.html with its three placeholders. SvelteKit fills only
 * %sveltekit.*%; the language, direction and text size are filled per request in
 * `transformPageChunk`, in the very first bytes (screen readers and layout never guess).
 */
export const HTML_OPEN_TAG = '<html lang="%lang%" dir="%dir%" data-text-size="%textsize%">';

/**
 * One search for the whole tag instead of three `replace` calls over the page (#19); only the
 * tag is touched, so a page whose text says "%dir%" keeps it. A chunk without the tag (a later
 * chunk of a streamed page) comes back as it is.
 */
export function fillHtmlAttributes(
	html: string,
	a: { lang: string; dir: string; textSize: string }
): string {
	const at = html.indexOf(HTML_OPEN_TAG);
	if (at < 0) return html;
	return (
		html.slice(0, at) +
		`<html lang="${a.lang}" dir="${a.dir}" data-text-size="${a.textSize}">` +
		html.slice(at + HTML_OPEN_TAG.length)
	);
}
