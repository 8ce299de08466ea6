import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { B1_LIMITS, b1Problems, measure, syllables } from './readability';

// Every Dutch text a client reads stays at B1 (limits and reasons: docs/READABILITY.md).

const dir = path.resolve('content');
const topics = readdirSync(path.join(dir, 'topics'))
	.filter((f) => f.endsWith('.nl.md'))
	.map((f) => ({ name: f, text: readFileSync(path.join(dir, 'topics', f), 'utf8') }));
// Texts that take effect on a later date (content/versions/<date>/) are read the same way.
const versionsDir = path.join(dir, 'versions');
const versions = readdirSync(versionsDir).flatMap((date) =>
	readdirSync(path.join(versionsDir, date))
		.filter((f) => f.endsWith('.nl.md'))
		.map((f) => ({
			name: `${date}/${f}`,
			text: readFileSync(path.join(versionsDir, date, f), 'utf8')
		}))
);
const glossary = Object.entries(
	JSON.parse(readFileSync(path.join(dir, 'glossary', 'nl.json'), 'utf8')) as Record<
		string,
		{ explanation: string }
	>
).map(([term, e]) => ({ name: `glossary ${term}`, text: e.explanation }));
const catalogue = JSON.parse(readFileSync(path.join(dir, 'instruments.json'), 'utf8')) as {
	code: string;
	texts: { nl: { summary: string; body: string } };
}[];
const instruments = catalogue.map((e) => ({
	name: `instrument ${e.code}`,
	text: `${e.texts.nl.summary}\n\n${e.texts.nl.body}`
}));

describe('Dutch syllables from the hyphenation patterns', () => {
	it('counts the syllables of common words', () => {
		expect(syllables('gemeente')).toBe(3);
		expect(syllables('uitkering')).toBe(3);
		expect(syllables('klantmanager')).toBe(4);
		expect(syllables('werk')).toBe(1);
	});
});

describe('every Dutch text reads at B1', () => {
	it.each([...topics, ...versions, ...instruments, ...glossary])('$name', ({ text }) => {
		expect(b1Problems(measure(text))).toEqual([]);
	});
});

describe('the measure catches a text above B1', () => {
	it('fails official Dutch with long sentences and long words', () => {
		const hard =
			'## Wat betekent dit voor jou\n\nIndien belanghebbende naar het oordeel van het college de verplichtingen voortvloeiende uit de Participatiewet, waaronder de arbeidsverplichtingen en de verplichtingen gericht op arbeidsinschakeling, zonder voorafgaande kennisgeving niet of onvoldoende nakomt, verlaagt het college de bijstand overeenkomstig de desbetreffende verordening.';
		const problems = b1Problems(measure(hard));
		expect(problems.some((p) => p.startsWith('average sentence'))).toBe(true);
		expect(problems.some((p) => p.startsWith('longest sentence'))).toBe(true);
		expect(problems.some((p) => p.includes('3+ syllables'))).toBe(true);
		expect(problems.some((p) => p.startsWith('Flesch-Douma'))).toBe(true);
	});

	it('passes the same message in B1', () => {
		const easy =
			'## Wat betekent dit voor jou\n\nJe moet werk zoeken. Doe je dat niet? Dan krijgt je een tijd minder geld. Vertel altijd wat er is gebeurd.';
		expect(b1Problems(measure(easy))).toEqual([]);
		expect(measure(easy).averageSentenceLength).toBeLessThan(B1_LIMITS.averageSentenceLength);
	});
});
