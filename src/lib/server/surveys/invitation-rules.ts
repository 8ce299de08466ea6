// When a client may be invited to a survey (docs/DOMAIN.md, "Surveys"), as plain rules so
// their boundaries are pinned by unit tests and mutation testing.

/** Days a client has to answer an invitation before it is no longer offered. */
export const INVITATION_DAYS = 14;
/** At most one invitation per client in this many days, whatever the trigger. */
export const MIN_DAYS_BETWEEN = 30;

const DAY = 86_400_000;

/** The moment an invitation made at `now` stops being offered. */
export function invitationDueAt(now: Date): Date {
	return new Date(now.getTime() + INVITATION_DAYS * DAY);
}

/** Invitations made after this moment block a new one. */
export function tooSoonSince(now: Date): Date {
	return new Date(now.getTime() - MIN_DAYS_BETWEEN * DAY);
}

/**
 * Why the client's latest invitation blocks a new one at `now`, or null when it does not:
 * it is still open (not answered, not past its due moment), or it was made less than
 * MIN_DAYS_BETWEEN days ago. Exactly MIN_DAYS_BETWEEN days later a new one is allowed.
 */
export function inviteBlockedBy(
	last: { createdAt: Date; dueAt: Date; answeredAt: Date | null } | undefined,
	now: Date
): 'open_invitation' | 'too_soon' | null {
	if (!last) return null;
	if (!last.answeredAt && last.dueAt > now) return 'open_invitation';
	if (last.createdAt > tooSoonSince(now)) return 'too_soon';
	return null;
}
