// Generated clients with their plans, instruments, appointments, outflow and ladder: the steps
// in order (each draws from the same random sequence, so the order is part of the result).
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/open';
import {
	appointment,
	authIdentity,
	client,
	handhaving,
	instrumentUse,
	ladderStep,
	outflow,
	plan,
	planStep,
	user
} from '../../db/schema';
import type { Rng } from './random';
import { insertMany } from './insert';
import { cumulativeOf } from './distributions';
import type { ChunkOptions, GeneratedRows, GenerateContext, Profile } from './generated';
import { generatePerson } from './people';
import { generateInstrumentUses } from './instrument-uses';
import { generatePlans } from './plans';
import { generateAppointments } from './appointments';
import { generateHandhaving } from './handhaving';
import { generateHistories, insertHistories } from './histories';

/** Generates the rows for `klantmanagerIds.length` clients. Pure apart from random UUIDs. */
export function generateClients(rng: Rng, ctx: GenerateContext, opts: ChunkOptions): GeneratedRows {
	const out: GeneratedRows = {
		users: [],
		identities: [],
		clients: [],
		ladder: [],
		plans: [],
		steps: [],
		uses: [],
		outflows: [],
		appointments: [],
		handhaving: [],
		periods: [],
		segments: []
	};
	const muniCumulative = cumulativeOf(ctx.gemeenteWeights);
	const profiles: Profile[] = [];
	for (const [i, kmId] of opts.klantmanagerIds.entries()) {
		const number = `WW-${opts.firstNumber + i}`;
		profiles.push(generatePerson(rng, ctx, muniCumulative, number, kmId, out));
	}
	const usesByClient = generateInstrumentUses(rng, ctx, profiles, opts.instrumentUses, out);
	generatePlans(rng, ctx, profiles, usesByClient, out);
	generateAppointments(rng, ctx, profiles, opts, out);
	// Its own random sequence: the data above stays the same as before handhaving existed.
	// The bulk generator's mix fills every handhaving table; the demo keeps its few.
	out.handhaving = generateHandhaving(
		profiles,
		ctx.now,
		opts.firstNumber * 7919 + 17,
		opts.fallbackStaffId,
		opts.handhavingMix
	);
	// Re-entries and re-classifications: a sequence of its own too (the bulk generator only).
	if (opts.histories) generateHistories(profiles, ctx.now, opts.firstNumber * 7919 + 31, out);
	return out;
}

export async function insertGenerated(db: Db, rows: GeneratedRows): Promise<void> {
	await insertMany(db, user, rows.users);
	await insertMany(db, authIdentity, rows.identities);
	await insertMany(db, client, rows.clients);
	await insertMany(db, ladderStep, rows.ladder);
	await insertMany(db, plan, rows.plans);
	await insertMany(db, planStep, rows.steps);
	await insertMany(db, instrumentUse, rows.uses);
	await insertMany(db, outflow, rows.outflows);
	await insertMany(db, appointment, rows.appointments);
	await insertMany(db, handhaving, rows.handhaving);
	await insertHistories(db, rows);
}

/** The numeric part of the next free 'WW-' client number (at least `floor`). */
export async function nextClientNumber(db: Db, floor: number): Promise<number> {
	const [row] = await db
		.select({
			max: sql<string | null>`max(substring(${client.clientNumber} from 4)::bigint)`
		})
		.from(client)
		.where(sql`${client.clientNumber} ~ '^WW-[0-9]+$'`);
	return Math.max(floor, Number(row?.max ?? 0) + 1);
}
