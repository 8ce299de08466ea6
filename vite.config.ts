import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig, type Plugin } from 'vitest/config';
import { wegwijsMessages } from './src/lib/i18n/messages-plugin';

// Fewer, larger files on first load: each small chunk costs a request and its own gzip
// dictionary on a slow phone. Rollup merges only where no other page runs extra code.
// Client build only (SvelteKit's server build checks every export of its chunks).
// A language's list of string files ($lib/i18n/messages-plugin) stays a file of its own: merged
// (it is small and has no side effects) Rollup put all nine lists into chunks every page loads,
// about 3 KB gzip of other languages' file names on each first visit (#19).
const LANGUAGE_LIST = /^\0virtual:wegwijs-messages\/([a-z]+)$/;
const fewerClientChunks: Plugin = {
	name: 'wegwijs:fewer-client-chunks',
	config: (config) =>
		config.build?.ssr
			? undefined
			: {
					build: {
						rollupOptions: {
							output: {
								experimentalMinChunkSize: 20_000,
								// Only the list itself, not what it imports (Vite's preload helper).
								onlyExplicitManualChunks: true,
								manualChunks: (id) => {
									const lang = LANGUAGE_LIST.exec(id)?.[1];
									return lang ? `strings-${lang}` : undefined;
								}
							}
						}
					}
				}
};

export default defineConfig({
	plugins: [sveltekit(), fewerClientChunks, wegwijsMessages()],
	server: { port: 5173 },
	test: {
		include: ['src/**/*.test.ts', 'tests/integration/**/*.test.ts', 'tests/lint/**/*.test.ts'],
		environment: 'node',
		// PGlite instances are heavy; a few files at a time keeps memory flat on 2 cores.
		maxWorkers: 2,
		testTimeout: 30_000,
		// TOTP keys are sealed with the document key (#14): a fixed test key, so the tests never
		// write a key file into ./data (that folder would then turn off demo mode for npm start).
		env: { DOCUMENT_KEY: Buffer.alloc(32, 7).toString('base64') },
		hookTimeout: 180_000
	}
});
