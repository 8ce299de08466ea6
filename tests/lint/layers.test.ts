import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';

// The layers of docs/ARCHITECTURE.md, enforced by eslint.config.js: each case plants one import
// in a file at a real place in the tree and expects the lint to refuse it (or to let it pass).

const eslint = new ESLint({ cwd: process.cwd() });

async function restricted(filePath: string, code: string): Promise<string[]> {
	const [result] = await eslint.lintText(code, { filePath });
	return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

const use = (name: string) => `\nexport const used = ${name};\n`;

describe('the lint enforces the layers', { timeout: 60_000 }, () => {
	it('refuses SvelteKit in area code: $app/*, @sveltejs/kit, also as a type', async () => {
		const file = 'src/lib/server/plans/planted.ts';
		expect(
			await restricted(file, `import { dev } from '$app/environment';${use('dev')}`)
		).toHaveLength(1);
		expect(
			await restricted(file, `import { fail } from '@sveltejs/kit';${use('fail')}`)
		).toHaveLength(1);
		expect(
			await restricted(
				'src/lib/server/caseload/planted.ts',
				`import type { Cookies } from '@sveltejs/kit';\nexport type C = Cookies;\n`
			)
		).toHaveLength(1);
		expect(
			await restricted(
				'src/lib/server/wall-clock-planted.ts',
				`import { error } from '@sveltejs/kit';${use('error')}`
			)
		).toHaveLength(1);
	});

	it('refuses the kit layer in area code (kit calls areas, not back)', async () => {
		expect(
			await restricted(
				'src/lib/server/appointments/planted.ts',
				`import { requireRole } from '../kit/guard';${use('requireRole')}`
			)
		).toEqual([expect.stringContaining('kit/ layer')]);
		expect(
			await restricted(
				'src/lib/server/surveys/planted.ts',
				`import { inCaseload } from '$lib/server/kit/guard';${use('inCaseload')}`
			)
		).toHaveLength(1);
	});

	it('refuses db/ in routes, and lets routes use area modules', async () => {
		const route = 'src/routes/km/planted/+page.server.ts';
		expect(
			await restricted(route, `import { user } from '$lib/server/db/schema';${use('user')}`)
		).toEqual([expect.stringContaining('area modules')]);
		expect(
			await restricted(route, `import { database } from '$lib/server/db';${use('database')}`)
		).toHaveLength(1);
		expect(
			await restricted(
				route,
				`import * as caseload from '$lib/server/caseload/caseload';${use('caseload')}`
			)
		).toEqual([]);
	});

	it('refuses an area in db/, and lets db/ use its own files', async () => {
		const db = 'src/lib/server/db/planted.ts';
		expect(await restricted(db, `import * as audit from '../audit/audit';${use('audit')}`)).toEqual(
			[expect.stringContaining('bottom layer')]
		);
		expect(
			await restricted(db, `import { seedDemo } from '$lib/server/seed/demo';${use('seedDemo')}`)
		).toHaveLength(1);
		expect(await restricted(db, `import { user } from './schema';${use('user')}`)).toEqual([]);
	});

	it('lets the kit layer and routes use SvelteKit', async () => {
		expect(
			await restricted(
				'src/lib/server/kit/planted.ts',
				`import { fail } from '@sveltejs/kit';\nimport { requireRole } from './guard';\nexport const used = [fail, requireRole];\n`
			)
		).toEqual([]);
		expect(
			await restricted(
				'src/routes/km/planted/+page.server.ts',
				`import { fail } from '@sveltejs/kit';\nimport { requireRole } from '$lib/server/kit/guard';\nexport const used = [fail, requireRole];\n`
			)
		).toEqual([]);
	});
});
