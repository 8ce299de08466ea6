import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentDir } from './content-files';
import { loadTopicContent, topicBlocks } from './topics';
import { loadTopicVersions } from './topic-versions';

// Issue 17: a maatregel is a reduction of the benefit, not a punishment, and bezwaar is an
// objection to the gemeente, not an appeal to a court. Arabic, Tigrinya and Somali used the
// words for "punishment" and "court appeal" for them. This test reads every current text of
// those languages (topics, dated versions, glossary, instruments and plans, UI strings) and
// fails on any of those words, with two precise exceptions:
// - a word for punishment where the Dutch block at the same place says "straf" itself
//   ("Je krijgt geen straf": no penalty of any kind), at most as often as the Dutch says it;
// - a word for a court appeal in a sentence that says this is NOT a court appeal (the glossary
//   explains bezwaar that way), i.e. a sentence with a negation and the word for court.

type Lang = 'ar' | 'ti' | 'so' | 'fa' | 'prs';

interface Rule {
	/** The words for "punishment" (any form). */
	punishment: RegExp;
	/** The words for "appeal to a court" (any form). */
	appeal: RegExp;
	/** A sentence that says "this is not (an appeal to) a court". */
	notACourt: RegExp;
}

// Arabic is matched without its short-vowel marks, so "تُعاقَب" is caught as "تعاقب".
const RULES: Record<Lang, Rule> = {
	ar: {
		punishment: /عقوب|عقاب|عاقب/,
		appeal: /طعن|استئناف/,
		notACourt: /(ليس|ليست).*المحكمة/
	},
	// Tigrinya root ቐ-ጸ-ዐ (to punish) in any vowel order: ቅጽዓት, ኣይትቕጽዑን, መቕጻዕቲ. Not ቕጽበት
	// (moment) or ዝቕጽል (next), which are other roots.
	ti: {
		punishment: /[ቀ-ቆቐ-ቖ][ጸ-ጾ][ዐ-ዖ]/,
		appeal: /ይግባ/,
		notACourt: /ፍርዲ.*ኣይኮነን/
	},
	so: {
		punishment: /ciqaab/i,
		appeal: /rafcaan|racfaan/i,
		notACourt: /maaha.*maxkamad/i
	},
	// Farsi and Dari: مجازات, تنبیه, کیفر and جزا (not اجزا, parts) are punishment; a maatregel
	// is «کاهش کمک‌هزینه» / «کاهش کمک مالی» (a reduction of the benefit). جریمه is a fine:
	// right for a boete, so it is not listed.
	// A court appeal is تجدیدنظر or فرجام; bezwaar is اعتراض (an objection to the gemeente).
	fa: {
		punishment: /مجازات|تنبیه|کیفر|(?<!ا)جزا/,
		appeal: /تجدید ?\u200c?نظر|فرجام/,
		notACourt: /دادگاه.*نیست/
	},
	prs: {
		punishment: /مجازات|تنبیه|کیفر|(?<!ا)جزا/,
		appeal: /تجدید ?\u200c?نظر|فرجام/,
		notACourt: /دادگاه.*نیست/
	}
};

const LANGS = Object.keys(RULES) as Lang[];

const plain = (text: string) => text.normalize('NFC').replace(/[\u064B-\u0652\u0670\u0640]/g, '');
const sentences = (text: string) =>
	plain(text)
		.split(/(?<=[.!?؟።፧])\s+/)
		.map((s) => s.trim())
		.filter(Boolean);

/** What a text says with the old words: each offending sentence, with where it is. */
function offences(lang: Lang, where: string, text: string, dutchStraf = 0): string[] {
	const rule = RULES[lang];
	const found: string[] = [];
	let punishments = 0;
	for (const s of sentences(text)) {
		if (rule.appeal.test(s) && !rule.notACourt.test(s)) found.push(`${where}: ${s}`);
		if (rule.punishment.test(s) && ++punishments > dutchStraf) found.push(`${where}: ${s}`);
	}
	return found;
}

// "boete" is a fine: a real penalty, and the words for punishment fit it (ti "ናይ ገንዘብ መቕጻዕቲ").
const STRAF = /\b(straf|boete)\b/i;

/** A topic text compared block by block with the Dutch text it translates. */
function topicOffences(lang: Lang, where: string, body: string, title: string, dutch: string) {
	const blocks = topicBlocks(body);
	const nl = topicBlocks(dutch);
	const aligned = blocks.length === nl.length;
	const found = offences(lang, `${where} (title)`, title);
	blocks.forEach((b, i) => {
		const straf = aligned ? sentences(nl[i]!.text).filter((s) => STRAF.test(s)).length : 0;
		found.push(...offences(lang, `${where} block ${i + 1}`, b.text, straf));
	});
	return found;
}

function strings(value: unknown): string[] {
	if (typeof value === 'string') return [value];
	if (Array.isArray(value)) return value.flatMap(strings);
	if (value && typeof value === 'object') return Object.values(value).flatMap(strings);
	return [];
}

const dir = contentDir();
const topics = loadTopicContent(dir);
const versions = loadTopicVersions(dir);

function allOffences(lang: Lang): string[] {
	const found: string[] = [];
	for (const t of topics) {
		const text = t.translations[lang];
		if (text)
			found.push(...topicOffences(lang, `topics/${t.code}`, text.body, text.title, t.nl.body));
	}
	for (const v of versions) {
		const text = v.texts[lang];
		if (text)
			found.push(
				...topicOffences(
					lang,
					`versions/${v.validFrom}/${v.code}`,
					text.body,
					text.title,
					v.texts.nl!.body
				)
			);
	}
	const jsonFiles = [
		...readdirSync(dir)
			.filter((f) => f.endsWith(`.${lang}.json`))
			.map((f) => path.join(dir, f)),
		path.join(dir, 'glossary', `${lang}.json`),
		path.resolve('messages', `${lang}.json`)
	];
	for (const file of jsonFiles) {
		const where = path.relative(path.resolve('.'), file);
		for (const s of strings(JSON.parse(readFileSync(file, 'utf8'))))
			found.push(...offences(lang, where, s));
	}
	return found;
}

describe('maatregel and bezwaar in Arabic, Tigrinya, Somali, Farsi and Dari', () => {
	it.each(LANGS)('%s: no word for punishment or court appeal stands for them', (lang) => {
		expect(allOffences(lang)).toEqual([]);
	});

	it('catches the old words in every form, and not the look-alike words', () => {
		expect(offences('ar', 'x', 'هل تسبّب لك العقوبة مشاكل؟')).toHaveLength(1);
		expect(offences('ar', 'x', 'لن تُعاقَب.')).toHaveLength(1);
		expect(offences('ar', 'x', 'لن تُعاقَب.', 1)).toEqual([]);
		expect(offences('ar', 'x', 'قدّم طعنًا.')).toHaveLength(1);
		expect(offences('ar', 'x', 'هذا ليس طعنًا أمام المحكمة.')).toEqual([]);
		expect(offences('ti', 'x', 'ቅጽዓት ኣይወሃበኩምን።')).toHaveLength(1);
		expect(offences('ti', 'x', 'ኣይትቕጽዑን።')).toHaveLength(1);
		expect(offences('ti', 'x', 'ዝቕጽል ቆጸራ። ብቕጽበት ንገሩ።')).toEqual([]);
		expect(offences('so', 'x', 'Ciqaabtu way sii jiraysaa.')).toHaveLength(1);
		expect(offences('so', 'x', 'Gudbi rafcaanka.')).toHaveLength(1);
		expect(offences('so', 'x', 'Tani maaha rafcaan maxkamadeed.')).toEqual([]);
		expect(offences('fa', 'x', 'مجازات: وظایف دیگر')).toHaveLength(1);
		expect(offences('fa', 'x', 'به این اقدام تنبیهی می‌گویند.')).toHaveLength(1);
		expect(offences('prs', 'x', 'به این اقدام جزایی می‌گویند.')).toHaveLength(1);
		expect(offences('prs', 'x', 'جزا نمی‌بینید.', 1)).toEqual([]);
		expect(offences('prs', 'x', 'همهٔ اجزای پلان. کاهش کمک مالی (maatregel).')).toEqual([]);
		expect(offences('fa', 'x', 'جریمهٔ اداری. اعتراض کنید.')).toEqual([]);
	});

	it('allows a word for punishment only where the Dutch block says "straf", as often as it does', () => {
		const nl = '## A\n\nDan krijg je geen maatregel.\n\n## B\n\nJe krijgt geen straf.';
		const ok = '## A\n\nMarkaas lacagtaada lama dhimayo.\n\n## B\n\nCiqaab kuma helaysid.';
		const wrong = '## A\n\nMarkaas ciqaab ma helaysid.\n\n## B\n\nCiqaab kuma helaysid.';
		expect(topicOffences('so', 'x', ok, 'T', nl)).toEqual([]);
		expect(topicOffences('so', 'x', wrong, 'T', nl)).toEqual([
			'x block 2: Markaas ciqaab ma helaysid.'
		]);
	});
});
