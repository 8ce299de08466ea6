// The shape of rendered content, shared by the server parser and the Svelte renderer.

export type Inline =
	| { type: 'text'; text: string }
	| { type: 'strong'; children: Inline[] }
	| { type: 'em'; children: Inline[] }
	| { type: 'link'; href: string; children: Inline[] }
	/** A word the glossary explains: `text` as written, `term` the glossary key. */
	| { type: 'term'; term: string; text: string };

export type Block =
	| { type: 'heading'; level: 2 | 3; children: Inline[] }
	| { type: 'paragraph'; children: Inline[] }
	| { type: 'list'; ordered: boolean; items: Inline[][] };
