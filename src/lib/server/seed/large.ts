// The bulk generator (npm run seed, the benchmark): staff, caseloads and the entry point.
// The generated rows themselves are made in ./generate/ (one file per kind of data).
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { PgInsertValue } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import { hashPassword } from '../auth/password';
import type { Db } from '../db/open';
import { authIdentity, surveyOpenAnswer, surveyResponse, team, user } from '../db/schema';
import { seedInstruments } from './catalogue';
import { rebuildTally } from '../surveys/surveys';

import { Rng } from './generate/random';
import { insertMany } from './generate/insert';
import { ensureGemeenten, loadInstrumentRefs } from './generate/reference';
import { type Origin, personName } from './generate/names';
import { REACHABLE } from './generate/texts';
import type { GenerateContext } from './generate/generated';
import { generateClients, insertGenerated, nextClientNumber } from './generate/clients';
import { ensureSurveys, generateSurveyResponses } from './generate/surveys';
import { clientPool, generateInvitations, insertInvitations } from './generate/invitations';
import { InvitationSpacing } from './generate/invitation-spacing';
import { BULK_MIX } from './generate/handhaving';
import { seedDemoNorms } from './demo-norms';

export { mulberry32, Rng } from './generate/random';
export { insertMany } from './generate/insert';
export {
	DEMO_GEMEENTEN,
	officeAddress,
	ensureGemeenten,
	loadInstrumentRefs,
	eligible,
	type GemeenteRef,
	type InstrumentRef
} from './generate/reference';
export { personName } from './generate/names';
export { generateClients, insertGenerated, nextClientNumber } from './generate/clients';
export type { GenerateContext, ChunkOptions, GeneratedRows } from './generate/generated';
export {
	SURVEY_ITEM_TEXTS,
	DEFAULT_SURVEY_ITEMS,
	ensureSurveys,
	generateSurveyResponses,
	type SurveyRef
} from './generate/surveys';
export const DEMO_PASSWORD = 'wegwijs-demo';

// ── Staff ─────────────────────────────────────────────────────────────────────

async function createKlantmanagers(
	db: Db,
	rng: Rng,
	count: number,
	passwordHash: string
): Promise<string[]> {
	const [row] = await db
		.select({
			max: sql<
				string | null
			>`max(substring(${user.email} from '^klantmanager\\.([0-9]+)@wegwijs\\.example$')::int)`
		})
		.from(user);
	const first = Number(row?.max ?? 0) + 1;
	const teams: PgInsertValue<typeof team>[] = [];
	const users: PgInsertValue<typeof user>[] = [];
	const identities: PgInsertValue<typeof authIdentity>[] = [];
	const ids: string[] = [];
	let teamId = '';
	for (let i = 0; i < count; i++) {
		const id = randomUUID();
		const seq = first + i;
		if (i % 8 === 0) {
			teamId = randomUUID();
			teams.push({ id: teamId, name: `Team ${Math.floor((seq - 1) / 8) + 1}`, leadUserId: id });
		}
		const email = `klantmanager.${seq}@wegwijs.example`;
		const origin = rng.weighted<Origin>([
			['nl', 80],
			['ma', 8],
			['tr', 6],
			['sr', 6]
		]);
		users.push({
			id,
			displayName: personName(rng, origin, rng.chance(0.65)),
			email,
			roles: ['klantmanager'],
			language: 'nl',
			teamId,
			phone: `088 555 ${String(1000 + (seq % 9000)).padStart(4, '0')}`,
			reachableHours: rng.pick(REACHABLE)
		});
		identities.push({ userId: id, provider: 'password', subject: email, passwordHash });
		ids.push(id);
	}
	await insertMany(db, team, teams);
	await insertMany(db, user, users);
	await insertMany(db, authIdentity, identities);
	return ids;
}

/** Caseloads of 70–200 (a few big meedoen caseloads), scaled to add up to `clients`. */
export function caseloads(rng: Rng, klantmanagers: number, clients: number): number[] {
	const raw = Array.from({ length: klantmanagers }, () => 70 + 130 * rng.next() ** 3);
	const total = raw.reduce((a, b) => a + b, 0);
	const exact = raw.map((r) => (r / total) * clients);
	const counts = exact.map(Math.floor);
	let left = clients - counts.reduce((a, b) => a + b, 0);
	const order = exact.map((e, i) => [e - Math.floor(e), i] as const).sort((a, b) => b[0] - a[0]);
	for (const [, i] of order) {
		if (left-- <= 0) break;
		counts[i]!++;
	}
	return counts;
}

/** PGlite's queries settle as microtasks only; without this, timers and signals wait. */
function yieldToEventLoop(): Promise<void> {
	return new Promise((resolve) => setImmediate(resolve));
}

// ── Entry point ───────────────────────────────────────────────────────────────

export const seedLargeOptionsSchema = z.object({
	clients: z.number().int().min(0).max(2_000_000),
	klantmanagers: z.number().int().min(1).max(50_000).optional(),
	surveyAnswers: z.number().int().min(0).max(10_000_000).optional(),
	instrumentUses: z.number().int().min(0).max(20_000_000).optional(),
	appointments: z.number().int().min(0).max(50_000_000).optional(),
	seed: z.number().int().optional(),
	now: z.date().optional(),
	chunkSize: z.number().int().min(1).max(20_000).optional()
});

export type SeedLargeOptions = z.input<typeof seedLargeOptionsSchema> & {
	onProgress?: (done: number, total: number, stage: string) => void;
};

export interface SeedLargeResult {
	clients: number;
	klantmanagers: number;
	ladderSteps: number;
	plans: number;
	planSteps: number;
	instrumentUses: number;
	outflows: number;
	appointments: number;
	surveyResponses: number;
	openAnswers: number;
	invitations: number;
	reentries: number;
	reclassified: number;
	/** Besluiten: maatregelen, boetes, terugvorderingen (issue #13 §7). */
	handhaving: number;
}

/**
 * Adds a large, realistic data set for benchmarks to whatever is in the database: new
 * klantmanagers with their own caseloads, clients with history, and anonymous answers.
 */
export async function seedLarge(db: Db, options: SeedLargeOptions): Promise<SeedLargeResult> {
	const { onProgress } = options;
	const o = seedLargeOptionsSchema.parse({ ...options, onProgress: undefined });
	const now = o.now ?? new Date();
	const rng = new Rng(o.seed ?? 20_260_101);
	const clients = o.clients;
	const kmCount = o.klantmanagers ?? Math.max(1, Math.round(clients / 100));
	const totals = {
		instrumentUses: o.instrumentUses ?? Math.round(clients * 1.3),
		appointments: o.appointments ?? clients * 3,
		surveyAnswers: o.surveyAnswers ?? Math.round(clients * 0.8)
	};
	const result: SeedLargeResult = {
		clients: 0,
		klantmanagers: 0,
		ladderSteps: 0,
		plans: 0,
		planSteps: 0,
		instrumentUses: 0,
		outflows: 0,
		appointments: 0,
		surveyResponses: 0,
		openAnswers: 0,
		invitations: 0,
		reentries: 0,
		reclassified: 0,
		handhaving: 0
	};

	const passwordHash = await hashPassword(DEMO_PASSWORD);
	const gemeenten = await ensureGemeenten(db);
	await seedInstruments(db);
	const instruments = await loadInstrumentRefs(db);
	const surveys = await ensureSurveys(db);
	const kmIds = clients > 0 ? await createKlantmanagers(db, rng, kmCount, passwordHash) : [];
	result.klantmanagers = kmIds.length;

	// Larger gemeenten first, like a dienst with one centre town and smaller neighbours.
	const ctx: GenerateContext = {
		now,
		gemeenten,
		gemeenteWeights: gemeenten.map((_, i) => [50, 30, 20][i] ?? 15),
		instruments,
		passwordHash
	};
	const assignment = rng.shuffle(
		caseloads(rng, kmIds.length, clients).flatMap((n, i) => Array<string>(n).fill(kmIds[i]!))
	);
	const firstNumber = await nextClientNumber(db, 200_001);
	const chunk = o.chunkSize ?? 2500;
	if (clients > 0) onProgress?.(0, clients, 'cliënten');
	const share = (total: number, from: number, to: number) =>
		Math.round((total * to) / clients) - Math.round((total * from) / clients);

	for (let from = 0; from < clients; from += chunk) {
		const to = Math.min(clients, from + chunk);
		const rows = generateClients(rng, ctx, {
			firstNumber: firstNumber + from,
			klantmanagerIds: assignment.slice(from, to),
			instrumentUses: share(totals.instrumentUses, from, to),
			appointments: share(totals.appointments, from, to),
			fallbackStaffId: kmIds[0]!,
			histories: true,
			handhavingMix: BULK_MIX
		});
		await db.transaction(async (tx) => insertGenerated(tx, rows));
		result.clients += rows.clients.length;
		result.ladderSteps += rows.ladder.length;
		result.plans += rows.plans.length;
		result.planSteps += rows.steps.length;
		result.instrumentUses += rows.uses.length;
		result.outflows += rows.outflows.length;
		result.appointments += rows.appointments.length;
		result.reentries += rows.periods.filter((p) => p.source === 'reentry').length;
		result.reclassified += rows.segments.length / 2;
		result.handhaving += rows.handhaving.length;
		onProgress?.(to, clients, 'cliënten');
		await yieldToEventLoop();
	}

	const surveyChunk = 10_000;
	if (totals.surveyAnswers > 0) onProgress?.(0, totals.surveyAnswers, 'vragenlijsten');
	const pool =
		totals.surveyAnswers > 0 ? await clientPool(db, firstNumber) : new Map<string, string[]>();
	const gemeenteOrder = gemeenten.map((g) => g.id);
	// A stream of its own, so the answers are those of the same seed without invitations.
	const invitationRng = new Rng((o.seed ?? 20_260_101) + 1);
	const spacing = new InvitationSpacing();
	for (let from = 0; from < totals.surveyAnswers; from += surveyChunk) {
		const n = Math.min(surveyChunk, totals.surveyAnswers - from);
		const { responses, open } = generateSurveyResponses(rng, ctx, surveys, n);
		// An invitation for every answer set (and unanswered ones), written apart: nothing in
		// the rows ties an invitation to its answer set.
		const invitations = generateInvitations(
			invitationRng,
			responses,
			pool,
			gemeenteOrder,
			now,
			spacing
		);
		await db.transaction(async (tx) => {
			await insertMany(tx, surveyResponse, responses);
			await insertMany(tx, surveyOpenAnswer, open);
		});
		await db.transaction(async (tx) => insertInvitations(tx, invitations));
		result.surveyResponses += responses.length;
		result.openAnswers += open.length;
		result.invitations += invitations.length;
		onProgress?.(from + n, totals.surveyAnswers, 'vragenlijsten');
		await yieldToEventLoop();
	}
	// The report reads the running counts; recount them once after the bulk insert.
	if (totals.surveyAnswers > 0) await rebuildTally(db);
	// Norms for every year with answers, so the report's colours show at full scale (the
	// demo's own are kept: nothing is overwritten).
	const years = new Set([-2, -1, 0].map((d) => now.getUTCFullYear() + d));
	if (clients > 0) await seedDemoNorms(db, null, [...years]);
	return result;
}
