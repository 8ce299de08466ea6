// Turkish and Ukrainian texts address the reader formally (issue 17; docs/style/tr.md and
// docs/style/uk.md): Turkish "siz", Ukrainian "ви". This finds the informal forms that can be
// told apart reliably from the text alone, so a text that slips back to "sen" / "ти" is caught.
// It cannot see every informal form (a Turkish possessive "-in" looks like a genitive), so it is
// a guard, not a proof; the native check reads the rest.

export type FormalLanguage = 'tr' | 'uk';

const L = '\\p{L}';
const word = (body: string) => new RegExp(`(?<![${L}'’])(?:${body})(?![${L}'’])`, 'gu');

/** Turkish informal forms: pronouns, 2nd person singular verb endings, bare imperatives. */
const TURKISH: RegExp[] = [
	// sen, sana, seni, senin, sende, senden, seninle; kendin, kendine, kendini, ...
	word(
		'sen|sana|seni|senin|sende|senden|seninle|senle|kendin|kendine|kendini|kendinin|kendinde|kendinden'
	),
	// 2nd person singular after a tense or mood: alırsın, yapıyorsun, alacaksın, yapmalısın,
	// yapabilirsin, almışsın, değilsin; questions: musun, misin
	word(
		`${L}+(?:yor|acak|ecek|malı|meli|mış|miş|muş|müş|[aeıiuü]r|maz|mez)(?:sın|sin|sun|sün)|değilsin|(?:mı|mi|mu|mü)(?:sın|sin|sun|sün)`
	),
	// past 2nd singular where it cannot be a formal imperative (edin, gidin, belirtin, anlatın):
	// aldın, sordun, gönderdin (voiced consonant + d), yaptın, seçtin (voiceless consonant + t),
	// ettin, gelmedin, yapmadın
	word(`${L}+(?:[bcdgjlmnrvz]d|[çfhkpsşt]t|m[ae]d)(?:ın|in|un|ün)`),
	// "you are" on a noun or adjective: çevrimdışısın, hastasın, buradasın
	word(`${L}{2,}[aeıioöuü](?:sın|sin|sun|sün)`),
	// conditional 2nd singular: yaparsan, gelmezsen, hastaysan, istemiyorsan
	word(`${L}+(?:[aeıiuü]r|maz|mez|yor|y|acak|ecek)(?:san|sen)`),
	// 2nd singular possessive of nouns ending in a vowel, which a genitive cannot look like
	// (randevun, şifreni, numaran, ailenden; the genitive is randevunun, the 3rd person randevusu)
	word(
		'(?:randevu|şifre|numara|aile|dosya|kişi|liste)(?:n|nu|nı|ni|na|ne|nda|nde|ndan|nden|nla|nle)'
	),
	// "you have to": yapman gerekiyor (formal: yapmanız gerekiyor)
	word(`${L}+(?:man|men)(?=\\s+(?:gerek|lazım))`),
	// with your …: danışmanınla, ekibinle (the 3rd person is danışmanıyla)
	word(`${L}+(?:ınla|inle|unla|ünle)`),
	// what you did: sorduğun, yazdığın, seçtiğin, değiştirdiklerin (3rd person: sorduğu)
	word(`${L}+(?:[dt](?:ığın|iğin|uğun|üğün)|[dt](?:ıkların|ukların|üklerin|iklerin))`),
	// bare imperatives of the verbs these texts use (formal: -in/-ın/-un/-ün or -iniz)
	word(
		'sor|oku|söyle|getir|gönder|anlat|bildir|iste|kullan|hazırla|katıl|ekle|kaydol|tanış|seç|dinle|dene|tıkla|dokun|kaydet|sil|düzenle|değiştir|indir|yükle|gir|bul|yap|et|git|gel|ver|bak|sakla|paylaş|başvur|konuş|yaz|unutma|bekle|kapat|onayla|işaretle|gör|öğren|koru|dikkat et|al|ol|kal|uy|devam et|göster|belirle|yanıtla|cevapla|yollama|getirme|gitme|doldur|oluştur|temizle|karşılaştır|dön|tara|yazdır|reddet|sonlandır|devret|aç|kaldır|duraklat|durdur|yenile|atla|uygula|ayarla|tut|aktar|gösterme'
	)
];

/** Ukrainian informal forms: pronouns, 2nd person singular verbs and imperatives. */
const UKRAINIAN: RegExp[] = [
	word('ти|тебе|тобі|тобою|твій|твоя|твоє|твої|твого|твоєї|твоєму|твоїй|твоїм|твоїх|твою|твоїми'),
	// 2nd person singular present/future: можеш, маєш, отримаєш, робиш, підеш, їси; reflexive -ся
	word(`${L}+(?:єш|еш|иш|їш)(?:ся)?`),
	// reflexive imperative 2nd singular: звернися, дізнайся (not the plural past зустрілися nor an infinitive звернутися)
	word(`${L}+(?:йся|(?<![лт])ися)`),
	// imperative 2nd singular in -ай/-яй/-уй/-юй: читай, запитай, спробуй, використовуй
	word(`${L}+(?:ай|яй|уй|юй)`),
	// imperatives in -и/-ь/consonant of the verbs these texts use
	word(
		"скажи|напиши|надішли|візьми|принеси|подзвони|повідом|розкажи|подай|зверни|перевір|зроби|покажи|попроси|приходь|прийди|відкрий|натисни|вибери|обери|введи|додай|збережи|знайди|поясни|заповни|поговори|онови|увімкни|вимкни|видали|завантаж|встанови|виконуй|відповідай|залиш|бери|неси|іди|йди|приїдь|почни|продовж|вкажи|познач|підтверди|надрукуй|прослухай|роздрукуй|поверни|відправ|підпиши|пиши|роби|дивись|подивись|зателефонуй|повтори|зачекай|подумай|пам’ятай|пам'ятай|не забудь|проси|питай|запитуй|оформи|спитай|звертайся|увійди|вийди|зайди|перейди|прийми|закрий|перенеси|постав|скасуй|поділися|прибери|очисти|запиши|створи"
	)
];

/** Words a pattern above would catch that are not an informal "you" (nouns, 3rd person). */
const NOT_INFORMAL: Record<FormalLanguage, Set<string>> = {
	tr: new Set([
		'sizinle',
		'kiminle',
		'zaman',
		'kesin',
		'olsun',
		'versin',
		'görsün',
		'dursun',
		'sorsun',
		'getirsin',
		'bilsin'
	]),
	uk: new Set([
		'зазвичай',
		'звичай',
		'нехай',
		'хай',
		'край',
		'чай',
		'рай',
		'китай',
		'урожай',
		'лиш',
		'миш',
		'кеш'
	])
};

/** Strips what is not the translated text: placeholders, link targets, [[term]] keys, HTML tags. */
function prose(text: string): string {
	return text
		.replace(/\{\{[^}]*\}\}/g, ' ')
		.replace(/\]\([^)]*\)/g, '] ')
		.replace(/\[\[([^\]|]*)\|([^\]]*)\]\]/g, ' $2 ')
		.replace(/\[\[([^\]]*)\]\]/g, ' ')
		.replace(/<[^>]*>/g, ' ');
}

/** The informal forms in a text, lower case, in order of the patterns; empty when it is formal. */
export function informalForms(language: FormalLanguage, text: string): string[] {
	const lower = prose(text).toLocaleLowerCase(language === 'tr' ? 'tr-TR' : 'uk-UA');
	const patterns = language === 'tr' ? TURKISH : UKRAINIAN;
	const found = patterns.flatMap((p) => [...lower.matchAll(p)].map((m) => m[0]));
	return found.filter((w) => !NOT_INFORMAL[language].has(w));
}
