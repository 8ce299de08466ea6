import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../db/open';
import { user } from '../db/schema';

export const preferencesSchema = z.object({
	readAloud: z.boolean(),
	textSize: z.enum(['normal', 'large', 'larger']),
	notifyEmail: z.boolean(),
	notifyInApp: z.boolean()
});
export type Preferences = z.infer<typeof preferencesSchema>;

export const DEFAULT_PREFERENCES: Preferences = {
	readAloud: true,
	textSize: 'normal',
	notifyEmail: false,
	notifyInApp: true
};

/** The language a signed-in person chose (client or staff); the cookie is set by the route. */
export async function saveLanguage(db: Db, userId: string, language: string): Promise<void> {
	await db.update(user).set({ language }).where(eq(user.id, userId));
}

export async function savePreferences(db: Db, userId: string, prefs: Preferences): Promise<void> {
	await db.update(user).set({ preferences: prefs }).where(eq(user.id, userId));
}
