import { describe, expect, it } from 'vitest';
import { entrySchema } from './glossary-form';

// The glossary editor refuses what content cannot mark or a reader should not see.

const ok = {
	term: 'Belastingdienst',
	label: 'Belastingdienst',
	explanation: 'De dienst die belasting int.'
};
const errorOf = (input: Record<string, string>) => {
	const r = entrySchema.safeParse(input);
	return r.success ? null : r.error.issues.map((i) => `${String(i.path[0])}: ${i.message}`);
};

describe('a glossary entry', () => {
	it('takes a term, a label and a sentence in any of our scripts', () => {
		expect(errorOf(ok)).toBeNull();
		expect(errorOf({ ...ok, explanation: 'مؤسسة تجمع الضرائب في هولندا؟' })).toBeNull();
		expect(errorOf({ ...ok, explanation: 'ናይ ግብሪ ቤት ጽሕፈት ሆላንድ እዩ።' })).toBeNull();
		expect(errorOf({ ...ok, term: 'Dienst Toeslagen' })).toBeNull();
	});

	it('refuses a term content could not mark', () => {
		for (const term of ['[[UWV]]', 'a|b', '1UWV', 'UWV<script>', 'x'])
			expect(errorOf({ ...ok, term }), term).not.toBeNull();
	});

	it('refuses an explanation that is no sentence, or holds marks, tags or control characters', () => {
		expect(errorOf({ ...ok, explanation: 'De dienst die belasting int' })).toEqual([
			'explanation: admin.glossary.errors.sentence'
		]);
		for (const explanation of [
			'Zie [[UWV]] voor meer.',
			'Een <b>vette</b> zin.',
			'Een\u0000zin die stuk is.'
		])
			expect(errorOf({ ...ok, explanation }), explanation).toEqual([
				'explanation: admin.glossary.errors.plainOnly'
			]);
	});
});
