import { describe, expect, it } from 'vitest';
import { loadTopicVersions } from './topic-versions';
import { LANGUAGE_CODES } from '../../i18n/languages';

// Issue 17: the versions for 1 January 2027 are prepared in Dutch and all eight translations,
// each with the section headings of its language (loading checks them).

describe('dated versions in the repository', () => {
	const versions = loadTopicVersions();

	it('prepares the 1 January 2027 changes', () => {
		expect(versions.filter((v) => v.validFrom === '2027-01-01').map((v) => v.code)).toEqual(
			expect.arrayContaining([
				'tegenprestatie',
				'maatregel',
				'ontheffing',
				'werken-naast-je-uitkering'
			])
		);
	});

	it.each(versions.map((v) => [`${v.validFrom} ${v.code}`, v] as const))(
		'%s exists in all nine languages',
		(_, v) => {
			expect(Object.keys(v.texts).sort()).toEqual([...LANGUAGE_CODES].sort());
		}
	);

	it('uses the new terms in Dutch: maatschappelijke participatie, the Maatregelenbesluit', () => {
		const nl = (code: string) => versions.find((v) => v.code === code)!.texts.nl!.body;
		expect(nl('tegenprestatie')).toContain('[[maatschappelijke participatie]]');
		expect(nl('maatregel')).toContain('[[Maatregelenbesluit]]');
		expect(`${nl('maatregel')} ${nl('ontheffing')}`).not.toMatch(/\b(u|uw)\b/i);
	});

	it('calls a maatregel a reduction, never a punishment, in ar, ti and so', () => {
		const body = (code: string, lang: 'ar' | 'ti' | 'so') =>
			versions.find((v) => v.code === code)!.texts[lang]!.body;
		expect(body('maatregel', 'ar')).not.toContain('عقوبة');
		expect(body('maatregel', 'ar')).toContain('تخفيض الإعانة');
		expect(body('maatregel', 'ti')).not.toContain('ቅጽዓት');
		expect(body('maatregel', 'ti')).toContain('ምጉዳል ሓገዝ ገንዘብ');
		expect(body('maatregel', 'so')).not.toContain('ciqaab');
		expect(body('maatregel', 'so')).toMatch(/dhimista lacagta kaalmada/i);
		expect(body('maatregel', 'so')).not.toContain('rafcaan');
	});
});
