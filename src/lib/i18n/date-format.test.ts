import { describe, expect, it } from 'vitest';
import { dateFormat } from '../dates';
import { intlLocale } from './languages';

describe('dates on the pages', () => {
	it('are formatted as a fresh Intl.DateTimeFormat would, in Amsterdam time', () => {
		const at = new Date('2026-03-29T00:30:00Z'); // 01:30 in Amsterdam, just before summer time
		for (const lang of ['nl', 'ar', 'fa'] as const) {
			for (const options of [
				{ dateStyle: 'long' },
				{ timeStyle: 'short' },
				{ dateStyle: 'full', timeStyle: 'short' }
			] as Intl.DateTimeFormatOptions[]) {
				const fresh = new Intl.DateTimeFormat(intlLocale(lang), {
					timeZone: 'Europe/Amsterdam',
					...options
				});
				expect(dateFormat(lang, options).format(at)).toBe(fresh.format(at));
			}
		}
		expect(dateFormat('nl', { timeStyle: 'short' }).format(at)).toBe('01:30');
	});

	it('reuses one formatter per language and options instead of making one per date', () => {
		expect(dateFormat('nl', { dateStyle: 'medium' })).toBe(
			dateFormat('nl', { dateStyle: 'medium' })
		);
		expect(dateFormat('nl', { dateStyle: 'medium' })).not.toBe(
			dateFormat('en', { dateStyle: 'medium' })
		);
	});
});
