import { describe, expect, it } from 'vitest';
import { groupLanguages, languageColumns } from './language-groups';

const offers = new Map<string, readonly string[]>([
	['a', ['nl', 'en', 'ar', 'tr', 'so']],
	['b', ['nl', 'uk']]
]);
const row = (m: string, c: string, n: number) => ({ m, c, item: 'serious', value: 4, n });

describe('language groups are the languages the gemeente offers', () => {
	it('keeps an offered language as its own group, also the ones beyond nl, en and ar', () => {
		const out = groupLanguages([row('a', 'tr', 3), row('a', 'so', 2), row('b', 'uk', 4)], offers);
		expect(out).toEqual([row('a', 'tr', 3), row('a', 'so', 2), row('b', 'uk', 4)]);
	});

	it('counts a language the gemeente does not offer as "Andere taal", added to the others', () => {
		const out = groupLanguages(
			[row('b', 'ar', 2), row('b', 'tr', 1), row('b', 'other', 5), row('b', 'nl', 7)],
			offers
		);
		expect(out).toEqual([row('b', 'other', 8), row('b', 'nl', 7)]);
	});

	it('shows a gemeente only its own languages and "Andere taal"; the dienst every offer', () => {
		const seen = ['nl', 'en', 'ar', 'tr', 'uk', 'so', 'other'];
		expect(languageColumns(seen, offers, 'b')).toEqual(['nl', 'uk', 'other']);
		expect(languageColumns(seen, offers, 'a')).toEqual(['nl', 'en', 'ar', 'tr', 'so', 'other']);
		expect(languageColumns(seen, offers, null)).toEqual(seen);
	});
});
