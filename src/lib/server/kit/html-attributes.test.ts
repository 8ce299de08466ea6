import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { HTML_OPEN_TAG, fillHtmlAttributes } from './html-attributes';

const attrs = { lang: 'ar', dir: 'rtl', textSize: 'large' };

describe('fillHtmlAttributes', () => {
	it('finds the opening tag of src/app.html as it is written there', () => {
		// Should app.html's tag change, every page would keep "%lang%": this says so first.
		expect(readFileSync('src/app.html', 'utf8')).toContain(HTML_OPEN_TAG);
	});

	it('gives the page its language, direction and text size in the first tag', () => {
		const page = readFileSync('src/app.html', 'utf8');
		const out = fillHtmlAttributes(page, attrs);
		expect(out).toContain('<html lang="ar" dir="rtl" data-text-size="large">');
		expect(out).not.toMatch(/%lang%|%dir%|%textsize%/);
	});

	it('leaves the same words in the page text alone', () => {
		const page = `<!doctype html>\n${HTML_OPEN_TAG}<body><p>Typ %lang% of %dir% of %textsize%</p></body></html>`;
		const out = fillHtmlAttributes(page, attrs);
		expect(out).toContain('<p>Typ %lang% of %dir% of %textsize%</p>');
		expect(out.startsWith('<!doctype html>\n<html lang="ar" dir="rtl"')).toBe(true);
	});

	it('returns a later chunk of a streamed page unchanged', () => {
		expect(fillHtmlAttributes('<p>rest</p>', attrs)).toBe('<p>rest</p>');
	});
});
