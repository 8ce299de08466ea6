import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { SURVEY_TEXTS } from '../seed/survey-texts';
import { informalForms, type FormalLanguage } from './formal-address';

// Turkish and Ukrainian address the reader formally everywhere a client or member of staff reads
// them (issue 17; docs/style/tr.md, docs/style/uk.md): never "sen" / "ти", never mixed in a text.

describe('the informal-address detector', () => {
	it.each([
		['tr', 'Bu senin için ne anlama geliyor', 'senin'],
		['tr', 'Ne alırsın', 'alırsın'],
		['tr', 'Danışmanına sor.', 'sor'],
		['tr', 'Bunu yapmazsan ne olur', 'yapmazsan'],
		['tr', 'İş deneyimi kazanırsın ve ödeneğini almaya devam edersin.', 'kazanırsın'],
		['tr', 'Yaptırıma katılmıyor musun?', 'musun'],
		['tr', 'O zaman altı hafta içinde itiraz et.', 'et'],
		['tr', 'Sana kim yardım eder', 'sana'],
		['tr', 'Bunu yapabilirsin.', 'yapabilirsin'],
		['tr', 'Bu anketi zaten doldurdun.', 'doldurdun'],
		['tr', 'Planı {{date}} tarihinde kabul ettin.', 'ettin'],
		['tr', 'Bu sürüme henüz cevap vermedin.', 'vermedin'],
		['tr', 'Çevrimdışısın.', 'çevrimdışısın'],
		['tr', 'Yarın randevun var.', 'randevun'],
		['tr', 'Yakında ne yapman gerekiyor?', 'yapman'],
		['tr', 'Danışmanınla yazışma', 'danışmanınla'],
		['tr', 'Sorduğun soruya bir cevap geldi.', 'sorduğun'],
		['tr', 'Şifreni asla başka birine verme.', 'şifreni'],
		['uk', 'Що це означає для тебе', 'тебе'],
		['uk', 'Твій консультант (klantmanager).', 'твій'],
		['uk', 'Ти недостатньо стараєшся.', 'ти'],
		['uk', 'Що ти отримуєш', 'отримуєш'],
		['uk', 'Уважно прочитай лист від муніципалітету.', 'прочитай'],
		['uk', 'Скористайся цією можливістю.', 'скористайся'],
		['uk', 'Одразу скажи про це.', 'скажи'],
		['uk', 'Візьми їх із собою або надішли.', 'візьми'],
		['uk', 'Увійди, щоб побачити свій план.', 'увійди'],
		['uk', 'Створи свій акаунт', 'створи']
	] as [FormalLanguage, string, string][])(
		'%s: finds the informal form in "%s"',
		(lang, text, form) => {
			expect(informalForms(lang, text)).toContain(form);
		}
	);

	it.each([
		['tr', 'Bu sizin için ne anlama geliyor'],
		['tr', 'Danışmanınıza sorun. Geç kalırsanız bize haber verin.'],
		['tr', 'Yaptırıma katılmıyor musunuz? O zaman itiraz edin. Kesin bir tarih yok; öyle olsun.'],
		['tr', 'Kadın ve erkek; ara sıra {{name}} için [[bezwaar|itiraz]] edebilirsiniz.'],
		['tr', 'Tekrar kontrol edin. Ana sayfaya gidin. Nedenini belirtin. ‘Atlayın’ düğmesine basın.'],
		['tr', 'Boş bir planla. Bütün metin kaydedildi; kaydın yerine geçer.'],
		['tr', 'Randevunun zamanı değişti. Müşterinin randevusu, kişinin şifresi.'],
		['tr', 'Bu çoğu zaman gereklidir. Kiminle? Sizinle. Yapmanız gerekiyor; danışmanıyla sorduğu.'],
		['uk', 'Що це означає для вас. Ви можете прослухати запис нижче.'],
		['uk', 'Зверніться до консультанта. Ми зустрілися й домовилися; зазвичай це так.'],
		['uk', 'Вашу допомогу припинено {{date}}. Будь ласка, скористайтеся цією можливістю.'],
		['uk', 'Ви можете звернутися до омбудсмана. Повідомте про зміни.']
	] as [FormalLanguage, string][])('%s: leaves the formal text "%s" alone', (lang, text) => {
		expect(informalForms(lang, text)).toEqual([]);
	});
});

type Text = { name: string; text: string };
const leaves = (value: unknown, name: string): Text[] =>
	typeof value === 'string'
		? [{ name, text: value }]
		: value && typeof value === 'object'
			? Object.entries(value).flatMap(([k, v]) => leaves(v, `${name}.${k}`))
			: [];
const json = (file: string): unknown => JSON.parse(readFileSync(file, 'utf8'));

function textsOf(lang: FormalLanguage): Text[] {
	const content = path.resolve('content');
	const files = readdirSync(content).filter((f) => f.endsWith(`.${lang}.json`));
	const markdown = (dir: string) =>
		readdirSync(dir)
			.filter((f) => f.endsWith(`.${lang}.md`))
			.map((f) => ({
				name: path.relative(content, path.join(dir, f)),
				text: readFileSync(path.join(dir, f), 'utf8')
			}));
	const versions = path.join(content, 'versions');
	return [
		...files.flatMap((f) => leaves(json(path.join(content, f)), f)),
		...markdown(path.join(content, 'topics')),
		...readdirSync(versions).flatMap((d) => markdown(path.join(versions, d))),
		...leaves(json(path.join(content, 'glossary', `${lang}.json`)), `glossary/${lang}.json`),
		...leaves(json(path.resolve('messages', `${lang}.json`)), `messages/${lang}.json`),
		...leaves(SURVEY_TEXTS[lang], `survey ${lang}`)
	];
}

describe.each(['tr', 'uk'] as FormalLanguage[])('every %s text', (lang) => {
	const texts = textsOf(lang);

	it('reads the topics, dated versions, catalogue, glossary, survey and UI strings', () => {
		expect(texts.filter((t) => t.name.startsWith('topics/')).length).toBeGreaterThanOrEqual(15);
		expect(texts.filter((t) => t.name.startsWith('versions/')).length).toBeGreaterThanOrEqual(4);
		expect(texts.filter((t) => t.name.startsWith('instruments.')).length).toBeGreaterThan(20);
		expect(texts.filter((t) => t.name.startsWith('messages/')).length).toBeGreaterThan(1000);
	});

	it('addresses the reader formally', () => {
		const informal = texts
			.map((t) => ({ name: t.name, forms: [...new Set(informalForms(lang, t.text))] }))
			.filter((t) => t.forms.length > 0);
		expect(informal).toEqual([]);
	});
});
