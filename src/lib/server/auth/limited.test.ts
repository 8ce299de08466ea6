import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { limitedError } from './limited';
import { createI18n, type Messages } from '../../i18n/index';
import { LANGUAGES } from '../../i18n/languages';

describe('the "too many attempts" message says when to try again', () => {
	const now = new Date('2026-12-07T09:00:20Z'); // 10:00 in Amsterdam
	it.each(LANGUAGES.map((l) => l.code))('in %s, as a clock time in Amsterdam', (lang) => {
		const messages = JSON.parse(readFileSync(`messages/${lang}.json`, 'utf8')) as Messages;
		const error = limitedError(lang, 14 * 60 + 30, now).form!;
		expect(error.key).toBe('login.limited');
		const text = createI18n(lang, messages).t(error.key, error.values);
		// 10:00:20 + 14:30 = 10:14:50, shown as the next whole minute.
		expect(text).toContain('10:15');
		const soon = limitedError(lang, 5, now).form!;
		expect(createI18n(lang, messages).t(soon.key, soon.values)).toContain('10:01');
	});
});
