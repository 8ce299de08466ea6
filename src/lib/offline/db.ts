import { openDB, type IDBPDatabase } from 'idb';

// One IndexedDB database per signed-in person, so one person's copy is never read as
// another's; it is deleted at sign-out (and the server's Clear-Site-Data wipes it too).

export interface Sealed {
	iv: Uint8Array;
	data: ArrayBuffer;
	savedAt: string;
}

export const DB_PREFIX = 'wegwijs-user-';
const VERSION = 1;

export function openUserDb(userId: string): Promise<IDBPDatabase> {
	return openDB(DB_PREFIX + userId, VERSION, {
		upgrade(db) {
			db.createObjectStore('key');
			db.createObjectStore('pages');
			db.createObjectStore('outbox', { keyPath: 'key' });
		}
	});
}

/** Deletes every person's offline database except `keep` (a shared phone, another user). */
export async function deleteOtherUsers(keep: string | null): Promise<void> {
	if (!('databases' in indexedDB)) return;
	const all = await indexedDB.databases();
	await Promise.all(
		all
			.map((d) => d.name)
			.filter((n): n is string => !!n && n.startsWith(DB_PREFIX) && n !== DB_PREFIX + keep)
			.map(
				(n) =>
					new Promise<void>((resolve) => {
						const req = indexedDB.deleteDatabase(n);
						req.onsuccess = req.onerror = req.onblocked = () => resolve();
					})
			)
	);
}
