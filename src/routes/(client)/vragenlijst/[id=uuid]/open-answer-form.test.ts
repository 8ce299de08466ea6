import { describe, expect, it, vi } from 'vitest';
import { i18nContext } from '../../../../../tests/route-i18n';
import { textareaIn } from '../../../../../tests/textarea-html';
import { render } from 'svelte/server';

vi.mock('$app/state', () => ({ page: { data: {}, url: new URL('http://localhost/vragenlijst') } }));

const { default: SurveyPage } = await import('./+page.svelte');

// Without JavaScript each screen of the survey is server HTML: a refused open answer must be in
// its text area again, as typed.
function html(form: unknown) {
	const data = {
		survey: {
			invitationId: '00000000-0000-4000-8000-000000000003',
			trigger: 'periodic',
			language: 'nl',
			dueAt: new Date(Date.now() + 86_400_000).toISOString(),
			answered: false,
			expired: false,
			items: [
				{ code: 'grade', type: 'grade10', text: 'Welk cijfer geeft u?' },
				{ code: 'open', type: 'open', text: 'Wilt u nog iets zeggen?' }
			]
		},
		formKey: 'abcdefghijklmnopqrstuvwxyz',
		fetchedAt: new Date().toISOString(),
		offline: false
	};
	return render(SurveyPage, {
		props: { data, form, params: { id: data.survey.invitationId } } as never,
		context: i18nContext('/(client)/vragenlijst/[id=uuid]')
	}).body;
}

describe('the open answer of the survey, without JavaScript', () => {
	it('shows the answer the client typed again after a refusal', () => {
		const open = 'Het gesprek was fijn & duidelijk <echt>.\nMaar de wachttijd was lang.';
		const body = html({
			index: 1,
			answers: { grade: 8 },
			open,
			errors: { open: { key: 'errors.tooLong', values: { max: 1000 } } }
		});
		expect(textareaIn(body, 'open-answer')).toBe(open);
		expect(body).toMatch(/<textarea[^>]*aria-describedby="open-hint open-error"/);
		expect(body).toMatch(/<textarea[^>]*aria-invalid="true"/);
		expect(body).toMatch(/<label for="open-answer"[\s>]/);
	});

	it('starts empty on the open question when nothing was typed', () => {
		expect(textareaIn(html({ index: 1, answers: {}, open: '' }), 'open-answer')).toBe('');
	});
});
