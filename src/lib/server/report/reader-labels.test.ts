import { describe, expect, it } from 'vitest';
import { chooseLabels } from './reader-labels';

const dutch = {
	itemTexts: { serious: 'De medewerker nam mij serieus.', fits: 'De hulp past bij mij.' },
	instrumentNames: { i1: 'Jobcoaching', i2: 'Taalmaatje' }
};
const v1 = {
	nl: { serious: 'De medewerker nam mij serieus.', fits: 'De hulp past bij mij.' },
	reader: { serious: 'The staff member took me seriously.', fits: 'The help fits me.' }
};

describe('the report’s statements and instrument names for its reader', () => {
	it('takes the translation of the same Dutch words, and the instrument’s translated name', () => {
		const out = chooseLabels(dutch, 'en', [v1], { i1: 'Job coaching', i2: 'Language buddy' });
		expect(out).toEqual({
			items: {
				serious: { text: 'The staff member took me seriously.' },
				fits: { text: 'The help fits me.' }
			},
			instruments: { i1: { text: 'Job coaching' }, i2: { text: 'Language buddy' } }
		});
	});

	it('keeps the Dutch text, marked Dutch, without a translation (missing or empty)', () => {
		const partly = { nl: v1.nl, reader: { serious: '  ' } };
		const out = chooseLabels(dutch, 'so', [partly], { i1: 'Tababaraha shaqada' });
		expect(out.items.serious).toEqual({ text: 'De medewerker nam mij serieus.', lang: 'nl' });
		expect(out.items.fits).toEqual({ text: 'De hulp past bij mij.', lang: 'nl' });
		expect(out.instruments).toEqual({
			i1: { text: 'Tababaraha shaqada' },
			i2: { text: 'Taalmaatje', lang: 'nl' }
		});
	});

	it('does not translate a question reworded since the report was published', () => {
		const reworded = {
			nl: { ...v1.nl, fits: 'De hulp past bij mijn situatie.' },
			reader: { ...v1.reader, fits: 'The help fits my situation.' }
		};
		const out = chooseLabels(dutch, 'en', [reworded], {});
		expect(out.items.fits).toEqual({ text: 'De hulp past bij mij.', lang: 'nl' });
		// Another survey version with the report's words does translate it.
		expect(chooseLabels(dutch, 'en', [reworded, v1], {}).items.fits).toEqual({
			text: 'The help fits me.'
		});
	});

	it('marks nothing for a Dutch reader', () => {
		const out = chooseLabels(dutch, 'nl', [v1], { i1: 'Job coaching' });
		expect(out.items.serious).toEqual({ text: 'De medewerker nam mij serieus.' });
		expect(out.instruments.i1).toEqual({ text: 'Jobcoaching' });
	});
});
