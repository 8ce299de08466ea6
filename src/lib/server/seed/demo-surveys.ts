import type { PgInsertValue } from 'drizzle-orm/pg-core';
import { eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../db/open';
import { InvitationSpacing } from './generate/invitation-spacing';
import { client, surveyInvitation, surveyOpenAnswer, surveyResponse, user } from '../db/schema';
import { rebuildTally, INVITATION_DAYS } from '../surveys/surveys';
import { quarterDays } from '../../quarters';
import { daysAfter } from '../../dates';
import {
	ensureSurveys,
	generateSurveyResponses,
	insertMany,
	type GenerateContext,
	type Rng
} from './large';

const DEMO_ANSWER_SETS = 900;
/** Share of invitations answered in the demo history. */
const RESPONSE_RATE = 0.42;

/**
 * Survey history for the demo: anonymous answer sets over eight quarters (enough for real
 * numbers, with small cells that the report must hide), invitations that add up to a
 * believable response rate, and one open invitation for Maryam.
 */
export async function seedDemoSurveys(tx: Db, rng: Rng, ctx: GenerateContext): Promise<void> {
	const surveys = await ensureSurveys(tx);
	const { responses, open } = generateSurveyResponses(rng, ctx, surveys, DEMO_ANSWER_SETS);
	await insertMany(tx, surveyResponse, responses);
	await insertMany(tx, surveyOpenAnswer, open);
	await rebuildTally(tx);

	// Invitations per gemeente and quarter; the answered ones match the answer sets in number
	// only (nothing links an answer to an invitation).
	const clients = await tx
		.select({ id: client.id, gemeenteId: client.gemeenteId })
		.from(client)
		.innerJoin(user, eq(user.id, client.userId))
		.where(sql`${user.demoKey} is null`);
	const groups = new Map<string, { muni: string; quarter: string; trigger: string; n: number }>();
	for (const r of responses) {
		const k = `${r.gemeenteId}|${r.quarter}|${r.trigger}`;
		const g = groups.get(k) ?? {
			muni: String(r.gemeenteId),
			quarter: String(r.quarter),
			trigger: String(r.trigger),
			n: 0
		};
		g.n++;
		groups.set(k, g);
	}
	const invitations: PgInsertValue<typeof surveyInvitation>[] = [];
	// No client invited twice within 30 days, as the app does (an invitation with nobody free
	// then is left out); the same draws from `rng` as before, so what follows stays the same.
	const spacing = new InvitationSpacing();
	for (const g of groups.values()) {
		const pool = clients.filter((c) => c.gemeenteId === g.muni).map((c) => c.id);
		if (pool.length === 0) continue;
		const total = Math.round(g.n / RESPONSE_RATE);
		const { from } = quarterDays(g.quarter);
		const start = new Date(`${from}T09:00:00Z`);
		const trigger = g.trigger as 'appointment' | 'instrument_end' | 'periodic';
		for (let i = 0; i < total; i++) {
			const createdAt = daysAfter(start, rng.int(0, 75));
			if (createdAt > ctx.now) continue;
			const clientId = spacing.pick(rng, pool, createdAt);
			if (!clientId) {
				if (i < g.n) rng.int(0, 5); // the draw of the answer day, as before
				continue;
			}
			invitations.push({
				clientId,
				surveyId: surveys[trigger].id,
				trigger,
				createdAt,
				dueAt: daysAfter(createdAt, INVITATION_DAYS),
				answeredAt: i < g.n ? daysAfter(createdAt, rng.int(0, 5)) : null
			});
		}
	}
	await insertMany(tx, surveyInvitation, invitations);
	// Older history must not block the demo: no background invitation is still open.
	await tx.execute(
		sql`update survey_invitation set due_at = created_at where answered_at is null and due_at > ${ctx.now.toISOString()}`
	);

	// Maryam and Hala each have an open periodic invitation: tests/e2e/survey.spec.ts answers
	// Hala's (reserved for it); Maryam's stays open for the security specs.
	const invited = await tx
		.select({ id: client.id })
		.from(client)
		.innerJoin(user, eq(user.id, client.userId))
		.where(inArray(user.demoKey, ['maryam', 'hala']));
	for (const c of invited) {
		await tx.insert(surveyInvitation).values({
			clientId: c.id,
			surveyId: surveys.periodic.id,
			trigger: 'periodic',
			createdAt: daysAfter(ctx.now, -1),
			dueAt: daysAfter(ctx.now, INVITATION_DAYS - 1)
		});
	}
}
