import type { IDBPDatabase } from 'idb';
import type { z } from 'zod';
import { deleteOtherUsers, openUserDb, type Sealed } from './db';
import { Vault } from './vault';

// The signed-in person's offline copy of their pages (browser only).

interface Current {
	userId: string;
	db: IDBPDatabase;
	vault: Vault;
}

let current: Promise<Current | null> = Promise.resolve(null);
let currentUserId: string | null = null;

/** Switches the offline store to `userId` (null when signed out) and wipes anyone else's. */
export function setOfflineUser(userId: string | null): Promise<Current | null> {
	if (userId === currentUserId) return current;
	currentUserId = userId;
	current = (async () => {
		await deleteOtherUsers(userId);
		if (!userId) return null;
		const db = await openUserDb(userId);
		return { userId, db, vault: new Vault(db) };
	})().catch(() => null); // private mode or no IndexedDB: the app still works online
	return current;
}

export async function offlineStore(): Promise<Current | null> {
	return current;
}

export async function savePage(key: string, value: unknown): Promise<void> {
	const c = await current;
	if (!c) return;
	await c.db.put('pages', await c.vault.seal(value), key);
}

/** A page saved earlier, checked against `schema` before it is shown; null if none or invalid. */
export async function loadPage<T>(
	key: string,
	schema: z.ZodType<T>
): Promise<{ value: T; savedAt: string } | null> {
	const c = await current;
	if (!c) return null;
	const sealed = (await c.db.get('pages', key)) as Sealed | undefined;
	const raw = await c.vault.open(sealed);
	const parsed = schema.safeParse(raw);
	return parsed.success && sealed ? { value: parsed.data, savedAt: sealed.savedAt } : null;
}
