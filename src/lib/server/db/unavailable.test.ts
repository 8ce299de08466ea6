import { describe, expect, it } from 'vitest';
import { DrizzleQueryError } from 'drizzle-orm';
import { isDatabaseUnavailable } from './unavailable';

const withCode = (code: string) => Object.assign(new Error(code), { code });

describe('isDatabaseUnavailable', () => {
	it('sees a refused connection inside the error drizzle wraps around it', () => {
		const wrapped = new DrizzleQueryError('select 1', [], withCode('ECONNREFUSED'));
		expect(isDatabaseUnavailable(wrapped)).toBe(true);
	});

	it('sees a server shutting down or starting up, and a closed connection', () => {
		for (const code of ['57P01', '57P03', 'CONNECTION_CLOSED', 'CONNECT_TIMEOUT']) {
			expect(isDatabaseUnavailable(new DrizzleQueryError('q', [], withCode(code)))).toBe(true);
		}
	});

	it('sees a refused connection to every address of a host name (AggregateError)', () => {
		const all = new AggregateError([withCode('ECONNREFUSED'), withCode('ECONNREFUSED')]);
		expect(isDatabaseUnavailable(all)).toBe(true);
	});

	it('leaves real bugs alone: a constraint violation or a syntax error is no outage', () => {
		expect(isDatabaseUnavailable(new DrizzleQueryError('q', [], withCode('23505')))).toBe(false);
		expect(isDatabaseUnavailable(withCode('42601'))).toBe(false);
		expect(isDatabaseUnavailable(new TypeError('x is undefined'))).toBe(false);
		expect(isDatabaseUnavailable(null)).toBe(false);
	});
});
