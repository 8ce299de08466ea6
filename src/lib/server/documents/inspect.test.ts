import { describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { inspect, photoTurn } from './inspect';

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

	it('refuses an image over 60 megapixels with its own message, before decoding it (a decompression bomb)', async () => {
		// 8,000 × 8,000 of one colour: small as a PNG, 192 MB once decoded.
		const bomb = await sharp({
			create: { width: 8000, height: 8000, channels: 3, background: '#000000' }
		})
			.png({ compressionLevel: 9 })
			.toBuffer();
		expect(bomb.length).toBeLessThan(10 * 1024 * 1024);
		// "Photo too large: take it at a lower resolution", not "this kind of file is not allowed".
		expect(await inspect(bomb)).toEqual({ ok: false, error: 'photo_too_large' });
	});

	it('stops waiting for a turn to decode when that takes too long, with its own message', async () => {
		// Both places taken (two photos of other phones still decoding): a photo that may wait
		// 50 ms is answered "busy, try again later" instead of waiting without bound.
		let done!: () => void;
		const decoding = new Promise<void>((r) => (done = r));
		const others = [photoTurn(() => decoding), photoTurn(() => decoding)];
		const photo = await sharp({
			create: { width: 800, height: 600, channels: 3, background: '#ffffff' }
		})
			.jpeg()
			.toBuffer();
		const started = Date.now();
		expect(await inspect(photo, { waitMs: 50, workSeconds: 20 })).toEqual({
			ok: false,
			error: 'photo_busy'
		});
		expect(Date.now() - started).toBeLessThan(5_000);
		done();
		await Promise.all(others);
		// The places are free again: the same photo goes through.
		expect((await inspect(photo, { waitMs: 50, workSeconds: 20 })).ok).toBe(true);
	});
});
