import MarkdownIt from 'markdown-it';
import type Token from 'markdown-it/lib/token.mjs';

// Content is rendered from a small tree, never as an HTML string: even text an admin typed
// in /beheer cannot become markup. Only this subset exists: headings, paragraphs, bullet
// and numbered lists, bold, italic and links to http(s), mailto and tel.

import type { Block, Inline } from '../../content/blocks';
import { splitTerms } from '../../content/glossary-terms';

export type { Block, Inline };

const md = new MarkdownIt('zero', { html: false, linkify: false }).enable([
	'heading',
	'paragraph',
	'list',
	'emphasis',
	'link',
	'newline'
]);

const SAFE_HREF = /^(https?:\/\/|mailto:|tel:)/i;

function inline(tokens: Token[]): Inline[] {
	const root: Inline[] = [];
	const stack: Inline[][] = [root];
	const top = () => stack[stack.length - 1]!;
	for (const t of tokens) {
		switch (t.type) {
			case 'text':
				for (const part of splitTerms(t.content))
					top().push(
						typeof part === 'string'
							? { type: 'text', text: part }
							: { type: 'term', term: part.term, text: part.shown }
					);
				break;
			case 'softbreak':
			case 'hardbreak':
				top().push({ type: 'text', text: ' ' });
				break;
			case 'strong_open':
			case 'em_open': {
				const node = {
					type: t.type === 'strong_open' ? 'strong' : 'em',
					children: []
				} as Inline & {
					children: Inline[];
				};
				top().push(node);
				stack.push(node.children);
				break;
			}
			case 'link_open': {
				const href = t.attrGet('href') ?? '';
				if (SAFE_HREF.test(href)) {
					const node: Inline & { type: 'link' } = { type: 'link', href, children: [] };
					top().push(node);
					stack.push(node.children);
				} else {
					// An unsafe link (javascript:, data:, relative) keeps only its words.
					stack.push(top());
				}
				break;
			}
			case 'strong_close':
			case 'em_close':
			case 'link_close':
				if (stack.length > 1) stack.pop();
				break;
			default:
				if (t.content) top().push({ type: 'text', text: t.content });
		}
	}
	return root;
}

/** Parses the Markdown subset into blocks. Anything outside the subset stays plain text. */
export function toBlocks(source: string): Block[] {
	const tokens = md.parse(source, {});
	const blocks: Block[] = [];
	let list: (Block & { type: 'list' }) | null = null;
	for (let i = 0; i < tokens.length; i++) {
		const t = tokens[i]!;
		if (t.type === 'heading_open') {
			const content = tokens[i + 1]!;
			// # is the page title elsewhere; inside content every heading is level 2 or 3.
			const level = t.tag === 'h3' || t.tag === 'h4' || t.tag === 'h5' || t.tag === 'h6' ? 3 : 2;
			blocks.push({ type: 'heading', level, children: inline(content.children ?? []) });
		} else if (t.type === 'bullet_list_open' || t.type === 'ordered_list_open') {
			list = { type: 'list', ordered: t.type === 'ordered_list_open', items: [] };
			blocks.push(list);
		} else if (t.type === 'bullet_list_close' || t.type === 'ordered_list_close') {
			list = null;
		} else if (t.type === 'inline' && tokens[i - 1]?.type === 'paragraph_open') {
			const children = inline(t.children ?? []);
			if (list) list.items.push(children);
			else blocks.push({ type: 'paragraph', children });
		}
	}
	return blocks;
}

/** Plain text of blocks, for read-aloud and search. */
export function plainText(blocks: Block[]): string {
	const text = (nodes: Inline[]): string =>
		nodes.map((n) => (n.type === 'text' || n.type === 'term' ? n.text : text(n.children))).join('');
	return blocks
		.map((b) => (b.type === 'list' ? b.items.map(text).join('. ') : text(b.children)))
		.join('\n');
}
