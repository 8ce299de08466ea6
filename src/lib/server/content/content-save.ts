import { eq } from 'drizzle-orm';
import type { Db } from '../db/open';
import { instrument, instrumentText, topic, topicText, type TextStatus } from '../db/schema';
import { changeText, EditConflict, gemeenteIdOf, type ContentKind } from './content-text';

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
	lastCheckedOn: string | null;
	/** The updatedAt the editor started from; null when they created the text. */
	baseUpdatedAt: string | null;
}

/**
 * Saves a text. Throws EditConflict (with the text now stored) when someone else saved it
 * since the editor opened it; returns false when the topic, instrument or gemeente is gone.
 */
export async function saveText(
	db: Db,
	edit: TextEdit,
	editorId: string,
	now = new Date()
): Promise<boolean> {
	const status: TextStatus = 'concept';
	const checked = { checkedAt: null, checkedBy: null, editedBy: editorId };
	return changeText(db, edit, editorId, async (tx, { current, audit }) => {
		if (!current) return false;
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
				lastCheckedOn: edit.lastCheckedOn ?? now.toISOString().slice(0, 10),
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
			return true;
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
		return true;
	});
}
