import type { IDBPDatabase } from 'idb';
import type { Sealed } from './db';

/**
 * Encrypts what is kept offline with AES-GCM. The key is made in the browser as
 * non-extractable: script can use it but never read it out, and it lives only in this
 * person's IndexedDB, so deleting that database makes any copied ciphertext useless.
 */
export class Vault {
	#db: IDBPDatabase;
	#key: CryptoKey | undefined;

	constructor(db: IDBPDatabase) {
		this.#db = db;
	}

	async #getKey(): Promise<CryptoKey> {
		if (this.#key) return this.#key;
		let key = (await this.#db.get('key', 'aes')) as CryptoKey | undefined;
		if (!key) {
			key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, [
				'encrypt',
				'decrypt'
			]);
			await this.#db.put('key', key, 'aes');
		}
		this.#key = key;
		return key;
	}

	async seal(value: unknown): Promise<Sealed> {
		const iv = crypto.getRandomValues(new Uint8Array(12));
		const plain = new TextEncoder().encode(JSON.stringify(value));
		const data = await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, await this.#getKey(), plain);
		return { iv, data, savedAt: new Date().toISOString() };
	}

	/** The stored value, or null when it is missing or cannot be decrypted. */
	async open(sealed: Sealed | undefined): Promise<unknown> {
		if (!sealed) return null;
		try {
			const plain = await crypto.subtle.decrypt(
				{ name: 'AES-GCM', iv: sealed.iv as Uint8Array<ArrayBuffer> },
				await this.#getKey(),
				sealed.data
			);
			return JSON.parse(new TextDecoder().decode(plain));
		} catch {
			return null;
		}
	}
}
