import type { Db } from '../open';
import { seedInstruments } from './catalogue';
import { seedTopics } from './topics';
import { seedPlanTemplates } from './plan-templates';

/**
 * Adds the content kept in content/ (rights and duties, instrument catalogue) that the
 * database does not have yet. Runs at every start; edits made in /beheer are kept.
 */
export async function seedContent(
	db: Db
): Promise<{ topics: number; instruments: number; planTemplates: number }> {
	return {
		instruments: await seedInstruments(db),
		topics: await seedTopics(db),
		planTemplates: await seedPlanTemplates(db)
	};
}
