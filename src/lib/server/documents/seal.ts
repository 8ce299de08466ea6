import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

// AES-256-GCM: a fresh 12-byte IV per value, the 16-byte tag checked on opening, so a changed
// byte in the database is refused instead of handed out. Stored as `iv ‖ tag ‖ ciphertext`.
const IV = 12;
const TAG = 16;

export function seal(key: Buffer, plain: Buffer): Buffer {
	const iv = randomBytes(IV);
	const cipher = createCipheriv('aes-256-gcm', key, iv);
	const body = Buffer.concat([cipher.update(plain), cipher.final()]);
	return Buffer.concat([iv, cipher.getAuthTag(), body]);
}

/** Throws when the value was changed or sealed under another key. */
export function open(key: Buffer, sealed: Buffer): Buffer {
	const decipher = createDecipheriv('aes-256-gcm', key, sealed.subarray(0, IV));
	decipher.setAuthTag(sealed.subarray(IV, IV + TAG));
	return Buffer.concat([decipher.update(sealed.subarray(IV + TAG)), decipher.final()]);
}
