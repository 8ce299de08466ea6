import { describe, expect, it } from 'vitest';
import { worksFor } from './works-for';

describe('worksFor', () => {
	it('a staff member with no gemeenten ticked works for every gemeente', () => {
		expect(worksFor({ gemeenteIds: [] }, 'lindewaard-id')).toBe(true);
	});
	it('one with gemeenten ticked works for those and no other', () => {
		const staff = { gemeenteIds: ['brakeloo-id', 'oosterveld-id'] };
		expect(worksFor(staff, 'oosterveld-id')).toBe(true);
		expect(worksFor(staff, 'lindewaard-id')).toBe(false);
	});
});
