import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../i18n/languages';
import { THRESHOLD } from '../report/suppression';
import { HELD_BATCH_MIN } from './held-answers';

// What the survey screens promise must not be more than what holds (docs/DOMAIN.md, the
// privacy topic): the klantmanager never sees answers, and answers are shown only in groups of
// at least THRESHOLD. Until a held batch of HELD_BATCH_MIN answers moves on, a database
// administrator could still tell whose they are — so no screen may say "nobody can see what
// you answered" without that, and the profile page says when linking stops.
const messages = (lang: string) =>
	JSON.parse(readFileSync(`messages/${lang}.json`, 'utf8')) as {
		survey: { thanksText: string; anonymous: string; homeText_one: string };
		profile: { data: { anonymousNote: string } };
	};
/** Arabic-Indic and Persian digits read as 0–9. */
const digits = (s: string) =>
	s.replace(/[\u0660-\u0669\u06F0-\u06F9]/g, (d) => String(d.charCodeAt(0) & 0xf));

describe('survey promises', () => {
	it('name the group size of the report and of the held answers', () => {
		expect(THRESHOLD).toBe(HELD_BATCH_MIN);
	});
	it.each(LANGUAGES.map((l) => l.code))(
		'%s: says answers show only in groups of 10 or more',
		(lang) => {
			const m = messages(lang);
			expect(digits(m.survey.thanksText)).toContain(String(THRESHOLD));
			expect(digits(m.profile.data.anonymousNote)).toContain(String(HELD_BATCH_MIN));
		}
	);
	it('Dutch: no "nobody can see" and no bare "anoniem" claim before the wait is told', () => {
		const m = messages('nl');
		for (const text of [m.survey.thanksText, m.survey.anonymous, m.survey.homeText_one]) {
			expect(text).not.toMatch(/niemand kan zien|is anoniem|zijn anoniem/i);
		}
		expect(m.profile.data.anonymousNote).toMatch(/wachten eerst/);
	});
});
