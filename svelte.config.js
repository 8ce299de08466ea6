import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		adapter: adapter(),
		// Strict CSP: SvelteKit adds hashes/nonces for its own inline bootstrap script.
		csp: {
			mode: 'auto',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				'style-src': ['self', 'unsafe-inline'],
				'img-src': ['self', 'data:'],
				'font-src': ['self'],
				'connect-src': ['self'],
				'manifest-src': ['self'],
				'worker-src': ['self'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self'],
				'frame-ancestors': ['none']
			}
		},
		serviceWorker: { register: false },
		// The offline page and the app shell are served at whatever URL failed: absolute asset
		// paths keep them working at any depth.
		paths: { relative: false },
		prerender: { crawl: false },
		// One version per build. Vite 7 builds the server and the client environment separately and
		// the config can be evaluated for each; a version taken from the clock then differs between
		// them, and the page's bootstrap script looks for a global the client code never sets.
		version: { name: (process.env.WEGWIJS_BUILD_VERSION ??= String(Date.now())) }
	}
};

export default config;
