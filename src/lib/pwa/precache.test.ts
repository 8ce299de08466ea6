import { describe, expect, it } from 'vitest';
import { isPrecachedStaticFile, precacheEntries } from './precache';

describe('isPrecachedStaticFile', () => {
	it.each([
		'/favicon.svg',
		'/manifest.webmanifest',
		'/icons/icon-192.png',
		'/pictograms/afspraak.svg'
	])('keeps %s', (path) => expect(isPrecachedStaticFile(path)).toBe(true));

	it.each(['/icons/icon-512.png', '/icons/maskable-512.png', '/audio/uitleg.mp3', '/robots.txt'])(
		'leaves out %s',
		(path) => expect(isPrecachedStaticFile(path)).toBe(false)
	);
});

describe('precacheEntries', () => {
	const entries = precacheEntries({
		build: ['/_app/immutable/entry/start.abc123.js', '/_app/immutable/assets/0.def456.css'],
		files: ['/favicon.svg', '/icons/icon-512.png', '/robots.txt'],
		prerendered: ['/offline', '/offline/__data.json'],
		version: '1700000000000'
	});

	it('gives hashed build files no revision', () => {
		expect(entries).toContainEqual({
			url: '/_app/immutable/entry/start.abc123.js',
			revision: null
		});
	});

	it('revisions static files and prerendered pages with the app version', () => {
		expect(entries).toContainEqual({ url: '/favicon.svg', revision: '1700000000000' });
		expect(entries).toContainEqual({ url: '/offline', revision: '1700000000000' });
	});

	it('leaves out static files that are not needed offline', () => {
		expect(entries.map((e) => e.url)).not.toContain('/icons/icon-512.png');
		expect(entries.map((e) => e.url)).not.toContain('/robots.txt');
	});

	it('leaves out the web fonts for one script: only phones showing that language fetch them', () => {
		const withFonts = precacheEntries({
			build: [
				'/_app/immutable/assets/noto-sans-arabic-arabic-400-normal.AAMxebZb.woff2',
				'/_app/immutable/assets/arabic.DCZbbzK2.css'
			],
			files: [],
			prerendered: [],
			version: 'v'
		});
		expect(withFonts.map((e) => e.url)).toEqual(['/_app/immutable/assets/arabic.DCZbbzK2.css']);
	});

	it('lists every URL once', () => {
		const twice = precacheEntries({
			build: [],
			files: ['/favicon.svg', '/favicon.svg'],
			prerendered: [],
			version: 'v'
		});
		expect(twice).toEqual([{ url: '/favicon.svg', revision: 'v' }]);
	});
});
