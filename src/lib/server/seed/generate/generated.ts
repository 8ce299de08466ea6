// What the generator makes: its context and options, a client's profile and the rows.
import type { PgInsertValue } from 'drizzle-orm/pg-core';
import type {
	appointment,
	authIdentity,
	benefitPeriod,
	client,
	handhaving,
	instrumentUse,
	ladderStep,
	outflow,
	plan,
	planStep,
	segmentHistory,
	user,
	OutflowReason,
	Segment
} from '../../db/schema';
import type { GemeenteRef, InstrumentRef } from './reference';
import type { HandhavingMix } from './handhaving';

export interface GenerateContext {
	now: Date;
	gemeenten: GemeenteRef[];
	/** Relative share of new clients per gemeente, same order as `gemeenten`. */
	gemeenteWeights: number[];
	instruments: InstrumentRef[];
	passwordHash: string;
}

export interface ChunkOptions {
	/** Numeric part of the first client number ('WW-' + number). */
	firstNumber: number;
	/** Klantmanager per client; its length is the number of clients. */
	klantmanagerIds: (string | null)[];
	instrumentUses: number;
	appointments: number;
	/** Staff used when a client has no klantmanager (appointments need a staff member). */
	fallbackStaffId: string;
	/**
	 * Re-entries and re-classifications (the bulk generator; the demo keeps its own history).
	 * Drawn from a random stream of their own, so every other generated figure stays the same.
	 */
	histories?: boolean;
	/** How many and which besluiten (handhaving); absent: the demo's few. */
	handhavingMix?: HandhavingMix;
}

export interface Profile {
	userId: string;
	clientId: string;
	number: string;
	gemeente: GemeenteRef;
	kmId: string | null;
	segment: Segment | null;
	age: number;
	statushouder: boolean;
	benefitStart: Date;
	exemption: boolean;
	outflow: { date: Date; reason: OutflowReason } | null;
	activeEnd: Date;
}

export interface GeneratedRows {
	users: PgInsertValue<typeof user>[];
	identities: PgInsertValue<typeof authIdentity>[];
	clients: PgInsertValue<typeof client>[];
	ladder: PgInsertValue<typeof ladderStep>[];
	plans: PgInsertValue<typeof plan>[];
	steps: PgInsertValue<typeof planStep>[];
	uses: PgInsertValue<typeof instrumentUse>[];
	outflows: PgInsertValue<typeof outflow>[];
	appointments: PgInsertValue<typeof appointment>[];
	handhaving: PgInsertValue<typeof handhaving>[];
	/** Every benefit period; a second one for a client who came back (herinstroom). */
	periods: PgInsertValue<typeof benefitPeriod>[];
	/** Segment history of re-classified clients (the trigger writes the others' own). */
	segments: PgInsertValue<typeof segmentHistory>[];
}
