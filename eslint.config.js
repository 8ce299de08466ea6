import prettier from 'eslint-config-prettier';
import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

// The layers (docs/ARCHITECTURE.md, "Layers"): routes -> kit -> areas -> db. Checked by
// tests/lint/layers.test.ts, which plants a wrong import in each layer.
const AREAS = [
	'appointments',
	'audit',
	'auth',
	'caseload',
	'client',
	'content',
	'handhaving',
	'instruments',
	'jobs',
	'notifications',
	'plans',
	'report',
	'seed',
	'staff',
	'surveys'
];
const noKit = {
	group: ['$app/*', '@sveltejs/kit', '@sveltejs/kit/*'],
	message:
		'Area and db code stays plain TypeScript: no $app/* or @sveltejs/kit. Map results to pages in src/lib/server/kit/ or the route.'
};
const noKitLayer = {
	regex: '^(\\$lib/server/|(\\.\\./)+)kit(/|$)',
	message: 'The kit/ layer calls areas, not the other way round.'
};

export default ts.config(
	{
		ignores: [
			'build/',
			'.svelte-kit/',
			'bench/bare/build/',
			'bench/bare/.svelte-kit/',
			// The bare benchmark app is its own SvelteKit project (outside this tsconfig).
			'bench/bare/src/**/*.svelte',
			'data/',
			'drizzle/',
			'test-results/',
			'playwright-report/',
			'.stryker-tmp/',
			'reports/'
		]
	},
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	prettier,
	...svelte.configs.prettier,
	{
		languageOptions: { globals: { ...globals.browser, ...globals.node } },
		rules: {
			'no-undef': 'off',
			// Wegwijs is served at the root (no paths.base), so plain hrefs are what resolve() gives.
			'svelte/no-navigation-without-resolve': 'off',
			'@typescript-eslint/no-unused-vars': [
				'error',
				{ argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }
			]
		}
	},
	{
		files: ['**/*.svelte', '**/*.svelte.ts', '**/*.svelte.js'],
		languageOptions: {
			parserOptions: {
				projectService: true,
				extraFileExtensions: ['.svelte'],
				parser: ts.parser,
				svelteConfig
			}
		}
	},
	{
		files: [
			...AREAS.map((a) => `src/lib/server/${a}/**/*.ts`),
			'src/lib/server/db/**/*.ts',
			'src/lib/server/*.ts'
		],
		// Owned by the report split (#12); it moves its fail() into the route there.
		ignores: ['src/lib/server/report/norm-form.ts'],
		rules: { 'no-restricted-imports': ['error', { patterns: [noKit, noKitLayer] }] }
	},
	{
		files: ['src/lib/server/db/**/*.ts'],
		rules: {
			'no-restricted-imports': [
				'error',
				{
					patterns: [
						noKit,
						noKitLayer,
						{
							regex: `^(\\$lib/server/|(\\.\\./)+)(${AREAS.join('|')})(/|$)`,
							message: 'db/ is the bottom layer: it may not import an area.'
						}
					]
				}
			]
		}
	},
	{
		files: ['src/routes/**/*.ts', 'src/routes/**/*.svelte'],
		rules: {
			'no-restricted-imports': [
				'error',
				{
					patterns: [
						{
							regex: '^\\$lib/server/db(/|$)',
							message:
								'Routes reach the database through area modules (src/lib/server/<area>/), never db/ directly.'
						}
					]
				}
			]
		}
	},
	{
		// A form is read with postedForm() (src/lib/server/kit/posted-form.ts), which counts a line
		// break as one character as the browser did; checked by tests/lint/posted-form.test.ts.
		files: ['src/routes/**/*.ts', 'src/lib/server/kit/**/*.ts'],
		ignores: ['src/lib/server/kit/posted-form.ts'],
		rules: {
			'no-restricted-syntax': [
				'error',
				{
					selector:
						"CallExpression[callee.property.name='formData']:matches([callee.object.name='request'], [callee.object.property.name='request'])",
					message:
						'Read a posted form with postedForm(request) from $lib/server/kit/posted-form: without JavaScript a line break arrives as two characters (CRLF).'
				}
			]
		}
	}
);
