// The item bank (docs/DOMAIN.md "Surveys") as content: Dutch is checked, every translation is a
// draft for a native speaker to check in /beheer. Codes are stable across versions and
// languages; a changed wording gets a new code, so the report never pools different questions.

import type { Language } from '../../i18n/languages';

export const SURVEY_TEXTS: Record<Language, Record<string, string>> = {
	nl: {
		serious: 'De medewerker nam mij serieus.',
		together: 'We hebben samen naar oplossingen gezocht.',
		easy: 'Het was makkelijk om te regelen wat ik nodig had.',
		fits: 'De hulp past bij mijn situatie.',
		closer: 'Door de hulp ben ik dichter bij werk gekomen / kan ik beter meedoen.',
		rights: 'Ik begrijp wat mijn rechten en plichten zijn.',
		grade: 'Welk rapportcijfer geef je ons? (1 is heel slecht, 10 is heel goed)',
		open: 'Wil je ons nog iets vertellen? Dit mag je overslaan.'
	},
	en: {
		serious: 'The staff member took me seriously.',
		together: 'We looked for solutions together.',
		easy: 'It was easy to arrange what I needed.',
		fits: 'The help fits my situation.',
		closer: 'Because of the help I am closer to work / I can take part more easily.',
		rights: 'I understand my rights and duties.',
		grade: 'What mark would you give us? (1 is very bad, 10 is very good)',
		open: 'Is there anything else you want to tell us? You may skip this.'
	},
	ar: {
		serious: 'الموظف أخذني على محمل الجد.',
		together: 'بحثنا معًا عن حلول.',
		easy: 'كان من السهل ترتيب ما احتجت إليه.',
		fits: 'المساعدة مناسبة لوضعي.',
		closer: 'بفضل المساعدة أصبحت أقرب إلى العمل / أستطيع المشاركة بشكل أفضل.',
		rights: 'أفهم ما هي حقوقي وواجباتي.',
		grade: 'ما هي العلامة التي تعطينا إياها؟ (1 سيئ جدًا، 10 جيد جدًا)',
		open: 'هل تريد أن تخبرنا بشيء آخر؟ يمكنك تخطي هذا السؤال.'
	},
	fa: {
		serious: 'کارمند حرف مرا جدی گرفت.',
		together: 'با هم دنبال راه‌حل گشتیم.',
		easy: 'ترتیب دادن چیزی که لازم داشتم آسان بود.',
		fits: 'این کمک با وضعیت من جور است.',
		closer: 'با این کمک به کار نزدیک‌تر شده‌ام / بهتر می‌توانم در جامعه شرکت کنم.',
		rights: 'می‌فهمم حقوق و وظایفم چیست.',
		grade: 'به ما چه نمره‌ای می‌دهید؟ (1 خیلی بد است، 10 خیلی خوب است)',
		open: 'می‌خواهید چیز دیگری به ما بگویید؟ می‌توانید این سؤال را رد کنید.'
	},
	prs: {
		serious: 'کارمند گپ مرا جدی گرفت.',
		together: 'با هم به دنبال راه حل گشتیم.',
		easy: 'تنظیم کردن چیزی که ضرورت داشتم آسان بود.',
		fits: 'این کمک با وضعیت من مناسب است.',
		closer: 'با این کمک به کار نزدیک‌تر شده‌ام / بهتر می‌توانم در جامعه سهم بگیرم.',
		rights: 'می‌فهمم که حقوق و وجایب من چیست.',
		grade: 'به ما چه نمره می‌دهید؟ (1 بسیار بد است، 10 بسیار خوب است)',
		open: 'می‌خواهید چیز دیگری به ما بگویید؟ می‌توانید این سوال را تیر کنید.'
	},
	ti: {
		serious: 'እቲ ሰራሕተኛ ብዕቱብ ተቐቢሉኒ።',
		together: 'ብሓባር ፍታሕ ደሊና።',
		easy: 'ዘድልየኒ ነገር ምስራዕ ቀሊል ነይሩ።',
		fits: 'እቲ ሓገዝ ምስ ኩነታተይ ይሰማማዕ እዩ።',
		closer: 'ብሰንኪ እቲ ሓገዝ ናብ ስራሕ ቀሪበ እየ / ብዝሓሸ ክሳተፍ ይኽእል እየ።',
		rights: 'መሰላተይን ግዴታታተይን እንታይ ምዃኖም ይርደኣኒ እዩ።',
		grade: 'ክንደይ ነጥቢ ትህቡና? (1 ኣዝዩ ሕማቕ፣ 10 ኣዝዩ ጽቡቕ)',
		open: 'ካልእ ክትነግሩና እትደልዩ ኣሎ ድዩ? ነዚ ሕቶ ክትሓልፍዎ ትኽእሉ ኢኹም።'
	},
	tr: {
		serious: 'Çalışan beni ciddiye aldı.',
		together: 'Birlikte çözüm aradık.',
		easy: 'İhtiyacım olanı ayarlamak kolaydı.',
		fits: 'Yardım benim durumuma uygun.',
		closer: 'Yardım sayesinde işe daha yakınım / topluma daha iyi katılabiliyorum.',
		rights: 'Haklarımın ve görevlerimin ne olduğunu anlıyorum.',
		grade: 'Bize kaç puan verirsiniz? (1 çok kötü, 10 çok iyi)',
		open: 'Bize söylemek istediğiniz başka bir şey var mı? Bu soruyu geçebilirsiniz.'
	},
	uk: {
		serious: 'Працівник поставився до мене серйозно.',
		together: 'Ми разом шукали рішення.',
		easy: 'Було легко домовитися про те, що мені було потрібно.',
		fits: 'Допомога підходить до моєї ситуації.',
		closer: 'Завдяки допомозі я ближче до роботи / можу краще брати участь у житті громади.',
		rights: "Я розумію, які в мене права та обов'язки.",
		grade: 'Яку оцінку ви нам ставите? (1 — дуже погано, 10 — дуже добре)',
		open: 'Хочете розповісти нам ще щось? Це питання можна пропустити.'
	},
	so: {
		serious: 'Shaqaaluhu si dhab ah ayuu ii qaatay.',
		together: 'Si wada jir ah ayaan xal u raadinnay.',
		easy: 'Way fududayd in la diyaariyo waxa aan u baahnaa.',
		fits: 'Caawimaaddu waxay ku habboon tahay xaaladdayda.',
		closer:
			'Caawimaadda awgeed waxaan u dhowaaday shaqo / si fiican ayaan uga qaybqaadan karaa bulshada.',
		rights: 'Waan fahmay waxa ay yihiin xuquuqdayda iyo waajibaadkayga.',
		grade: 'Immisa dhibcood ayaad na siinaysaa? (1 waa aad u xun, 10 waa aad u fiican)',
		open: "Ma jiraa wax kale oo aad rabto inaad noo sheegto? Su'aashan waad ka boodi kartaa."
	}
};
