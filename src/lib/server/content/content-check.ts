import type { Db } from '../db/open';
import { SOURCE_LANGUAGE } from '../../i18n/languages';
import { topicVersion } from '../db/schema';
import { amsterdamDay } from '../../dates';
import { changeText, whereText, whereVersion, type TextTarget } from './content-text';
import { reviewerFor } from './content-reviewers';

export type CheckOutcome = 'checked' | 'notFound' | 'notReviewer' | 'ownEdit';

/**
 * A redacteur for the text's language confirms it: who and when are kept and shown to
 * clients. Refused for someone who is not a redacteur for that language, and for the person
 * who saved the text last (four eyes). After a version's date that is the version in force; a
 * dated version can also be checked by its date, before it comes into force.
 */
export async function markChecked(
	db: Db,
	target: TextTarget,
	checkerId: string,
	now = new Date()
): Promise<CheckOutcome> {
	return changeText(
		db,
		target,
		checkerId,
		async (tx, { current, audit }) => {
			if (!current?.text) return 'notFound';
			const reviewer = await reviewerFor(tx, checkerId, target.language);
			if (!reviewer) return 'notReviewer';
			if (current.text.editedById === checkerId) return 'ownEdit';
			const checked = {
				status: 'checked' as const,
				checkedBy: checkerId,
				checkedAt: now,
				checkedDienst: reviewer.dienst
			};
			if (current.version) {
				await tx
					.update(topicVersion)
					.set(checked)
					.where(whereVersion(target.code, target.language, current.version.validFrom));
			} else {
				const row = await whereText(tx, target);
				if (!row) return 'notFound';
				await tx.update(row.table).set(checked).where(row.where);
			}
			await audit('content.check', { from: current.text.status, to: 'checked' });
			return 'checked';
		},
		amsterdamDay(now)
	);
}

/**
 * Removes a translation or a gemeente variant, so clients see the Dutch (or dienst-wide)
 * text again, marked as such. The Dutch dienst-wide text is the source and cannot go.
 */
export async function removeText(db: Db, target: TextTarget, actorId: string): Promise<boolean> {
	if (target.language === SOURCE_LANGUAGE && target.gemeenteCode === null) return false;
	// A dated version is not removed: it is history, or it becomes the text on its date.
	if (target.validFrom) return false;
	return changeText(db, target, actorId, async (tx, { audit }) => {
		const row = await whereText(tx, target);
		if (!row) return false;
		const removed = await tx
			.delete(row.table)
			.where(row.where)
			.returning({ language: row.table.language, status: row.table.status });
		if (!removed.length) return false;
		await audit('content.remove', { status: removed[0]!.status });
		return true;
	});
}
