import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { normalizeLineEnds, withLineEndsNormalized } from './line-ends';
import { parseForm } from './form-data';

describe('line breaks as the browser counted them', () => {
	it('makes CRLF and a lone CR one "\\n"', () => {
		expect(normalizeLineEnds('a\r\nb\rc\nd\r\n\r\n')).toBe('a\nb\nc\nd\n\n');
	});

	it('a form posted without JavaScript passes a 500-character limit at 500 typed characters', () => {
		// 5 lines of 99 and 4 line breaks: 499 characters in the browser's counter, 503 as sent.
		const typed = Array.from({ length: 5 }, () => 'x'.repeat(99)).join('\n') + 'y';
		expect([...typed].length).toBe(500);
		const sent = new FormData();
		sent.append('reason', typed.replaceAll('\n', '\r\n'));
		const schema = z.object({ reason: z.string().trim().max(500) });
		expect(parseForm(schema, sent).ok).toBe(false);
		const parsed = parseForm(schema, withLineEndsNormalized(sent));
		expect(parsed).toEqual({ ok: true, data: { reason: typed } });
	});

	it('keeps files and repeated fields as they are', () => {
		const form = new FormData();
		const file = new File(['a\r\nb'], 'brief.txt', { type: 'text/plain' });
		form.append('files', file);
		form.append('gemeenteIds', 'a');
		form.append('gemeenteIds', 'b');
		const out = withLineEndsNormalized(form);
		const kept = out.get('files') as File;
		expect(kept.name).toBe('brief.txt');
		expect(kept.size).toBe(4);
		expect(out.getAll('gemeenteIds')).toEqual(['a', 'b']);
	});
});
