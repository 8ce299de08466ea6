/**
 * One rule for a video link, in the form and in the calendar file (#14): https only, no
 * spaces or control characters (they make calendar files invalid or split headers), at most
 * 500 characters, and a host. `javascript:`, `data:` and `file:` can never be a link to click.
 */
export function isSafeVideoLink(value: string): boolean {
	if (value.length > 500 || /[\s\p{Cc}]/u.test(value)) return false;
	try {
		const url = new URL(value);
		return url.protocol === 'https:' && url.hostname.length > 0;
	} catch {
		return false;
	}
}
