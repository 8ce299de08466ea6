import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../db/open';
import { contentReviewer, user } from '../db/schema';
import { record } from '../audit/audit';

// Redacteuren: who may check texts of which language, and for which dienst.

/** Whether `userId` is a redacteur for `language`, and the dienst shown after their name. */
export async function reviewerFor(
	db: Db,
	userId: string,
	language: string
): Promise<{ dienst: string } | null> {
	const [row] = await db
		.select({ dienst: contentReviewer.dienst })
		.from(contentReviewer)
		.where(and(eq(contentReviewer.userId, userId), eq(contentReviewer.language, language)));
	return row ?? null;
}

export interface ReviewerRow {
	userId: string;
	name: string;
	email: string | null;
	language: string;
	dienst: string;
}

/** Every redacteur with their languages. */
export async function listReviewers(db: Db): Promise<ReviewerRow[]> {
	return db
		.select({
			userId: contentReviewer.userId,
			name: user.displayName,
			email: user.email,
			language: contentReviewer.language,
			dienst: contentReviewer.dienst
		})
		.from(contentReviewer)
		.innerJoin(user, eq(user.id, contentReviewer.userId))
		.orderBy(asc(user.displayName), asc(contentReviewer.language));
}

/** Staff who may be made redacteur: everyone with access to /beheer. */
export async function listReviewerCandidates(db: Db) {
	return db
		.select({ id: user.id, name: user.displayName, email: user.email })
		.from(user)
		.where(and(sql`'admin' = any(${user.roles})`, isNull(user.disabledAt)))
		.orderBy(asc(user.displayName));
}

/** Makes `userId` a redacteur for `language` (or changes their dienst). False: no such staff. */
export async function grantReviewer(
	db: Db,
	grant: { userId: string; language: string; dienst: string },
	actorId: string
): Promise<boolean> {
	return db.transaction(async (tx) => {
		const [staff] = await tx
			.select({ id: user.id })
			.from(user)
			.where(and(eq(user.id, grant.userId), sql`'admin' = any(${user.roles})`));
		if (!staff) return false;
		await tx
			.insert(contentReviewer)
			.values({ ...grant, grantedBy: actorId })
			.onConflictDoUpdate({
				target: [contentReviewer.userId, contentReviewer.language],
				set: { dienst: grant.dienst, grantedBy: actorId, grantedAt: new Date() }
			});
		await record(tx, {
			actorId,
			clientId: null,
			action: 'content.reviewer',
			detail: { ...grant, granted: true }
		});
		return true;
	});
}

export async function revokeReviewer(
	db: Db,
	grant: { userId: string; language: string },
	actorId: string
): Promise<boolean> {
	return db.transaction(async (tx) => {
		const removed = await tx
			.delete(contentReviewer)
			.where(
				and(eq(contentReviewer.userId, grant.userId), eq(contentReviewer.language, grant.language))
			)
			.returning({ userId: contentReviewer.userId });
		if (!removed.length) return false;
		await record(tx, {
			actorId,
			clientId: null,
			action: 'content.reviewer',
			detail: { ...grant, granted: false }
		});
		return true;
	});
}
