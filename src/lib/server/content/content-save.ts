import { eq } from 'drizzle-orm';
import type { Db } from '../db/open';
import {
	instrument,
	instrumentText,
	topic,
	topicText,
	topicVersion,
	type TextStatus
} from '../db/schema';
import { amsterdamDay } from '../../dates';
import {
	changeText,
	EditConflict,
	gemeenteIdOf,
	whereVersion,
	type ContentKind
} from './content-text';

export interface TextEdit {
	kind: ContentKind;
	code: string;
	language: string;
	gemeenteCode: string | null;
	title: string;
	summary: string | null;
	body: string;
	published: boolean;
	legalBasis: string | null;
	/** A dated version to edit by its date (before that date only). */
	validFrom?: string | null;
	/** The updatedAt the editor started from; null when they created the text. */
	baseUpdatedAt: string | null;
}

/**
 * `saved`; `notFound` when the topic, instrument, gemeente or dated version is gone;
 * `inForce` when a dated version was asked for by its date and that date has come (it is
 * history or the text in force now: the editor edits the text itself).
 */
export type SaveOutcome = 'saved' | 'notFound' | 'inForce';

/**
 * Saves a text: the stored text, or after a version's date the version in force, or a dated
 * version asked for by its date. Throws EditConflict (with the text now stored) when someone
 * else saved it since the editor opened it.
 */
export async function saveText(
	db: Db,
	edit: TextEdit,
	editorId: string,
	now = new Date()
): Promise<SaveOutcome> {
	const status: TextStatus = 'concept';
	const checked = { checkedAt: null, checkedBy: null, checkedDienst: null, editedBy: editorId };
	const today = amsterdamDay(now);
	return changeText(
		db,
		edit,
		editorId,
		async (tx, { current, audit }): Promise<SaveOutcome> => {
			if (!current) return 'notFound';
			if (edit.validFrom && current.version?.inForce) return 'inForce';
			if ((current.text?.updatedAt ?? null) !== edit.baseUpdatedAt && current.text) {
				throw new EditConflict({
					title: current.text.title,
					body: current.text.body,
					summary: current.text.summary ?? undefined,
					updatedAt: current.text.updatedAt
				});
			}
			await audit('content.edit', { created: !current.text, title: edit.title });
			if (current.text?.status === 'checked')
				await audit('content.status', { from: 'checked', to: 'concept' });
			if (current.published !== edit.published)
				await audit('content.status', { published: edit.published });
			if (current.version) {
				// A dated version is dienst-wide and keeps its own legal basis.
				await tx.update(topic).set({ published: edit.published }).where(eq(topic.code, edit.code));
				await tx
					.update(topicVersion)
					.set({
						title: edit.title,
						body: edit.body,
						...(edit.legalBasis ? { legalBasis: edit.legalBasis } : {}),
						status,
						...checked,
						updatedAt: now
					})
					.where(whereVersion(edit.code, edit.language, current.version.validFrom));
				return 'saved';
			}
			if (edit.kind === 'topic') {
				const [t] = await tx
					.update(topic)
					.set({
						published: edit.published,
						...(edit.legalBasis ? { legalBasis: edit.legalBasis } : {})
					})
					.where(eq(topic.code, edit.code))
					.returning({ id: topic.id });
				const gemeenteId = (await gemeenteIdOf(tx, edit.gemeenteCode)) ?? null;
				const values = {
					title: edit.title,
					body: edit.body,
					// Only the day it was saved: a check is a named redacteur's (checkedBy, checkedAt).
					lastCheckedOn: today,
					status,
					...checked,
					updatedAt: now
				};
				await tx
					.insert(topicText)
					.values({ topicId: t!.id, language: edit.language, gemeenteId, ...values })
					.onConflictDoUpdate({
						target: [topicText.topicId, topicText.language, topicText.gemeenteId],
						set: values
					});
				return 'saved';
			}
			const [i] = await tx
				.update(instrument)
				.set({ active: edit.published })
				.where(eq(instrument.code, edit.code))
				.returning({ id: instrument.id });
			const values = {
				name: edit.title,
				summary: edit.summary ?? '',
				body: edit.body,
				status,
				...checked,
				updatedAt: now
			};
			await tx
				.insert(instrumentText)
				.values({ instrumentId: i!.id, language: edit.language, ...values })
				.onConflictDoUpdate({
					target: [instrumentText.instrumentId, instrumentText.language],
					set: values
				});
			return 'saved';
		},
		today
	);
}
