import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseForm } from './form-data';

const schema = z.object({
	name: z.string().trim().min(1).max(5),
	password: z.string().min(10)
});

function form(values: Record<string, string>) {
	const f = new FormData();
	for (const [k, v] of Object.entries(values)) f.set(k, v);
	return f;
}

describe('parseForm', () => {
	it('gives the parsed data when valid', () => {
		expect(parseForm(schema, form({ name: 'Lars', password: '0123456789' }))).toEqual({
			ok: true,
			data: { name: 'Lars', password: '0123456789' }
		});
	});
	it('names each field with a translatable message and keeps what was typed', () => {
		const r = parseForm(schema, form({ name: 'Maryam', password: 'short' }), {
			secret: ['password']
		});
		expect(r).toEqual({
			ok: false,
			errors: {
				name: { key: 'errors.tooLong', values: { max: 5 } },
				password: { key: 'errors.tooShort', values: { min: 10 } }
			},
			values: { name: 'Maryam' }
		});
	});
	it('says a missing field is required', () => {
		const r = parseForm(schema, form({ password: '0123456789' }));
		expect(r.ok === false && r.errors.name).toEqual({ key: 'errors.required' });
	});
});
