import { eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/open';
import { instrumentText, surveyText } from '../db/schema';
import { SOURCE_LANGUAGE, type Language } from '../../i18n/languages';

// The statements clients answered and the instruments' names as the report's reader reads them
// (issue #13): the page shows them in the reader's language where the survey or the catalogue
// has a translation (the one clients read), else the Dutch text marked lang="nl" so a screen
// reader pronounces it as Dutch. The published report keeps its Dutch texts (`itemTexts`,
// `instrumentNames`, frozen with the figures); the CSV, the council's file, keeps those.
// Translations are drafts for a native speaker to check (survey_text / instrument_text
// status): the report shows them as they are, never with a "checked" mark.

/** A label in the reader's language, or Dutch with `lang: 'nl'` when there is no translation. */
export interface ReaderLabel {
	text: string;
	lang?: 'nl';
}

export interface ReaderLabels {
	/** By item code. */
	items: Record<string, ReaderLabel>;
	/** By instrument id. */
	instruments: Record<string, ReaderLabel>;
}

/** What the published report names in Dutch. */
export interface DutchLabels {
	itemTexts: Record<string, string>;
	instrumentNames: Record<string, string>;
}

/** One survey version's questions in Dutch and in the reader's language (either may be missing). */
export interface SurveyQuestions {
	nl?: Record<string, string>;
	reader?: Record<string, string>;
}

const given = (s: string | undefined): s is string => !!s && s.trim() !== '';

/**
 * The labels for a reader of `reader`. A statement is translated only by a survey version whose
 * Dutch wording is the report's (a question reworded after the report was published keeps its
 * Dutch text rather than a translation of other words); an instrument by its own translated name.
 */
export function chooseLabels(
	dutch: DutchLabels,
	reader: Language,
	surveys: SurveyQuestions[],
	translatedNames: Record<string, string>
): ReaderLabels {
	const fallback = (text: string): ReaderLabel =>
		reader === SOURCE_LANGUAGE ? { text } : { text, lang: 'nl' };
	const item = (code: string, nl: string): ReaderLabel => {
		if (reader === SOURCE_LANGUAGE) return { text: nl };
		const own = surveys.find((s) => s.nl?.[code] === nl && given(s.reader?.[code]));
		return own ? { text: own.reader![code]! } : fallback(nl);
	};
	return {
		items: Object.fromEntries(
			Object.entries(dutch.itemTexts).map(([code, nl]) => [code, item(code, nl)])
		),
		instruments: Object.fromEntries(
			Object.entries(dutch.instrumentNames).map(([id, nl]) => {
				const name = translatedNames[id];
				return [id, reader !== SOURCE_LANGUAGE && given(name) ? { text: name } : fallback(nl)];
			})
		)
	};
}

/** The report's statements and instrument names for a reader of `lang`, from the database. */
export async function readerLabels(
	db: Db,
	report: DutchLabels,
	lang: Language
): Promise<ReaderLabels> {
	if (lang === SOURCE_LANGUAGE) return chooseLabels(report, lang, [], {});
	const ids = Object.keys(report.instrumentNames);
	const wanted = new Set(ids);
	const [texts, names] = await Promise.all([
		db
			.select({
				surveyId: surveyText.surveyId,
				language: surveyText.language,
				questions: surveyText.questions
			})
			.from(surveyText)
			.where(inArray(surveyText.language, [SOURCE_LANGUAGE, lang])),
		ids.length === 0
			? []
			: db
					.select({ id: instrumentText.instrumentId, name: instrumentText.name })
					.from(instrumentText)
					.where(eq(instrumentText.language, lang))
	]);
	const bySurvey = new Map<string, SurveyQuestions>();
	for (const t of texts) {
		const s = bySurvey.get(t.surveyId) ?? {};
		s[t.language === SOURCE_LANGUAGE ? 'nl' : 'reader'] = t.questions;
		bySurvey.set(t.surveyId, s);
	}
	return chooseLabels(
		report,
		lang,
		[...bySurvey.values()],
		Object.fromEntries(names.filter((n) => wanted.has(n.id)).map((n) => [n.id, n.name]))
	);
}
