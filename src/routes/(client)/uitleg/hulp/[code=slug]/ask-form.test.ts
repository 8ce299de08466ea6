import { describe, expect, it, vi } from 'vitest';
import { i18nContext } from '../../../../../../tests/route-i18n';
import { textareaIn } from '../../../../../../tests/textarea-html';
import { render } from 'svelte/server';

// The read-aloud button asks the page store whether the client turned it off.
vi.mock('$app/state', () => ({ page: { data: {}, url: new URL('http://localhost/uitleg/hulp') } }));

const { default: HelpPage } = await import('./+page.svelte');

// Without JavaScript a refused question comes back as server HTML: the message the client typed
// must be in the text area again (it came back empty: Svelte's server rendering drops a
// textarea's defaultValue).
function html(form: unknown) {
	const data = {
		instrument: {
			id: '00000000-0000-4000-8000-000000000002',
			code: 'schuldhulp',
			segments: [],
			minAge: null,
			maxAge: null,
			forStatushouders: false,
			name: 'Schuldhulp',
			summary: 'Hulp als je schulden hebt.',
			asked: false,
			review: { status: 'concept', checkedBy: null, dienst: null, checkedAt: null },
			blocks: [],
			glossary: [],
			fallback: false
		},
		recording: null,
		thread: [],
		formKey: 'abcdefghijklmnopqrstuvwxyz',
		fetchedAt: new Date().toISOString(),
		offline: false
	};
	return render(HelpPage, {
		props: { data, form, params: { code: 'schuldhulp' } } as never,
		context: i18nContext('/(client)/uitleg/hulp/[code=slug]')
	}).body;
}

describe('the question about an instrument, without JavaScript', () => {
	it('shows the message the client typed again after a refusal', () => {
		const message = 'Ik heb 3 schulden & weet niet <waar> ik moet beginnen.\nWie kan mij helpen?';
		const body = html({ values: { message }, error: 'invalid' });
		expect(textareaIn(body, 'message')).toBe(message);
		// The refusal is said, and the text area keeps its hint and its limit.
		expect(body).toContain('role="alert"');
		expect(body).toMatch(/<textarea[^>]*aria-describedby="message-hint"/);
		expect(body).toMatch(/<textarea[^>]*maxlength="500"/);
		expect(body).toMatch(/<label for="message"[\s>]/);
	});

	it('starts empty when nothing was sent yet', () => {
		expect(textareaIn(html(null), 'message')).toBe('');
	});
});
