import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../db/open';
import { setting } from '../db/schema';
import * as audit from '../audit/audit';

// Settings kept in the database, so every app process reads the same value and an admin can
// change them without a restart. The environment gives the default until someone does.

const SURVEY_CADENCE = 'survey.periodicMonths';
export const cadenceSchema = z.coerce.number().int().min(0).max(36);

/** Months between periodic surveys for one client; 0 switches the periodic survey off. */
export async function surveyCadence(db: Db, fallback: number): Promise<number> {
	const [row] = await db.select().from(setting).where(eq(setting.key, SURVEY_CADENCE));
	const parsed = cadenceSchema.safeParse(row?.value);
	return parsed.success ? parsed.data : fallback;
}

/** Changes the cadence; on record with the old and the new value. */
export async function setSurveyCadence(db: Db, months: number, adminId: string): Promise<void> {
	const value = cadenceSchema.parse(months);
	const [old] = await db.select().from(setting).where(eq(setting.key, SURVEY_CADENCE));
	await db
		.insert(setting)
		.values({ key: SURVEY_CADENCE, value, updatedBy: adminId })
		.onConflictDoUpdate({
			target: setting.key,
			set: { value, updatedBy: adminId, updatedAt: new Date() }
		});
	await audit.record(db, {
		actorId: adminId,
		clientId: null,
		action: 'setting.update',
		detail: {
			name: SURVEY_CADENCE,
			before: old ? String(old.value) : null,
			after: String(value)
		}
	});
}
