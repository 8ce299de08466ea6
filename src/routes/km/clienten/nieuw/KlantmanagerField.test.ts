import { describe, expect, it } from 'vitest';
import { i18nContext } from '../../../../../tests/route-i18n';
import { render } from 'svelte/server';
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
	return render(KlantmanagerField, {
		props: { gemeenten: list, klantmanagers, gemeenteId, value: 'sanne' },
		context: i18nContext('/km/clienten/nieuw')
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

	// Oosterveld: nobody on the list works for it (as for a new gemeente, or a klantmanager who
	// ticked only other gemeenten). The form said nothing: an empty list, no way on.
	const withOosterveld = [
		...gemeenten,
		{ id: 'g-oosterveld', name: 'Oosterveld', klantmanagerIds: [] as string[] }
	];
	const told =
		'Voor Oosterveld is er nog geen klantmanager die je kunt kiezen. Vraag een beheerder om in te stellen welke klantmanager voor Oosterveld werkt.';
	const text = (body: string) => body.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

	it('a gemeente without a klantmanager, chosen: says so and what to do, also to a screen reader', () => {
		const body = html('g-oosterveld', withOosterveld);
		expect(offered(body)).toEqual([]);
		// Next to the list, linked to it, and in a status region that is read out on the change.
		expect(body).toMatch(/<select[^>]*aria-describedby="klantmanagerId-hint"/);
		expect(body).toMatch(new RegExp(`id="klantmanagerId-hint"[^>]*>${told}<`));
		expect(body).toMatch(new RegExp(`role="status"[^>]*>${told}<`));
		// A gemeente with klantmanagers says nothing of the kind.
		expect(text(html('g-brakeloo', withOosterveld))).not.toContain('nog geen klantmanager');
	});

	it('without JavaScript: no empty group, and the gemeente without a klantmanager is named', () => {
		const body = html(null, withOosterveld);
		expect(offered(body)).toEqual([
			'[Brakeloo]',
			'Petra de Wit',
			'Sanne Bakker',
			'[Lindewaard]',
			'Petra de Wit'
		]);
		expect(text(body)).toContain(told);
	});
});
