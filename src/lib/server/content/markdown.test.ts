import { describe, expect, it } from 'vitest';
import { plainText, toBlocks } from './markdown';

describe('markdown subset', () => {
	it('reads headings, paragraphs, lists, bold and links', () => {
		const blocks = toBlocks(
			'## Wat moet je doen\n\nGeef **alles** door.\n\n- Werk\n- Geld\n\n[Bel ons](tel:0123456789)'
		);
		expect(blocks).toEqual([
			{ type: 'heading', level: 2, children: [{ type: 'text', text: 'Wat moet je doen' }] },
			{
				type: 'paragraph',
				children: [
					{ type: 'text', text: 'Geef ' },
					{ type: 'strong', children: [{ type: 'text', text: 'alles' }] },
					{ type: 'text', text: ' door.' }
				]
			},
			{
				type: 'list',
				ordered: false,
				items: [[{ type: 'text', text: 'Werk' }], [{ type: 'text', text: 'Geld' }]]
			},
			{
				type: 'paragraph',
				children: [
					{ type: 'link', href: 'tel:0123456789', children: [{ type: 'text', text: 'Bel ons' }] }
				]
			}
		]);
	});

	it('keeps HTML and script as plain text, never markup', () => {
		const blocks = toBlocks('<script>alert(1)</script> <b onclick="x">hi</b>');
		expect(plainText(blocks)).toBe('<script>alert(1)</script> <b onclick="x">hi</b>');
		expect(JSON.stringify(blocks)).not.toContain('"type":"html');
	});

	it('never makes a link of an unsafe target', () => {
		const blocks = toBlocks('[klik](javascript:alert(1)) en [hier](data:text/html,x) [ok](/x)');
		expect(JSON.stringify(blocks)).not.toContain('"type":"link"');
		expect(plainText(blocks)).toContain('klik');
	});

	it('leaves images and tables out of the subset', () => {
		const blocks = toBlocks('![x](https://a/b.png)\n\n| a | b |\n|---|---|');
		// No image is ever loaded (at most a link to it) and a table stays text.
		expect(blocks.every((b) => b.type === 'paragraph')).toBe(true);
		expect(JSON.stringify(blocks)).not.toMatch(/"type":"(image|table)/);
		expect(plainText(blocks)).toContain('| a | b |');
	});
});

describe('glossary marks', () => {
	it('turns [[term]] and [[term|shown]] into term nodes, also inside bold', () => {
		expect(toBlocks('Vraag het [[UWV]] of **het [[wijkteam|wijkteams]]**.')).toEqual([
			{
				type: 'paragraph',
				children: [
					{ type: 'text', text: 'Vraag het ' },
					{ type: 'term', term: 'UWV', text: 'UWV' },
					{ type: 'text', text: ' of ' },
					{
						type: 'strong',
						children: [
							{ type: 'text', text: 'het ' },
							{ type: 'term', term: 'wijkteam', text: 'wijkteams' }
						]
					},
					{ type: 'text', text: '.' }
				]
			}
		]);
	});

	it('reads a marked word aloud as the word, without brackets', () => {
		expect(plainText(toBlocks('Bel het [[UWV]].'))).toBe('Bel het UWV.');
	});

	it('keeps a mark with HTML in it as text: no markup gets through', () => {
		const blocks = toBlocks('Zie [[<img src=x onerror=alert(1)>]].');
		expect(JSON.stringify(blocks)).not.toMatch(/"type":"(html|image)"/);
		expect(plainText(blocks)).toContain('<img src=x onerror=alert(1)>');
	});
});
