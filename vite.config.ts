import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig, type Plugin } from 'vitest/config';
import { wegwijsMessages } from './src/lib/i18n/messages-plugin';

// Fewer, larger files on first load: each small chunk costs a request and its own gzip
// dictionary on a slow phone. Rollup merges only where no other page runs extra code.
// Client build only (SvelteKit's server build checks every export of its chunks).
const fewerClientChunks: Plugin = {
	name: 'wegwijs:fewer-client-chunks',
	config: (config) =>
		config.build?.ssr
			? undefined
			: { build: { rollupOptions: { output: { experimentalMinChunkSize: 20_000 } } } }
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
