import { expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { describeEachDatabase } from './databases';
import { glossaryEntry } from '../../src/lib/server/db/schema';
import { seedContent } from '../../src/lib/server/seed/content';
import * as glossary from '../../src/lib/server/content/glossary';
import { getInstrument, getTopic } from '../../src/lib/server/content/content';
import { LANGUAGE_CODES } from '../../src/lib/i18n/languages';

// Issue 17: words explained where they appear, per language, with a refusal for a term that
// has no entry.

describeEachDatabase('glossary', (database) => {
	it('seeds an entry for every term in all nine languages, as concept', async () => {
		const { db } = database();
		await seedContent(db);
		const rows = await glossary.listGlossary(db);
		const counts = glossary.glossaryCounts(rows, LANGUAGE_CODES);
		for (const c of counts) {
			expect(c.total).toBeGreaterThanOrEqual(11);
			expect(c.missing).toEqual([]);
			expect(c.concept).toBe(c.total);
		}
	});

	it('explains the marked words of a topic in the reader’s language', async () => {
		const { db } = database();
		const view = await getTopic(db, 'bezwaar-en-klachten', 'ar', null, '2026-12-07');
		const ombudsman = view!.glossary.find((g) => g.term === 'ombudsman');
		expect(ombudsman).toMatchObject({ label: 'أمين المظالم (ombudsman)', fallback: false });
		const instrument = await getInstrument(db, 'werkervaringsplaats', 'nl');
		expect(instrument!.glossary.map((g) => g.term)).toContain('werkervaringsovereenkomst');
	});

	it('falls back to the Dutch explanation, marked, when a language lacks the entry', async () => {
		const { db } = database();
		await db
			.delete(glossaryEntry)
			.where(and(eq(glossaryEntry.language, 'so'), eq(glossaryEntry.term, 'ombudsman')));
		const view = await getTopic(db, 'bezwaar-en-klachten', 'so', null, '2026-12-07');
		expect(view!.glossary.find((g) => g.term === 'ombudsman')).toMatchObject({
			label: 'ombudsman',
			fallback: true
		});
	});

	it('names the terms a text marks without an entry in its language', async () => {
		const { db } = database();
		expect(
			await glossary.unknownTerms(db, 'nl', 'Bel het [[UWV]] of [[Belastingdienst]].')
		).toEqual(['Belastingdienst']);
		// Somali lost its ombudsman entry above: a Somali text may not mark it.
		expect(await glossary.unknownTerms(db, 'so', 'Tag [[ombudsman]].')).toEqual(['ombudsman']);
		expect(await glossary.unknownTerms(db, 'nl', 'Geen woorden.')).toEqual([]);
	});
});
