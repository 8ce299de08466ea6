import { describe, expect, it, vi } from 'vitest';
import { i18nContext } from '../../../../../tests/route-i18n';
import { textareaIn } from '../../../../../tests/textarea-html';
import { render } from 'svelte/server';

// The read-aloud button asks the page store whether the client turned it off.
vi.mock('$app/state', () => ({ page: { data: {}, url: new URL('http://localhost/afspraken') } }));

const { default: AppointmentPage } = await import('./+page.svelte');

// Without JavaScript a refused change request comes back as server HTML: the reason the client
// typed must be in the text area again (it came back empty: Svelte's server rendering drops a
// textarea's defaultValue).
const ID = '00000000-0000-4000-8000-000000000001';
const tomorrow = new Date(Date.now() + 86_400_000);

function html(form: unknown) {
	const data = {
		appointment: {
			id: ID,
			startsAt: tomorrow.toISOString(),
			endsAt: new Date(tomorrow.getTime() + 3_600_000).toISOString(),
			kind: 'in_person',
			place: 'Werkplein, Stationsstraat 12',
			videoUrl: null,
			purpose: 'Gesprek over je plan',
			bring: null,
			status: 'planned',
			staffName: 'Sanne de Vries',
			staffPhone: null,
			request: null
		},
		thread: [],
		formKey: 'abcdefghijklmnopqrstuvwxyz',
		fetchedAt: new Date().toISOString(),
		offline: false
	};
	return render(AppointmentPage, {
		props: { data, form, params: { id: ID } } as never,
		context: i18nContext('/(client)/afspraken/[id=uuid]')
	}).body;
}

describe('the change request on an appointment, without JavaScript', () => {
	it('shows the reason the client typed again after a refusal', () => {
		const reason = 'Mijn dochter is ziek & ik moet bij haar blijven.\nKan het volgende week?';
		const body = html({ values: { kind: 'other_time', reason }, error: 'reason_too_long' });
		expect(textareaIn(body, 'reason')).toBe(reason);
		// The choice made stays too, and the refusal is said.
		expect(body).toMatch(/<input[^>]*value="other_time"[^>]*checked/);
		expect(body).toContain('role="alert"');
	});

	it('starts empty when nothing was sent yet', () => {
		expect(textareaIn(html(null), 'reason')).toBe('');
	});
});
