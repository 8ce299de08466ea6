import { expect, it, vi } from 'vitest';
import { render } from 'svelte/server';
import { and, eq } from 'drizzle-orm';
import { describeEachDatabase } from './databases';
import { seedDemo } from '../../src/lib/server/seed/demo';
import { SURVEY_TEXTS } from '../../src/lib/server/seed/survey-texts';
import { instrument, instrumentText, surveyText } from '../../src/lib/server/db/schema';
import { messagesForRoute, translatorFor } from '../../src/lib/i18n/messages.server';
import { I18N_CONTEXT, Translator } from '../../src/lib/i18n/context.svelte';
import { DATE_LOCALES } from '../../src/lib/date-locales';
import type { Language } from '../../src/lib/i18n/languages';
import type { Db } from '../../src/lib/server/db/open';
import { load } from '../../src/routes/rapportage/+page.server';
import { GET as csvGet } from '../../src/routes/rapportage/csv/[table=slug]/+server';
import ReportPage from '../../src/routes/rapportage/+page.svelte';

// The council report in the reader's language (issue #13): the statements clients answered and
// the instruments' names are shown as the reader reads them where a translation exists (the
// clients read the same translations), else in Dutch marked lang="nl" so a screen reader
// pronounces them as Dutch. The CSV is the council's file: its statements and instrument
// names stay the Dutch ones of the published report, whoever downloads it.

vi.mock('$app/state', () => import('./app-state-stub'));

const now = new Date('2026-08-13T08:00:00Z');
const search = 'kwartaal=2026-Q2';

/** What the server sends a reporter reading in `lang`: the page's data and its HTML. */
async function pageFor(db: Db, lang: Language) {
	const locals = {
		db,
		lang,
		t: translatorFor(lang),
		user: { id: 'reporter', roles: ['reporter'] }
	} as unknown as App.Locals;
	const url = new URL(`http://localhost/rapportage?${search}`);
	// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the load outside SvelteKit
	const data = (await load({ locals, url } as any)) as Record<string, unknown>;
	const tr = new Translator(lang, messagesForRoute(lang, '/rapportage'), DATE_LOCALES[lang]);
	// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the page outside SvelteKit
	const html = render(ReportPage as any, {
		props: { data },
		context: new Map([[I18N_CONTEXT, tr]])
	}).body;
	return { html, locals };
}

/** The satisfaction table's download as a reader of `locals.lang` gets it. */
async function csvFor(locals: App.Locals, table: string) {
	const url = new URL(`http://localhost/rapportage/csv/${table}?${search}`);
	// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the endpoint outside SvelteKit
	const res = await csvGet({ locals, url, params: { table } } as any);
	return res.text();
}

/** Instruments used in the demo whose name differs between Dutch and `lang`. */
async function translatedNames(db: Db, lang: Language) {
	const rows = await db
		.select({ id: instrument.id, language: instrumentText.language, name: instrumentText.name })
		.from(instrument)
		.innerJoin(instrumentText, eq(instrumentText.instrumentId, instrument.id));
	const nl = new Map(rows.filter((r) => r.language === 'nl').map((r) => [r.id, r.name]));
	return rows
		.filter((r) => r.language === lang && nl.has(r.id) && nl.get(r.id) !== r.name)
		.map((r) => ({ id: r.id, nl: nl.get(r.id)!, name: r.name }));
}

const escaped = (s: string) =>
	s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
/** Whether the server's HTML shows `text` (without printing the whole page when it fails). */
const has = (html: string, text: string) => html.includes(escaped(text));

describeEachDatabase('the council report in the reader’s language', (database) => {
	it('shows an English reader the statements and instrument names in English, unmarked; the CSV keeps them Dutch', async () => {
		const { db } = database();
		expect(await seedDemo(db, { now })).toBe(true);
		const { html, locals } = await pageFor(db, 'en');
		for (const code of ['serious', 'together', 'easy', 'fits', 'closer', 'rights']) {
			expect(has(html, SURVEY_TEXTS.en[code]!), code).toBe(true);
			expect(has(html, SURVEY_TEXTS.nl[code]!), code).toBe(false);
		}
		const names = await translatedNames(db, 'en');
		const shown = names.filter((n) => has(html, n.name));
		// The demo's instruments are used in the quarter (inzet, effect, the split by instrument).
		expect(shown.length).toBeGreaterThan(2);
		// (Many English names carry the Dutch word in brackets, as clients read them.)
		const withoutEnglish = names.reduce((h, n) => h.split(escaped(n.name)).join(''), html);
		for (const n of shown) expect(has(withoutEnglish, n.nl), n.nl).toBe(false);
		// A translated label is the page's language: nothing on it says Dutch.
		expect(/lang="nl"/.test(html)).toBe(false);

		const csv = await csvFor(locals, 'satisfaction');
		expect(csv).toContain(SURVEY_TEXTS.nl.serious);
		expect(csv).not.toContain(SURVEY_TEXTS.en.serious);
		const uses = await csvFor(locals, 'uses-instrument');
		expect(shown.some((n) => uses.includes(n.nl))).toBe(true);
	}, 300_000);

	it('shows an Arabic reader the statements in Arabic', async () => {
		const { db } = database();
		const { html } = await pageFor(db, 'ar');
		for (const code of ['serious', 'together', 'easy', 'fits', 'closer', 'rights']) {
			expect(has(html, SURVEY_TEXTS.ar[code]!), code).toBe(true);
			expect(has(html, SURVEY_TEXTS.nl[code]!), code).toBe(false);
		}
		const names = await translatedNames(db, 'ar');
		expect(names.filter((n) => has(html, n.name)).length).toBeGreaterThan(2);
	}, 300_000);

	it('without a translation, the Dutch statement or name is shown marked lang="nl"', async () => {
		const { db } = database();
		// No Somali questions at all, and one instrument without a Somali text.
		await db.delete(surveyText).where(eq(surveyText.language, 'so'));
		const [first] = await translatedNames(db, 'so');
		expect(first).toBeDefined();
		await db
			.delete(instrumentText)
			.where(and(eq(instrumentText.instrumentId, first!.id), eq(instrumentText.language, 'so')));
		const { html } = await pageFor(db, 'so');
		for (const code of ['serious', 'together', 'easy', 'fits', 'closer', 'rights']) {
			const dutch = escaped(SURVEY_TEXTS.nl[code]!);
			expect(html.includes(dutch), code).toBe(true);
			// Every place the Dutch statement is shown carries lang="nl" on the element holding it.
			const all = html.split(dutch).length - 1;
			const marked = html.split(new RegExp(`lang="nl"[^>]*>${reEscape(dutch)}<`)).length - 1;
			expect(marked, code).toBe(all);
		}
		const name = escaped(first!.nl);
		expect(new RegExp(`lang="nl"[^>]*>${reEscape(name)}<`).test(html)).toBe(true);
		// The other instruments keep their Somali names, unmarked.
		const others = (await translatedNames(db, 'so')).filter((n) => has(html, n.name));
		expect(others.length).toBeGreaterThan(0);
		for (const n of others)
			expect(new RegExp(`lang="nl"[^>]*>${reEscape(escaped(n.name))}<`).test(html), n.name).toBe(
				false
			);
	}, 300_000);
});

function reEscape(s: string) {
	return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
