// What every answer of the app must carry. Returns the problems found, as readable lines.

/** The directives of a Content-Security-Policy value. */
export function cspDirectives(value: string): Map<string, string[]> {
	const out = new Map<string, string[]>();
	for (const part of value.split(';')) {
		const [name, ...tokens] = part.trim().split(/\s+/);
		if (name) out.set(name.toLowerCase(), tokens);
	}
	return out;
}

/**
 * Strict means: scripts only from the app itself plus SvelteKit's nonce or hash for its inline
 * bootstrap, nothing inline or evaluated; no framing; no plugins; no foreign base or forms.
 * `inMeta` for a prerendered page, whose policy is a <meta> tag (where frame-ancestors is
 * ignored by browsers, so it is not expected there).
 */
export function cspProblems(value: string | undefined, inMeta = false): string[] {
	if (!value) return ['no Content-Security-Policy'];
	const d = cspDirectives(value);
	const problems: string[] = [];
	const script = d.get('script-src') ?? d.get('default-src') ?? [];
	if (!script.includes("'self'")) problems.push("script-src without 'self'");
	for (const token of script)
		if (token !== "'self'" && !/^'(nonce-[\w+/=-]+|sha(256|384|512)-[\w+/=]+)'$/.test(token))
			problems.push(`script-src allows ${token}`);
	if (!script.some((t) => t.startsWith("'nonce-") || t.startsWith("'sha")))
		problems.push('script-src has no nonce or hash');
	const want: [string, string][] = [
		['default-src', "'self'"],
		['object-src', "'none'"],
		['base-uri', "'self'"],
		['form-action', "'self'"]
	];
	if (!inMeta) want.push(['frame-ancestors', "'none'"]);
	for (const [name, token] of want)
		if ((d.get(name) ?? []).join(' ') !== token) problems.push(`${name} is not ${token}`);
	return problems;
}

/** The headers any answer must have, and no-store when it was for a signed-in person. */
export function headerProblems(headers: Record<string, string>, signedIn: boolean): string[] {
	const problems: string[] = [];
	if (headers['x-content-type-options'] !== 'nosniff') problems.push('no nosniff');
	if (headers['x-frame-options'] !== 'DENY') problems.push('no X-Frame-Options: DENY');
	if (
		!/^(same-origin|no-referrer|strict-origin(-when-cross-origin)?)$/.test(
			headers['referrer-policy'] ?? ''
		)
	)
		problems.push(`Referrer-Policy ${headers['referrer-policy'] ?? 'missing'}`);
	if (signedIn && !/\bno-store\b/.test(headers['cache-control'] ?? ''))
		problems.push(`Cache-Control ${headers['cache-control'] ?? 'missing'} for a signed-in person`);
	if ((headers['content-type'] ?? '').startsWith('text/html'))
		problems.push(...cspProblems(headers['content-security-policy']));
	return problems;
}
