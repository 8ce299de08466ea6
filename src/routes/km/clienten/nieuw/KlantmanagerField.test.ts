import { describe, expect, it } from 'vitest';
import { render } from 'svelte/server';
import { messagesForRoute } from '$lib/i18n/messages.server';
import { I18N_CONTEXT, Translator } from '$lib/i18n/context.svelte';
import { DATE_LOCALES } from '$lib/date-locales';
import KlantmanagerField from './KlantmanagerField.svelte';

// Sanne works for Brakeloo only, Petra for every gemeente (as intakeChoices reports them).
const gemeenten = [
	{ id: 'g-brakeloo', name: 'Brakeloo', klantmanagerIds: ['petra', 'sanne'] },
	{ id: 'g-lindewaard', name: 'Lindewaard', klantmanagerIds: ['petra'] }
];
const klantmanagers = [
	{ id: 'petra', name: 'Petra de Wit' },
	{ id: 'sanne', name: 'Sanne Bakker' }
];

function html(gemeenteId: string | null, list = gemeenten) {
	const i18n = new Translator('nl', messagesForRoute('nl', '/km/clienten/nieuw'), DATE_LOCALES.nl);
	return render(KlantmanagerField, {
		props: { gemeenten: list, klantmanagers, gemeenteId, value: 'sanne' },
		context: new Map([[I18N_CONTEXT, i18n]])
	}).body;
}
/** The option labels in order, each after the label of its group (if any). */
function offered(body: string): string[] {
	return [...body.matchAll(/<optgroup label="([^"]*)"|<option [^>]*>([^<]*)</g)].map((m) =>
		m[1] !== undefined ? `[${m[1]}]` : m[2]!
	);
}

describe('the contact klantmanager on the intake form', () => {
	it('without JavaScript: a group per gemeente with only its own klantmanagers', () => {
		expect(offered(html(null))).toEqual([
			'[Brakeloo]',
			'Petra de Wit',
			'Sanne Bakker',
			'[Lindewaard]',
			'Petra de Wit'
		]);
	});

	it('with the gemeente chosen: only the klantmanagers who work for it', () => {
		expect(offered(html('g-lindewaard'))).toEqual(['Petra de Wit']);
		expect(offered(html('g-brakeloo'))).toEqual(['Petra de Wit', 'Sanne Bakker']);
	});

	it('one gemeente: a plain list, no groups', () => {
		expect(offered(html(null, [gemeenten[0]!]))).toEqual(['Petra de Wit', 'Sanne Bakker']);
	});
});
