import { describe, expect, it } from 'vitest';
import { byteRange } from './byte-range';

describe('byteRange', () => {
	it('sends the whole body without a usable Range header', () => {
		expect(byteRange(null, 100)).toBeNull();
		expect(byteRange('items=0-5', 100)).toBeNull();
		expect(byteRange('bytes=0-5,10-20', 100)).toBeNull();
		expect(byteRange('bytes=-', 100)).toBeNull();
		expect(byteRange('bytes=9-3', 100)).toBeNull();
	});
	it('gives the asked range, cut at the end of the body', () => {
		expect(byteRange('bytes=0-0', 100)).toEqual({ start: 0, end: 0 });
		expect(byteRange('bytes=10-19', 100)).toEqual({ start: 10, end: 19 });
		expect(byteRange('bytes=90-', 100)).toEqual({ start: 90, end: 99 });
		expect(byteRange('bytes=90-500', 100)).toEqual({ start: 90, end: 99 });
		expect(byteRange('bytes=99-99', 100)).toEqual({ start: 99, end: 99 });
	});
	it('gives the last bytes for a suffix range', () => {
		expect(byteRange('bytes=-10', 100)).toEqual({ start: 90, end: 99 });
		expect(byteRange('bytes=-500', 100)).toEqual({ start: 0, end: 99 });
	});
	it('refuses a range that starts past the end', () => {
		expect(byteRange('bytes=100-', 100)).toBe('unsatisfiable');
		expect(byteRange('bytes=-0', 100)).toBe('unsatisfiable');
	});
});
