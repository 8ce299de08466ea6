import type { Db } from '../db/open';
import { seedInstruments } from './catalogue';
import { ensureSurveys } from './large';
import { seedPlanTemplates, seedPlanTextTranslations } from './plan-templates';
import { seedTopics } from './topics';

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
	const planTemplates = await seedPlanTemplates(db);
	await seedPlanTextTranslations(db);
	await ensureSurveys(db);
	return { instruments, topics, planTemplates };
}
