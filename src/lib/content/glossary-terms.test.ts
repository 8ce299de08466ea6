import { describe, expect, it } from 'vitest';
import { splitTerms, termAnchor, termsIn, withoutTermMarks } from './glossary-terms';

describe('glossary marks in content', () => {
	it('finds each marked term once, in order', () => {
		expect(termsIn('[[UWV]] en [[DigiD]] en weer [[UWV]] en [[wijkteam|wijkteams]]')).toEqual([
			'UWV',
			'DigiD',
			'wijkteam'
		]);
	});

	it('does not treat a single bracket or a link as a term', () => {
		expect(termsIn('[link](https://x.nl) en [UWV]')).toEqual([]);
	});

	it('splits text around marks and keeps the shown form', () => {
		expect(splitTerms('Het [[statushouder|statushouders]]-team')).toEqual([
			'Het ',
			{ term: 'statushouder', shown: 'statushouders' },
			'-team'
		]);
	});

	it('reads without marks for the readability measure', () => {
		expect(withoutTermMarks('Bel het [[UWV]] of de [[wijkteam|wijkteams]].')).toBe(
			'Bel het UWV of de wijkteams.'
		);
	});

	it('makes a safe anchor id from any term', () => {
		expect(termAnchor('Dienst Toeslagen')).toBe('woord-dienst-toeslagen');
		expect(termAnchor('"><script>')).toBe('woord-script');
		expect(termAnchor('ምጉዳል')).toBe('woord-x');
	});
});
