// Generated clients with their plans, instruments, appointments, outflow and ladder.
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { PgInsertValue } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/open';
import {
	appointment,
	authIdentity,
	benefitPeriod,
	client,
	instrumentUse,
	ladderStep,
	outflow,
	plan,
	planStep,
	segmentHistory,
	SEGMENTS,
	user,
	type AppointmentKind,
	type InstrumentOutcome,
	type OutflowReason,
	type PlanStatus,
	type Segment,
	type StepOwner
} from '../../db/schema';
import { amsterdamDay, DAY_MS, daysAfter, workingDay, yearsBefore } from '../../../dates';
import { amsterdamInstantOn } from '../../wall-clock';

import { Rng, maxDate, minDate, between } from './random';
import { insertMany } from './insert';
import {
	type GemeenteRef,
	type InstrumentRef,
	officeAddress,
	profileOf,
	eligible
} from './reference';
import { type Origin, HOME_LANGUAGE, personName } from './names';
import { GOALS, STEPS, PURPOSES, BRING, EXEMPTION_REASONS, STOP_REASONS } from './texts';

// ── Client generation ─────────────────────────────────────────────────────────

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
	/** Every benefit period; a second one for a client who came back (herinstroom). */
	periods: PgInsertValue<typeof benefitPeriod>[];
	/** Segment history of re-classified clients (the trigger writes the others' own). */
	segments: PgInsertValue<typeof segmentHistory>[];
}

/** Share of clients who left at least 90 days ago and came back on the benefit (herinstroom). */
export const REENTRY_P = 0.15;
/** Share of classified clients on the benefit over a year who were re-classified once. */
export const RECLASSIFIED_P = 0.12;

export const SEGMENT_SHARES: [Segment | null, number][] = [
	['werk', 17],
	['perspectief', 36],
	['meedoen', 40],
	[null, 7]
];
// Berkelland: < 27 14%, 27–35 16%, 35–45 20%, 45–55 25%, 55–65 25%.
export const AGE_BANDS: [[number, number], number][] = [
	[[18, 26], 14],
	[[27, 34], 16],
	[[35, 44], 20],
	[[45, 54], 25],
	[[55, 66], 25]
];
// Benefit duration in years (Berkelland 2019); the last band is "more than five years".
export const DURATION_BANDS: [[number, number], number][] = [
	[[0, 0.5], 15],
	[[0.5, 1], 8],
	[[1, 2], 13],
	[[2, 3], 10],
	[[3, 4], 10],
	[[4, 5], 7],
	[[5, 14], 37]
];
// Chosen so that overall about one client in six is a statushouder.
export const STATUSHOUDER_P: Record<Segment | 'none', number> = {
	werk: 0.08,
	perspectief: 0.15,
	meedoen: 0.22,
	none: 0.2
};
// Chosen so that about 15% of clients have left the benefit.
export const OUTFLOW_P: Record<Segment | 'none', number> = {
	werk: 0.32,
	perspectief: 0.17,
	meedoen: 0.07,
	none: 0.15
};
export const LADDER: Record<Segment | 'none', [number, number][]> = {
	werk: [
		[3, 5],
		[4, 25],
		[5, 40],
		[6, 30]
	],
	perspectief: [
		[2, 15],
		[3, 45],
		[4, 35],
		[5, 5]
	],
	meedoen: [
		[1, 30],
		[2, 45],
		[3, 20],
		[4, 5]
	],
	none: [
		[1, 30],
		[2, 40],
		[3, 30]
	]
};

export function weightedIndex(cumulative: number[], rng: Rng): number {
	const r = rng.next() * cumulative[cumulative.length - 1]!;
	let lo = 0;
	let hi = cumulative.length - 1;
	while (lo < hi) {
		const mid = (lo + hi) >> 1;
		if (cumulative[mid]! > r) hi = mid;
		else lo = mid + 1;
	}
	return lo;
}

export function cumulativeOf(weights: number[]): number[] {
	let sum = 0;
	return weights.map((w) => (sum += w));
}

export function birthDateFor(rng: Rng, now: Date, age: number): Date {
	// Birthday already passed this year, so the age is exact on `now`.
	return daysAfter(yearsBefore(now, age), -rng.int(1, 360));
}

/** Generates the rows for `klantmanagerIds.length` clients. Pure apart from random UUIDs. */
export function generateClients(rng: Rng, ctx: GenerateContext, opts: ChunkOptions): GeneratedRows {
	const { now } = ctx;
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
		periods: [],
		segments: []
	};
	const muniCumulative = cumulativeOf(ctx.gemeenteWeights);
	const profiles: Profile[] = [];
	const hr = new Rng(opts.firstNumber * 7919 + 17);
	const instrumentNames = new Map(ctx.instruments.map((i) => [i.id, i.name]));

	for (const [i, kmId] of opts.klantmanagerIds.entries()) {
		const m = ctx.gemeenten[weightedIndex(muniCumulative, rng)]!;
		const segment = rng.weighted(SEGMENT_SHARES);
		const seg = segment ?? 'none';
		const [minAge, maxAge] = rng.weighted(AGE_BANDS);
		const age = rng.int(minAge, maxAge);
		const statushouder = rng.chance(STATUSHOUDER_P[seg]);
		const female = rng.chance(0.54);
		const origin: Origin = statushouder
			? rng.weighted<Origin>([
					['sy', 55],
					['er', 28],
					['af', 17]
				])
			: rng.weighted<Origin>([
					['nl', 78],
					['ma', 8],
					['tr', 6],
					['pl', 3],
					['sr', 5]
				]);
		const home = HOME_LANGUAGE[origin];
		let language = 'nl';
		if (home && m.languages.includes(home[0]) && rng.chance(home[1])) language = home[0];
		else if (statushouder && m.languages.includes('en') && rng.chance(0.15)) language = 'en';

		const birth = birthDateFor(rng, now, age);
		const [dMin, dMax] = rng.weighted(DURATION_BANDS);
		// Statushouders arrived from 2014 on; nobody gets bijstand before 18.
		const years = statushouder
			? Math.min(dMin + rng.next() * (dMax - dMin), 9)
			: dMin + rng.next() * (dMax - dMin);
		let benefitStart = daysAfter(now, -Math.max(3, Math.round(years * 365.25)));
		const adult = daysAfter(yearsBefore(birth, -18), 30);
		if (benefitStart < adult)
			benefitStart = between(rng, adult, maxDate(adult, daysAfter(now, -3)));

		const exemption =
			(seg === 'meedoen' && rng.chance(0.3)) || (seg === 'perspectief' && rng.chance(0.05));
		const ladder = rng.weighted(LADDER[seg]);
		let applicationsPerWeek: number | null = null;
		if (!exemption && seg === 'werk')
			applicationsPerWeek = rng.weighted([
				[1, 15],
				[2, 40],
				[3, 25],
				[4, 20]
			]);
		else if (!exemption && seg === 'perspectief' && rng.chance(0.5))
			applicationsPerWeek = rng.int(1, 2);
		let agreedHours: number | null = null;
		if (ladder >= 5) agreedHours = rng.int(3, 9) * 4;
		else if (ladder === 4 && rng.chance(0.4)) agreedHours = rng.int(2, 5) * 4;

		const sinceStart = (now.getTime() - benefitStart.getTime()) / DAY_MS;
		let out_: Profile['outflow'] = null;
		if (sinceStart > 45 && rng.chance(OUTFLOW_P[seg])) {
			const date = between(
				rng,
				maxDate(daysAfter(benefitStart, 30), daysAfter(now, -730)),
				daysAfter(now, -1)
			);
			const reason = rng.weighted<OutflowReason>(
				seg === 'werk'
					? [
							['werk', 55],
							['werk_lks', 10],
							['opleiding', 8],
							['verhuizing', 15],
							['andere_uitkering', 5],
							['other', 7]
						]
					: [
							['werk', 35],
							['werk_lks', 8],
							['opleiding', 6],
							['verhuizing', 25],
							['andere_uitkering', 14],
							['other', 12]
						]
			);
			out_ = { date, reason };
		}

		const p: Profile = {
			userId: randomUUID(),
			clientId: randomUUID(),
			number: `WW-${opts.firstNumber + i}`,
			gemeente: m,
			kmId,
			segment,
			age,
			statushouder,
			benefitStart,
			exemption,
			outflow: out_,
			activeEnd: out_?.date ?? now
		};
		profiles.push(p);
		// Herinstroom: a new benefit period some time after the outflow (which stays with the
		// first period); the rest of the history is of the first period.
		const reentry =
			opts.histories && out_ && out_.date < daysAfter(now, -90) && hr.chance(REENTRY_P)
				? between(hr, daysAfter(out_.date, 30), daysAfter(now, -30))
				: null;
		if (opts.histories)
			out.periods.push({
				clientId: p.clientId,
				start: amsterdamDay(benefitStart),
				source: 'intake',
				createdBy: kmId,
				createdAt: benefitStart
			});
		if (reentry)
			out.periods.push({
				clientId: p.clientId,
				start: amsterdamDay(reentry),
				source: 'reentry',
				createdBy: kmId,
				createdAt: reentry
			});
		// Re-classified once: another segment from the start, this one from the change on.
		const changeBy = minDate(daysAfter(now, -30), p.activeEnd);
		if (
			opts.histories &&
			!reentry &&
			segment !== null &&
			daysAfter(benefitStart, 180) < changeBy &&
			hr.chance(RECLASSIFIED_P)
		) {
			const changed = between(hr, daysAfter(benefitStart, 180), changeBy);
			out.segments.push(
				{
					clientId: p.clientId,
					validFrom: amsterdamDay(benefitStart),
					segment: hr.pick(SEGMENTS.filter((x) => x !== segment))
				},
				{ clientId: p.clientId, validFrom: amsterdamDay(changed), segment }
			);
		}

		out.users.push({
			id: p.userId,
			displayName: personName(rng, origin, female),
			email: null,
			roles: ['client'],
			language,
			createdAt: benefitStart
		});
		out.identities.push({
			userId: p.userId,
			provider: 'password',
			subject: p.number.toLowerCase(),
			passwordHash: ctx.passwordHash
		});
		out.clients.push({
			id: p.clientId,
			userId: p.userId,
			clientNumber: p.number,
			gemeenteId: m.id,
			klantmanagerId: kmId,
			segment,
			ladderStep: ladder,
			birthDate: amsterdamDay(birth),
			statushouder,
			benefitStart: amsterdamDay(reentry ?? benefitStart),
			exemptionReason: exemption ? rng.pick(EXEMPTION_REASONS) : null,
			exemptionReviewDate: exemption
				? amsterdamDay(daysAfter(now, rng.chance(0.06) ? -rng.int(1, 60) : rng.int(30, 360)))
				: null,
			applicationsPerWeek,
			agreedHoursPerWeek: agreedHours,
			tegenprestatie:
				(seg === 'meedoen' && rng.chance(0.1)) || (seg === 'perspectief' && rng.chance(0.05)),
			createdAt: benefitStart
		});

		// Ladder history: most clients stay put, some climb, a few fall back.
		const firstAt = daysAfter(benefitStart, 30);
		const lastAt = daysAfter(p.activeEnd, -7);
		const moves =
			firstAt < daysAfter(lastAt, -60)
				? rng.weighted([
						[0, 55],
						[1, 35],
						[2, 10]
					])
				: 0;
		const history = [ladder];
		for (let k = 0; k < moves; k++) {
			const prev = history[0]!;
			history.unshift(Math.min(6, Math.max(1, rng.chance(0.75) ? prev - 1 : prev + 1)));
		}
		let at = minDate(firstAt, now);
		for (const [k, step] of history.entries()) {
			if (k > 0) at = between(rng, daysAfter(at, 30), maxDate(daysAfter(at, 31), lastAt));
			out.ladder.push({
				clientId: p.clientId,
				step,
				recordedAt: amsterdamDay(minDate(at, now)),
				recordedBy: kmId
			});
		}

		if (out_) {
			out.outflows.push({
				clientId: p.clientId,
				benefitStart: amsterdamDay(benefitStart),
				date: amsterdamDay(out_.date),
				reason: out_.reason,
				createdBy: kmId,
				createdAt: out_.date
			});
		}
	}

	// Instrument uses, spread over clients with a weight per segment (multinomial).
	const useWeights = profiles.map((p) =>
		p.segment === 'werk'
			? 1.2
			: p.segment === 'perspectief'
				? 1.5
				: p.segment === 'meedoen'
					? 0.8
					: 0.3
	);
	const useCumulative = cumulativeOf(useWeights);
	const usesByClient = new Map<string, { id: string; end: Date | null }[]>();
	const workOutflowHasUse = new Set<string>();
	for (let n = 0; n < opts.instrumentUses && profiles.length > 0; n++) {
		const p = profiles[weightedIndex(useCumulative, rng)]!;
		const options = ctx.instruments.filter(
			(i) => profileOf(i.code).weight > 0 && eligible(i, p.segment, p.age, p.statushouder)
		);
		if (options.length === 0) continue;
		const inst = rng.weighted(
			options.map((i) => {
				let w = profileOf(i.code).weight;
				if (p.statushouder && /^taal|inburgering|maatschappelijke/.test(i.code)) w *= 4;
				return [i, w] as const;
			})
		);
		const prof = profileOf(inst.code);
		const days = rng.int(prof.days[0], prof.days[1]);
		const earliest = maxDate(p.benefitStart, daysAfter(now, -3 * 365));
		let start: Date;
		let end: Date | null = null;
		let outcome: InstrumentOutcome | null = null;
		let outcomeReason: string | null = null;
		const toWork = p.outflow && (p.outflow.reason === 'werk' || p.outflow.reason === 'werk_lks');
		if (toWork && !workOutflowHasUse.has(p.clientId)) {
			// Clients who left for work mostly did so shortly after finishing help.
			workOutflowHasUse.add(p.clientId);
			end = maxDate(daysAfter(p.outflow!.date, -rng.int(0, 150)), daysAfter(p.benefitStart, 2));
			start = maxDate(daysAfter(end, -days), p.benefitStart);
			outcome = rng.chance(0.6) ? 'work_found' : 'completed';
		} else {
			start = between(rng, earliest, daysAfter(p.activeEnd, -1));
			const planned = daysAfter(start, days);
			if (planned <= p.activeEnd) {
				outcome = rng.weighted<InstrumentOutcome>(
					p.segment === 'werk'
						? [
								['completed', 45],
								['stopped_early', 15],
								['work_found', 30],
								['other', 10]
							]
						: [
								['completed', 58],
								['stopped_early', 22],
								['work_found', 10],
								['other', 10]
							]
				);
				end =
					outcome === 'stopped_early'
						? daysAfter(start, Math.max(1, Math.round(days * (0.2 + rng.next() * 0.6))))
						: planned;
				if (outcome === 'stopped_early' || outcome === 'other')
					outcomeReason = rng.pick(STOP_REASONS);
			} else if (p.outflow) {
				end = p.outflow.date;
				outcome = toWork ? 'work_found' : 'other';
				outcomeReason = toWork ? null : 'Uitkering beëindigd';
			}
		}
		const id = randomUUID();
		out.uses.push({
			id,
			clientId: p.clientId,
			instrumentId: inst.id,
			provider: prof.provider,
			startDate: amsterdamDay(start),
			plannedEndDate: amsterdamDay(daysAfter(start, days)),
			endDate: end ? amsterdamDay(end) : null,
			outcome,
			outcomeReason,
			createdBy: p.kmId,
			createdAt: start
		});
		const list = usesByClient.get(p.clientId) ?? [];
		list.push({ id: inst.id, end });
		usesByClient.set(p.clientId, list);
	}

	// Plans with steps for most clients.
	for (const p of profiles) {
		const seg = p.segment ?? 'none';
		if (p.activeEnd.getTime() - p.benefitStart.getTime() < 14 * DAY_MS || !rng.chance(0.85))
			continue;
		const created = between(
			rng,
			maxDate(daysAfter(p.benefitStart, 14), daysAfter(p.activeEnd, -540)),
			daysAfter(p.activeEnd, -7)
		);
		const status: PlanStatus = p.outflow
			? 'closed'
			: rng.weighted<PlanStatus>([
					['draft', 7],
					['shared', 13],
					['agreed', 80]
				]);
		const version = rng.weighted([
			[1, 55],
			[2, 30],
			[3, 15]
		]);
		const sharedAt = status === 'draft' ? null : minDate(daysAfter(created, rng.int(1, 7)), now);
		let agreedAt: Date | null = null;
		let agreedVersion: number | null = null;
		if (sharedAt && (status === 'agreed' || (status === 'closed' && rng.chance(0.85)))) {
			agreedAt = minDate(daysAfter(sharedAt, rng.int(0, 14)), now);
			agreedVersion = version;
		} else if (sharedAt && status === 'shared' && version > 1) {
			agreedAt = daysAfter(sharedAt, -rng.int(30, 120));
			agreedVersion = version - 1;
		}
		const base = agreedAt ?? sharedAt ?? created;
		const planId = randomUUID();
		out.plans.push({
			id: planId,
			clientId: p.clientId,
			goal: rng.pick(GOALS[seg]),
			status,
			version,
			sharedAt,
			agreedAt,
			agreedVersion,
			reviewDate: amsterdamDay(daysAfter(base, seg === 'werk' ? 91 : 182)),
			updatedAt: maxDate(base, p.outflow?.date ?? base),
			createdAt: created
		});
		const pool = [...STEPS[seg], ...STEPS.none];
		rng.shuffle(pool);
		const linked = (usesByClient.get(p.clientId) ?? []).slice(0, 2);
		const count = Math.min(pool.length, rng.int(3, 6) - linked.length);
		const horizon = p.outflow ? p.outflow.date : daysAfter(now, 60);
		const titles: [string, StepOwner, string | null][] = [
			...linked.map(
				(u) =>
					[`Meedoen met: ${instrumentNames.get(u.id) ?? 'traject'}`, 'partner', u.id] as [
						string,
						StepOwner,
						string
					]
			),
			...pool
				.slice(0, Math.max(1, count))
				.map(([t, o]) => [t, o, null] as [string, StepOwner, null])
		];
		const dues = titles
			.map(() => between(rng, daysAfter(created, 7), horizon))
			.sort((a, b) => a.getTime() - b.getTime());
		for (const [k, [title, owner, instrumentId]] of titles.entries()) {
			const due = dues[k]!;
			const past = due <= now;
			const done = past ? rng.chance(p.outflow ? 0.9 : 0.75) : rng.chance(0.15);
			const doneAt = done
				? past
					? maxDate(daysAfter(due, -rng.int(0, 10)), created)
					: between(rng, created, now)
				: null;
			out.steps.push({
				planId,
				position: k + 1,
				title,
				owner,
				dueDate: amsterdamDay(due),
				status: done ? 'done' : 'todo',
				doneAt,
				instrumentId,
				createdAt: created
			});
		}
	}

	// Appointments: past ones held (mostly), upcoming ones planned, for active clients.
	const apptWeights = profiles.map((p) => (p.outflow ? 0.4 : 1) * (p.segment === 'werk' ? 1.3 : 1));
	const apptCumulative = cumulativeOf(apptWeights);
	for (let n = 0; n < opts.appointments && profiles.length > 0; n++) {
		const p = profiles[weightedIndex(apptCumulative, rng)]!;
		const upcoming = !p.outflow && rng.chance(0.22);
		let day = upcoming
			? daysAfter(now, rng.int(1, 21))
			: between(rng, maxDate(p.benefitStart, daysAfter(now, -730)), daysAfter(p.activeEnd, -1));
		day = workingDay(day, upcoming);
		const kind = rng.weighted<AppointmentKind>([
			['in_person', 55],
			['phone', 30],
			['video', 10],
			['home_visit', 5]
		]);
		const startsAt = amsterdamInstantOn(day, rng.int(9, 15), rng.chance(0.5) ? 0 : 30);
		const future = startsAt > now;
		const minutes = kind === 'phone' ? 30 : rng.pick([30, 45, 60]);
		out.appointments.push({
			clientId: p.clientId,
			staffId: p.kmId ?? opts.fallbackStaffId,
			startsAt,
			endsAt: new Date(startsAt.getTime() + minutes * 60_000),
			kind,
			place:
				kind === 'in_person'
					? officeAddress(p.gemeente)
					: kind === 'home_visit'
						? 'Bij je thuis'
						: null,
			videoUrl: kind === 'video' ? `https://video.wegwijs.example/${rng.hex(10)}` : null,
			purpose:
				kind === 'home_visit'
					? 'Huisbezoek: kennismaken in je eigen omgeving'
					: p.exemption && rng.chance(0.3)
						? 'Herbeoordeling van je ontheffing'
						: rng.pick(PURPOSES),
			bring: kind === 'phone' ? null : rng.pick(BRING),
			status: future
				? 'planned'
				: rng.weighted([
						['held', 85],
						['cancelled', 8],
						['no_show', 7]
					] as const),
			createdAt: daysAfter(startsAt, -rng.int(3, 28))
		});
	}
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
	await insertMany(db, benefitPeriod, rows.periods);
	// Over the rows the client insert's trigger wrote (the segment from the benefit start).
	for (let i = 0; i < rows.segments.length; i += 5000)
		await db
			.insert(segmentHistory)
			.values(rows.segments.slice(i, i + 5000))
			.onConflictDoUpdate({
				target: [segmentHistory.clientId, segmentHistory.validFrom],
				set: { segment: sql`excluded.segment` }
			});
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
