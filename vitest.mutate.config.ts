import { defineConfig } from 'vitest/config';
import path from 'node:path';

// The pure rules only, for StrykerJS (`npm run mutate`): no database, no SvelteKit plugin, so
// each mutant runs in well under a second. The list of rule modules is in stryker.config.json.
export default defineConfig({
	resolve: { alias: { $lib: path.resolve('src/lib') } },
	// Stryker copies the project without the generated .svelte-kit/, which tsconfig.json extends.
	esbuild: { tsconfigRaw: { compilerOptions: { target: 'es2022', verbatimModuleSyntax: true } } },
	test: {
		include: [
			'src/lib/quarters.test.ts',
			'src/lib/server/client/situation.test.ts',
			'src/lib/server/auth/access.test.ts',
			'src/lib/server/report/*.test.ts',
			'src/lib/server/surveys/*.test.ts'
		],
		environment: 'node'
	}
});
