import { describe, expect, it } from 'vitest';
import { i18nContext } from '../../../tests/route-i18n';
import { render } from 'svelte/server';
import type { Language } from '$lib/i18n/languages';
import { outbox, type OutboxItem } from '$lib/offline/outbox.svelte';
import OutboxNotice from './OutboxNotice.svelte';

// A message with a photo, sent from the outbox when the line is back: the server was too busy
// to take the photo (503 photo_busy) and the outbox keeps it to send again. The client saw only
// "Wordt verstuurd…", for minutes, and not why.
const waiting = (error?: string): OutboxItem => ({
	key: 'k1234567890abcdef',
	action: { type: 'message', body: 'Mijn loonstrook', context: { kind: 'home' } },
	files: [{ key: 'f1234567890abcdef', name: 'loonstrook.jpg', data: '' }],
	createdAt: '2026-12-07T10:00:00.000Z',
	status: 'pending',
	...(error ? { error } : {})
});

function html(item: OutboxItem, lang: Language = 'nl') {
	outbox.items = [item];
	const body = render(OutboxNotice, {
		props: { match: () => true },
		context: i18nContext('/(client)/berichten', lang)
	}).body;
	outbox.items = [];
	return body.replace(/<!--[^>]*-->/g, '').replace(/\s+/g, ' ');
}

describe('a queued photo the server was too busy to take', () => {
	it('says so, politely to a screen reader, and that nothing needs doing', () => {
		const body = html(waiting('photo_busy'));
		expect(body).toMatch(
			/<p[^>]*role="status"[^>]*>.*Wordt verstuurd….*Het is nu te druk om je foto te verwerken\. Wegwijs probeert het straks vanzelf opnieuw\. Je hoeft niets te doen\.(?:<\/span>)?\s*<\/p>/
		);
		// Not an alert, not a refusal: no "try again" button.
		expect(body).not.toContain('role="alert"');
		expect(body).not.toContain('Opnieuw proberen');
		expect(html(waiting('photo_busy'), 'en')).toContain('It is too busy right now');
	});

	it('says only "Wordt verstuurd…" while nothing is wrong', () => {
		expect(html(waiting())).not.toContain('te druk');
	});
});
