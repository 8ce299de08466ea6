import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Plugin } from 'vite';
import { isLanguage } from './languages';
import { MESSAGE_PARTS, messagesPart, type MessagesPart } from './parts';

/**
 * `virtual:wegwijs-messages`: for every messages/<lang>.json a lazy loader per part (see
 * parts.ts). In the client build each (language, part) becomes its own hashed file under
 * _app/immutable/: downloaded once, cached for good, precached by the service worker, and no
 * longer inside every HTML response. Server-side rendering imports the same modules (once
 * per process).
 */
export function wegwijsMessages(dir = 'messages'): Plugin {
	const ID = 'virtual:wegwijs-messages';
	const PREFIX = `${ID}/`;
	const languages = () =>
		readdirSync(dir)
			.map((f) => /^([a-z]+)\.json$/.exec(f)?.[1])
			.filter(isLanguage)
			.sort();
	return {
		name: 'wegwijs:messages',
		resolveId(id) {
			if (id === ID || id.startsWith(PREFIX)) return `\0${id}`;
		},
		load(id) {
			if (id === `\0${ID}`) {
				const entries = languages().map((lang) => {
					const parts = MESSAGE_PARTS.map(
						(part) => `${part}: () => import(${JSON.stringify(`${PREFIX}${lang}/${part}`)})`
					);
					return `${JSON.stringify(lang)}: { ${parts.join(', ')} }`;
				});
				this.addWatchFile(path.resolve(dir));
				return `export const loaders = { ${entries.join(',\n')} };`;
			}
			if (!id.startsWith(`\0${PREFIX}`)) return;
			const [lang, part] = id.slice(PREFIX.length + 1).split('/') as [string, MessagesPart];
			if (!isLanguage(lang) || !MESSAGE_PARTS.includes(part)) return;
			const file = path.resolve(dir, `${lang}.json`);
			this.addWatchFile(file);
			const text = JSON.stringify(messagesPart(JSON.parse(readFileSync(file, 'utf8')), part));
			// JSON.parse of a string literal is read faster by a phone than an object literal.
			return `export default JSON.parse(${JSON.stringify(text)});`;
		}
	};
}
