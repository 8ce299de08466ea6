import { describe, expect, it } from 'vitest';
import {
	INVITATION_DAYS,
	MIN_DAYS_BETWEEN,
	invitationDueAt,
	inviteBlockedBy,
	tooSoonSince
} from './invitation-rules';

const DAY = 86_400_000;
const now = new Date('2026-06-15T10:00:00Z');
const daysAgo = (d: number) => new Date(now.getTime() - d * DAY);

describe('survey invitation rules', () => {
	it('an invitation is open for exactly 14 days', () => {
		expect(INVITATION_DAYS).toBe(14);
		expect(invitationDueAt(now).toISOString()).toBe('2026-06-29T10:00:00.000Z');
	});

	it('at most one invitation in 30 days: blocked at 29 days and 23:59, allowed at exactly 30', () => {
		expect(MIN_DAYS_BETWEEN).toBe(30);
		expect(tooSoonSince(now).toISOString()).toBe('2026-05-16T10:00:00.000Z');
		const answered = (createdAt: Date) => ({ createdAt, dueAt: createdAt, answeredAt: createdAt });
		expect(inviteBlockedBy(answered(new Date(daysAgo(30).getTime() + 60_000)), now)).toBe(
			'too_soon'
		);
		expect(inviteBlockedBy(answered(daysAgo(30)), now)).toBeNull();
		expect(inviteBlockedBy(answered(daysAgo(31)), now)).toBeNull();
	});

	it('an open invitation blocks a new one until it is answered or its due moment passes', () => {
		const open = { createdAt: daysAgo(40), dueAt: new Date(now.getTime() + 1), answeredAt: null };
		expect(inviteBlockedBy(open, now)).toBe('open_invitation');
		expect(inviteBlockedBy({ ...open, dueAt: now }, now)).toBeNull();
		expect(inviteBlockedBy({ ...open, answeredAt: daysAgo(35) }, now)).toBeNull();
	});

	it('a recent open invitation reads as open, not as too soon', () => {
		const open = { createdAt: daysAgo(2), dueAt: daysAgo(-12), answeredAt: null };
		expect(inviteBlockedBy(open, now)).toBe('open_invitation');
	});

	it('a client never invited may be invited', () => {
		expect(inviteBlockedBy(undefined, now)).toBeNull();
	});
});
