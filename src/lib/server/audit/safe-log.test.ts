import { describe, expect, it } from 'vitest';
import { DrizzleQueryError } from 'drizzle-orm/errors';
import { loggable } from './safe-log';

describe('error logs without personal data', () => {
	it('keeps the failed query but never its parameter values or the database detail', () => {
		const cause = Object.assign(new Error('duplicate key value violates unique constraint'), {
			code: '23505',
			detail: 'Key (email)=(lieke@example.nl) already exists.'
		});
		const e = new DrizzleQueryError(
			'insert into "note" ("text") values ($1)',
			['Mijn schuld bij de bank is 4000 euro', 'lieke@example.nl'],
			cause
		);
		const text = loggable(e);
		expect(text).toContain('insert into "note"');
		expect(text).toContain('23505');
		expect(text).not.toContain('4000 euro');
		expect(text).not.toContain('lieke@example.nl');
	});
	it('cuts off a value the database quotes in its message', () => {
		const cause = Object.assign(new Error('invalid input syntax for type uuid: "BSN 123456782"'), {
			code: '22P02'
		});
		const text = loggable(new DrizzleQueryError('select 1 where id = $1', ['x'], cause));
		expect(text).toContain('invalid input syntax for type uuid');
		expect(text).not.toContain('123456782');
	});
	it('keeps an ordinary error with its stack', () => {
		const text = loggable(new TypeError('x is undefined'));
		expect(text).toContain('TypeError: x is undefined');
		expect(text).toContain('safe-log.test');
	});
});
