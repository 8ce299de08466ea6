import { describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { inspect } from './inspect';

// The stored photo of a document: readable, bounded in size whatever the phone's camera makes.

describe('inspect: a photo of a document', () => {
	it('stores a 12 MP phone photo at 2000 px on its long side (a payslip stays readable)', async () => {
		const photo = await sharp({
			create: { width: 4000, height: 3000, channels: 3, background: '#f4f1ea' }
		})
			.jpeg({ quality: 90 })
			.toBuffer();
		const r = await inspect(photo);
		if (!r.ok) throw new Error(r.error);
		const meta = await sharp(r.doc.bytes).metadata();
		expect([r.doc.mime, meta.format, meta.width, meta.height]).toEqual([
			'image/jpeg',
			'jpeg',
			2000,
			1500
		]);
	});

	it('keeps a small photo as large as it is', async () => {
		const photo = await sharp({
			create: { width: 1200, height: 1600, channels: 3, background: '#ffffff' }
		})
			.png()
			.toBuffer();
		const r = await inspect(photo);
		if (!r.ok) throw new Error(r.error);
		const meta = await sharp(r.doc.bytes).metadata();
		expect([meta.width, meta.height]).toEqual([1200, 1600]);
	});

	it('refuses an image that claims more pixels than a phone camera makes (a decompression bomb)', async () => {
		// 8,000 × 8,000 of one colour: small as a PNG, 192 MB once decoded.
		const bomb = await sharp({
			create: { width: 8000, height: 8000, channels: 3, background: '#000000' }
		})
			.png({ compressionLevel: 9 })
			.toBuffer();
		expect(bomb.length).toBeLessThan(10 * 1024 * 1024);
		expect(await inspect(bomb)).toEqual({ ok: false, error: 'file_type' });
	});
});
