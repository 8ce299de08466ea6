import type { Db } from '../db/open';
import { seedInstruments } from './catalogue';
import { ensureSurveys } from './large';
import { seedPlanTemplates, seedPlanTextTranslations } from './plan-templates';
import { seedTopics } from './topics';
import { seedGlossary } from './glossary';
import { seedTopicVersions } from './topic-versions';
import { upgradeSeededTexts } from './upgrade-texts';

/**
 * Adds the content kept in the repository (rights and duties, instrument catalogue, plan
 * templates, the survey item bank in every language) that the database does not have yet.
 * Runs at every start; edits made in /beheer are kept.
 */
export async function seedContent(
	db: Db
): Promise<{ topics: number; instruments: number; planTemplates: number }> {
	const instruments = await seedInstruments(db);
	const topics = await seedTopics(db);
	// Texts an older repository seeded and no one edited are brought up to date (as concept).
	await upgradeSeededTexts(db);
	await seedTopicVersions(db);
	await seedGlossary(db);
	const planTemplates = await seedPlanTemplates(db);
	await seedPlanTextTranslations(db);
	await ensureSurveys(db);
	return { instruments, topics, planTemplates };
}
