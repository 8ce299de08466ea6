import { describe, expect, it } from 'vitest';
import { LANGUAGE_CODES } from '$lib/i18n/languages';
import { scriptOf } from './script-fonts';

describe('scriptOf', () => {
	it('needs a web font only for languages in Arabic or Ethiopic script', () => {
		const withFont = LANGUAGE_CODES.filter((l) => scriptOf(l) !== null);
		expect(withFont).toEqual(['ar', 'fa', 'prs', 'ti']);
		expect(scriptOf('prs')).toBe('arabic');
		expect(scriptOf('ti')).toBe('ethiopic');
	});
});
