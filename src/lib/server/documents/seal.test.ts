import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { open, seal } from './seal';

describe('document sealing', () => {
	const key = randomBytes(32);

	it('opens what it sealed, and the stored bytes do not contain the plain text', () => {
		const plain = Buffer.from('Loonstrook november, Lieke de Boer');
		const sealed = seal(key, plain);
		expect(sealed.includes(plain)).toBe(false);
		expect(open(key, sealed).toString()).toBe(plain.toString());
	});

	it('seals the same bytes differently each time (fresh IV)', () => {
		const plain = Buffer.from('same');
		expect(seal(key, plain).equals(seal(key, plain))).toBe(false);
	});

	it('refuses a changed byte and another key', () => {
		const sealed = seal(key, Buffer.from('loonstrook'));
		const changed = Buffer.from(sealed);
		const last = changed.length - 1;
		changed.writeUInt8(changed.readUInt8(last) ^ 1, last);
		expect(() => open(key, changed)).toThrow();
		expect(() => open(randomBytes(32), sealed)).toThrow();
	});
});
