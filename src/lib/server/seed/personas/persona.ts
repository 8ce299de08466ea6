import { randomUUID } from 'node:crypto';
import type { PgInsertValue } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/open';
import {
	appointment,
	authIdentity,
	client,
	handhaving,
	instrumentUse,
	ladderStep,
	plan,
	planStep,
	user,
	type AppointmentKind,
	type InstrumentOutcome,
	type MaatregelGround,
	type PlanStatus,
	type Segment,
	type StepOwner
} from '../../db/schema';
import { DEMO_GEMEENTEN, insertMany } from '../large';
import { addDays, amsterdamDay, daysAfter, workingDay, yearsBefore } from '../../../dates';
import { addMonths } from '../../report/indicators';
import { quarterOfDay } from '../../../quarters';
import { amsterdamInstantOn } from '../../wall-clock';

// What a demo persona is (a story written as data) and how one becomes rows.

export type Muni = (typeof DEMO_GEMEENTEN)[number]['code'];
export type Km = 'klantmanager' | 'klantmanager2';

export interface UseSpec {
	code: string;
	/** Days relative to now. */
	start: number;
	plannedEnd: number | null;
	end?: number;
	outcome?: InstrumentOutcome;
	outcomeReason?: string;
	provider: string;
}
export interface StepSpec {
	title: string;
	owner: StepOwner;
	due: number;
	/** Days relative to now when done; absent means still to do. */
	done?: number;
	instrument?: string;
}
export interface AppointmentSpec {
	/** Days relative to now (moved to a working day). */
	day: number;
	hour: number;
	minute?: number;
	minutes: number;
	kind: AppointmentKind;
	place?: string;
	videoUrl?: string;
	purpose: string;
	bring?: string;
	status: 'planned' | 'held';
}
export interface PersonaSpec {
	key: string;
	name: string;
	age: number;
	/** Days between the last birthday and now, so the age is stable. */
	birthdayDaysAgo: number;
	language: string;
	/** Who gave an e-mail address gets notices by e-mail too (the outbox in development). */
	email?: string;
	gemeente: Muni;
	km: Km;
	segment: Segment;
	benefitYears: number;
	statushouder?: boolean;
	exemption?: { reason: string; reviewInDays: number };
	applicationsPerWeek?: number;
	agreedHoursPerWeek?: number;
	/** Ladder history as [days ago, step]; the last one is the current step. */
	ladder: [number, number][];
	plan: {
		goal: string;
		status: PlanStatus;
		version: number;
		createdDaysAgo: number;
		sharedDaysAgo: number;
		agreedDaysAgo?: number;
		reviewInDays: number;
		steps: StepSpec[];
	};
	uses: UseSpec[];
	appointments: AppointmentSpec[];
	/** Besluiten on the file (issue #13 §7): a maatregel from the first of the next month. */
	handhaving?: {
		decidedDaysAgo: number;
		ground: MaatregelGround;
		percentage: number;
		months: number;
		reason: string;
	}[];
}

export interface PersonaContext {
	now: Date;
	passwordHash: string;
	muniId: (code: string) => string;
	instrumentId: (code: string) => string;
	kmId: (key: Km) => string;
	clientNumber: (index: number) => string;
}

/** Inserts the personas with their ladder, plan, instrument uses and appointments. */
export async function insertPersonas(tx: Db, people: PersonaSpec[], ctx: PersonaContext) {
	const { now, passwordHash, muniId, instrumentId } = ctx;
	const users: PgInsertValue<typeof user>[] = [];
	const identities: PgInsertValue<typeof authIdentity>[] = [];
	const clients: PgInsertValue<typeof client>[] = [];
	const ladder: PgInsertValue<typeof ladderStep>[] = [];
	const plans: PgInsertValue<typeof plan>[] = [];
	const steps: PgInsertValue<typeof planStep>[] = [];
	const uses: PgInsertValue<typeof instrumentUse>[] = [];
	const appointments: PgInsertValue<typeof appointment>[] = [];
	const besluiten: PgInsertValue<typeof handhaving>[] = [];
	const day = (offset: number) => amsterdamDay(daysAfter(now, offset));

	for (const [i, p] of people.entries()) {
		const userId = randomUUID();
		const clientId = randomUUID();
		const clientNumber = ctx.clientNumber(i);
		const kmId = ctx.kmId(p.km);
		const benefitStart = daysAfter(yearsBefore(now, p.benefitYears), -10);
		users.push({
			id: userId,
			displayName: p.name,
			roles: ['client'],
			language: p.language,
			email: p.email ?? null,
			preferences: p.email ? { notifyEmail: true } : {},
			demoKey: p.key,
			createdAt: benefitStart
		});
		identities.push({
			userId,
			provider: 'password',
			subject: clientNumber.toLowerCase(),
			passwordHash
		});
		clients.push({
			id: clientId,
			userId,
			clientNumber,
			gemeenteId: muniId(p.gemeente),
			klantmanagerId: kmId,
			segment: p.segment,
			ladderStep: p.ladder[p.ladder.length - 1]![1],
			birthDate: amsterdamDay(daysAfter(yearsBefore(now, p.age), -p.birthdayDaysAgo)),
			statushouder: p.statushouder ?? false,
			benefitStart: amsterdamDay(benefitStart),
			exemptionReason: p.exemption?.reason ?? null,
			exemptionReviewDate: p.exemption ? day(p.exemption.reviewInDays) : null,
			applicationsPerWeek: p.applicationsPerWeek ?? null,
			agreedHoursPerWeek: p.agreedHoursPerWeek ?? null,
			createdAt: benefitStart
		});
		for (const [daysAgo, step] of p.ladder) {
			ladder.push({ clientId, step, recordedAt: day(-daysAgo), recordedBy: kmId });
		}

		const planId = randomUUID();
		const agreedAt =
			p.plan.agreedDaysAgo !== undefined ? daysAfter(now, -p.plan.agreedDaysAgo) : null;
		const sharedAt = daysAfter(now, -p.plan.sharedDaysAgo);
		plans.push({
			id: planId,
			clientId,
			goal: p.plan.goal,
			status: p.plan.status,
			version: p.plan.version,
			sharedAt,
			agreedAt,
			agreedVersion: agreedAt ? p.plan.version : null,
			reviewDate: day(p.plan.reviewInDays),
			updatedAt: agreedAt ?? sharedAt,
			createdAt: daysAfter(now, -p.plan.createdDaysAgo)
		});
		for (const [k, s] of p.plan.steps.entries()) {
			steps.push({
				planId,
				position: k + 1,
				title: s.title,
				owner: s.owner,
				dueDate: day(s.due),
				status: s.done !== undefined ? 'done' : 'todo',
				doneAt: s.done !== undefined ? daysAfter(now, s.done) : null,
				instrumentId: s.instrument ? instrumentId(s.instrument) : null,
				createdAt: daysAfter(now, -p.plan.createdDaysAgo)
			});
		}
		for (const u of p.uses) {
			uses.push({
				clientId,
				instrumentId: instrumentId(u.code),
				provider: u.provider,
				startDate: day(u.start),
				plannedEndDate: u.plannedEnd === null ? null : day(u.plannedEnd),
				endDate: u.end === undefined ? null : day(u.end),
				outcome: u.outcome ?? null,
				outcomeReason: u.outcomeReason ?? null,
				createdBy: kmId,
				createdAt: daysAfter(now, Math.min(u.start, 0))
			});
		}
		for (const h of p.handhaving ?? []) {
			const decidedOn = day(-h.decidedDaysAgo);
			const periodStart = addMonths(`${decidedOn.slice(0, 8)}01`, 1);
			besluiten.push({
				clientId,
				kind: 'maatregel',
				decidedOn,
				// Seeded before anything is published: its own quarter.
				countedInQuarter: quarterOfDay(decidedOn),
				ground: h.ground,
				percentage: h.percentage,
				periodStart,
				periodEnd: addDays(addMonths(periodStart, h.months), -1),
				reason: h.reason,
				createdBy: kmId,
				createdAt: daysAfter(now, -h.decidedDaysAgo)
			});
		}
		for (const a of p.appointments) {
			const startsAt = amsterdamInstantOn(
				workingDay(daysAfter(now, a.day), a.day > 0),
				a.hour,
				a.minute ?? 0
			);
			appointments.push({
				clientId,
				staffId: kmId,
				startsAt,
				endsAt: new Date(startsAt.getTime() + a.minutes * 60_000),
				kind: a.kind,
				place: a.place ?? null,
				videoUrl: a.videoUrl ?? null,
				purpose: a.purpose,
				bring: a.bring ?? null,
				status: a.status,
				createdAt: daysAfter(startsAt, -14)
			});
		}
	}
	await insertMany(tx, user, users);
	await insertMany(tx, authIdentity, identities);
	await insertMany(tx, client, clients);
	await insertMany(tx, ladderStep, ladder);
	await insertMany(tx, plan, plans);
	await insertMany(tx, planStep, steps);
	await insertMany(tx, instrumentUse, uses);
	await insertMany(tx, appointment, appointments);
	await insertMany(tx, handhaving, besluiten);
}
