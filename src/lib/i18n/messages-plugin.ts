import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Plugin } from 'vite';
import { isLanguage } from './languages';
import { BUNDLES, bundleMessages, routeBundleIndex } from './bundles';
import { DATE_LOCALES } from '../date-locales';

/**
 * `virtual:wegwijs-messages`: for every messages/<lang>.json a lazy loader of its list of string
 * bundles, and in that a lazy loader per bundle (see bundles.ts: the shell, one per route, all;
 * the shell also holds the language's date names and patterns, $lib/date-locales). In the
 * client build each (language, bundle) becomes its own hashed file under _app/immutable/:
 * downloaded once, cached for good, precached by the service worker, and never inside an HTML
 * response. Server-side rendering imports the same modules (once per process).
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
			// Two steps, so a page's code does not carry the address of every language's every
			// file (9 × 24 imports, about 2.3 KB gzip): the language, then its bundles.
			if (id === `\0${ID}`) {
				const entries = languages().map(
					(lang) => `${JSON.stringify(lang)}: () => import(${JSON.stringify(PREFIX + lang)})`
				);
				this.addWatchFile(path.resolve(dir));
				return (
					`export const loaders = { ${entries.join(',\n')} };\n` +
					`export const routes = ${JSON.stringify(routeBundleIndex())};`
				);
			}
			const language = id.startsWith(`\0${PREFIX}`) ? id.slice(PREFIX.length + 1) : '';
			if (isLanguage(language)) {
				const bundles = BUNDLES.map(
					(_, i) => `() => import(${JSON.stringify(`${PREFIX}${language}/${i}`)})`
				);
				return `export const bundles = [${bundles.join(',\n')}];`;
			}
			if (!id.startsWith(`\0${PREFIX}`)) return;
			const [lang, index] = id.slice(PREFIX.length + 1).split('/');
			const bundle = BUNDLES[Number(index)];
			if (!isLanguage(lang) || bundle === undefined) return;
			const file = path.resolve(dir, `${lang}.json`);
			this.addWatchFile(file);
			const text = JSON.stringify(bundleMessages(bundle, JSON.parse(readFileSync(file, 'utf8'))));
			// JSON.parse of a string literal is read faster by a phone than an object literal.
			const code = `export default JSON.parse(${JSON.stringify(text)});`;
			if (bundle !== 'shell') return code;
			// The shell also carries the language's month names and date patterns: one language's,
			// not all nine in every page's code.
			const date = JSON.stringify(JSON.stringify(DATE_LOCALES[lang]));
			return `${code}\nexport const date = JSON.parse(${date});`;
		}
	};
}
