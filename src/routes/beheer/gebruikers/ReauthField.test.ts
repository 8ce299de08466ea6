import { describe, expect, it } from 'vitest';
import { i18nContext } from '../../../../tests/route-i18n';
import { render } from 'svelte/server';
import type { Language } from '$lib/i18n/languages';
import ReauthField from './ReauthField.svelte';

// The hint says how recent the proof must be: REAUTH_SECONDS, not a fixed "10 minuten".
function hint(lang: Language, seconds: number): string {
	const html = render(ReauthField, {
		props: { seconds },
		context: i18nContext('/beheer/gebruikers', lang)
	}).body;
	return html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
}

describe('the re-authentication hint', () => {
	it('names the window the server applies, in minutes', () => {
		expect(hint('nl', 300)).toContain('in de laatste 5 minuten');
		expect(hint('nl', 60)).toContain('in de laatste 1 minuut');
		expect(hint('nl', 300)).not.toContain('10 minuten');
		expect(hint('en', 900)).toContain('in the last 15 minutes');
	});

	it('in seconds when the window is not a whole number of minutes', () => {
		expect(hint('nl', 20)).toContain('in de laatste 20 seconden');
		expect(hint('nl', 90)).toContain('in de laatste 90 seconden');
	});

	it('says the default of ten minutes as before', () => {
		expect(hint('nl', 600)).toContain('in de laatste 10 minuten');
	});
});
