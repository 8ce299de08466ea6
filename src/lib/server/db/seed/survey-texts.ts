// The item bank (DOMAIN.md "Surveys") as content: Dutch is checked, English and Arabic are
// drafts for a native speaker to check in /beheer. Codes are stable across versions and
// languages; a changed wording gets a new code, so the report never pools different questions.

export const SURVEY_TEXTS: Record<'nl' | 'en' | 'ar', Record<string, string>> = {
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
	}
};
