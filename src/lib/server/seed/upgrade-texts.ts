import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../db/open';
import {
	instrument,
	instrumentText,
	planTextTranslation,
	topic,
	topicText,
	topicVersion
} from '../db/schema';
import { record } from '../audit/audit';
import { loadTopicContent, type TopicContent } from './topics';
import { loadInstrumentCatalogue, type InstrumentEntry } from './catalogue';
import { loadTopicVersions, type VersionContent } from './topic-versions';
import { loadPlanTextTranslations, type PlanTextRow } from './plan-templates';
import { SOURCE_LANGUAGE } from '../../i18n/languages';

// An installation seeded before a correction keeps the old wording: seeding adds only what is
// missing. This step replaces every dienst-wide text that still comes from the repository (no
// one saved it in /beheer) but no longer matches it, so an old, legally wrong statement does
// not stay on screen. The replacement is a concept again (nobody checked the new words), and
// each replacement is an audit event. A text an editor saved is never overwritten. Dated versions
// (content/versions) and plan template translations (content/plan-templates.<lang>.json) are
// brought up to date the same way, so a version that takes effect later does not bring back old
// wording on its date, and a plan made from a template shows the current translation.

export interface UpgradeResult {
	topics: number;
	instruments: number;
	versions: number;
	planTexts: number;
}

const key = (code: string, language: string) => `${code}|${language}`;
const concept = {
	status: 'concept' as const,
	checkedBy: null,
	checkedAt: null,
	checkedDienst: null
};

export async function upgradeSeededTexts(
	db: Db,
	topics: TopicContent[] = loadTopicContent(),
	instruments: InstrumentEntry[] = loadInstrumentCatalogue(),
	now = new Date(),
	versions: VersionContent[] = loadTopicVersions(),
	planTexts: PlanTextRow[] = loadPlanTextTranslations()
): Promise<UpgradeResult> {
	const topicRepo = new Map(
		topics.flatMap((t) =>
			[[SOURCE_LANGUAGE, t.nl] as const, ...Object.entries(t.translations)].map(
				([language, text]) => [key(t.code, language), text] as const
			)
		)
	);
	const instrumentRepo = new Map(
		instruments.flatMap((e) =>
			Object.entries(e.texts).map(([language, text]) => [key(e.code, language), text] as const)
		)
	);
	const versionRepo = new Map(
		versions.flatMap((v) =>
			Object.entries(v.texts).map(
				([language, text]) => [`${key(v.code, language)}|${v.validFrom}`, text] as const
			)
		)
	);
	// The first row for a text wins, as when seeding (insert … on conflict do nothing).
	const planTextRepo = new Map<string, string>();
	for (const r of planTexts)
		if (!planTextRepo.has(key(r.source, r.language)))
			planTextRepo.set(key(r.source, r.language), r.text);
	return db.transaction(async (tx) => {
		const audit = (kind: string, code: string, language: string, validFrom?: string) =>
			record(tx, {
				actorId: null,
				clientId: null,
				action: 'content.edit',
				detail: {
					kind,
					code,
					language,
					...(validFrom ? { validFrom } : {}),
					gemeente: null,
					upgraded: true
				}
			});
		// Only texts no one saved in /beheer (edited_by is null), dienst-wide.
		const storedTopics = await tx
			.select({
				topicId: topicText.topicId,
				code: topic.code,
				language: topicText.language,
				title: topicText.title,
				body: topicText.body
			})
			.from(topicText)
			.innerJoin(topic, eq(topic.id, topicText.topicId))
			.where(and(isNull(topicText.editedBy), isNull(topicText.gemeenteId)));
		const topicCount = await replaceChanged(storedTopics, {
			repo: (s) => topicRepo.get(key(s.code, s.language)),
			same: (repo, s) => repo.title === s.title && repo.body === s.body,
			replace: (repo, s) =>
				tx
					.update(topicText)
					.set({ title: repo.title, body: repo.body, ...concept, updatedAt: now })
					.where(
						and(
							eq(topicText.topicId, s.topicId),
							eq(topicText.language, s.language),
							isNull(topicText.gemeenteId),
							isNull(topicText.editedBy)
						)
					),
			audit: (s) => audit('topic', s.code, s.language)
		});
		const storedInstruments = await tx
			.select({
				instrumentId: instrumentText.instrumentId,
				code: instrument.code,
				language: instrumentText.language,
				name: instrumentText.name,
				summary: instrumentText.summary,
				body: instrumentText.body
			})
			.from(instrumentText)
			.innerJoin(instrument, eq(instrument.id, instrumentText.instrumentId))
			.where(isNull(instrumentText.editedBy));
		const instrumentCount = await replaceChanged(storedInstruments, {
			repo: (s) => instrumentRepo.get(key(s.code, s.language)),
			same: (repo, s) => repo.name === s.name && repo.summary === s.summary && repo.body === s.body,
			replace: (repo, s) =>
				tx
					.update(instrumentText)
					.set({
						name: repo.name,
						summary: repo.summary,
						body: repo.body,
						...concept,
						updatedAt: now
					})
					.where(
						and(
							eq(instrumentText.instrumentId, s.instrumentId),
							eq(instrumentText.language, s.language),
							isNull(instrumentText.editedBy)
						)
					),
			audit: (s) => audit('instrument', s.code, s.language)
		});
		const storedVersions = await tx
			.select({
				topicId: topicVersion.topicId,
				code: topic.code,
				language: topicVersion.language,
				validFrom: topicVersion.validFrom,
				title: topicVersion.title,
				body: topicVersion.body
			})
			.from(topicVersion)
			.innerJoin(topic, eq(topic.id, topicVersion.topicId))
			.where(isNull(topicVersion.editedBy));
		const versionCount = await replaceChanged(storedVersions, {
			repo: (s) => versionRepo.get(`${key(s.code, s.language)}|${s.validFrom}`),
			same: (repo, s) => repo.title === s.title && repo.body === s.body,
			replace: (repo, s) =>
				tx
					.update(topicVersion)
					.set({ title: repo.title, body: repo.body, ...concept, updatedAt: now })
					.where(
						and(
							eq(topicVersion.topicId, s.topicId),
							eq(topicVersion.language, s.language),
							eq(topicVersion.validFrom, s.validFrom),
							isNull(topicVersion.editedBy)
						)
					),
			audit: (s) => audit('topic-version', s.code, s.language, s.validFrom)
		});
		// Plan text translations no klantmanager or editor changed (updated_by is null).
		const storedPlanTexts = await tx
			.select({
				source: planTextTranslation.source,
				language: planTextTranslation.language,
				text: planTextTranslation.text
			})
			.from(planTextTranslation)
			.where(isNull(planTextTranslation.updatedBy));
		const planTextCount = await replaceChanged(storedPlanTexts, {
			repo: (s) => planTextRepo.get(key(s.source, s.language)),
			same: (repo, s) => repo === s.text,
			replace: (repo, s) =>
				tx
					.update(planTextTranslation)
					.set({ text: repo, status: 'concept', updatedAt: now })
					.where(
						and(
							eq(planTextTranslation.source, s.source),
							eq(planTextTranslation.language, s.language),
							isNull(planTextTranslation.updatedBy)
						)
					),
			audit: (s) => audit('plan-text', s.source, s.language)
		});
		return {
			topics: topicCount,
			instruments: instrumentCount,
			versions: versionCount,
			planTexts: planTextCount
		};
	});
}

/**
 * One kind of text: each stored row whose repository text differs (and still exists) is
 * replaced and audited, one after the other in the caller's transaction. Returns how many.
 */
async function replaceChanged<S, R>(
	stored: S[],
	how: {
		repo: (s: S) => R | undefined;
		same: (repo: R, s: S) => boolean;
		replace: (repo: R, s: S) => PromiseLike<unknown>;
		audit: (s: S) => PromiseLike<unknown>;
	}
): Promise<number> {
	let count = 0;
	for (const s of stored) {
		const repo = how.repo(s);
		if (repo === undefined || how.same(repo, s)) continue;
		await how.replace(repo, s);
		await how.audit(s);
		count++;
	}
	return count;
}
