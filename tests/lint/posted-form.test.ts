import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';

// Every action reads its form through postedForm(), which makes a line break one character
// (a browser without JavaScript sends CRLF). The lint refuses reading it directly in a route
// or in kit/, so a new form cannot count a line break twice again.

const eslint = new ESLint({ cwd: process.cwd() });

async function refusals(filePath: string, code: string): Promise<number> {
	const [result] = await eslint.lintText(code, { filePath });
	return result!.messages.filter((m) => m.ruleId === 'no-restricted-syntax').length;
}

describe('forms are read with postedForm()', { timeout: 180_000 }, () => {
	it('refuses request.formData() in a route and in kit/', async () => {
		const direct = `export async function read(request: Request) {\n\treturn request.formData();\n}\n`;
		const fromEvent = `export async function read(event: { request: Request }) {\n\treturn event.request.formData();\n}\n`;
		expect(await refusals('src/routes/planted/+page.server.ts', direct)).toBe(1);
		expect(await refusals('src/routes/planted/+server.ts', fromEvent)).toBe(1);
		expect(await refusals('src/lib/server/kit/planted.ts', fromEvent)).toBe(1);
	});

	it('lets postedForm() pass', async () => {
		const code = `import { postedForm } from '$lib/server/kit/posted-form';\nexport async function read(request: Request) {\n\treturn postedForm(request);\n}\n`;
		expect(await refusals('src/routes/planted/+page.server.ts', code)).toBe(0);
	});
});
