import { and, desc, eq, isNull, min, sql } from 'drizzle-orm';
import type { Db } from '../db/open';
import {
	benefitPeriod,
	client,
	handhaving,
	reportSnapshot,
	user,
	type Handhaving
} from '../db/schema';
import { amsterdamDay } from '../../dates';
import * as audit from '../audit/audit';
import { requireInCaseload, type Staff } from '../caseload/caseload';
import type { HandhavingInput } from './handhaving-form';
import {
	correctedCountingQuarter,
	countingQuarter,
	objectionOpen,
	objectionUntil
} from './handhaving-rules';

// Handhaving on the client file (docs/DOMAIN.md "Handhaving"): a klantmanager (the client's
// own, or the team lead) records a maatregel, boete or terugvordering after the besluit,
// corrects it or withdraws it; every change is audited with what it was before. The client
// reads their own on the rights-and-duties page, with the right to object.

export type HandhavingError =
	| 'in_future'
	| 'before_file_start'
	| 'not_found'
	| 'withdrawn'
	| 'conflict'
	| 'withdrawn_before_decision';

type Refusal = { ok: false; error: HandhavingError; field: string };

/** The columns of one kind: the other kind's fields are always empty. */
function columns(input: HandhavingInput) {
	const maatregel = input.kind === 'maatregel' ? input : null;
	return {
		kind: input.kind,
		decidedOn: input.decidedOn,
		ground: maatregel?.ground ?? null,
		percentage: maatregel?.percentage ?? null,
		periodStart: maatregel?.periodStart ?? null,
		periodEnd: maatregel?.periodEnd ?? null,
		amountCents: input.kind === 'maatregel' ? null : input.amountCents,
		reason: input.reason.trim()
	};
}

/** What an audit event keeps of an entry: the facts, not the klantmanager's words. */
function facts(row: ReturnType<typeof columns>) {
	const { reason: _reason, ...rest } = row;
	return rest;
}

/**
 * The first day of the client's file: the start of their first benefit period (intake; a
 * return after outflow keeps the earlier periods), or of the current one when no period is
 * kept. A besluit about the bijstand is not older than that.
 */
async function fileStart(db: Db, clientId: string): Promise<string | null> {
	const [row] = await db
		.select({
			start: sql<string | null>`least(${client.benefitStart}, ${min(benefitPeriod.start)})::text`
		})
		.from(client)
		.leftJoin(benefitPeriod, eq(benefitPeriod.clientId, client.id))
		.where(eq(client.id, clientId))
		.groupBy(client.id);
	return row?.start ?? null;
}

/** The besluit's day: not in the future, not before the client's file began. */
async function dayRefusal(
	db: Db,
	clientId: string,
	decidedOn: string,
	now: Date
): Promise<Refusal | null> {
	if (decidedOn > amsterdamDay(now)) return { ok: false, error: 'in_future', field: 'decidedOn' };
	const start = await fileStart(db, clientId);
	if (start && decidedOn < start)
		return { ok: false, error: 'before_file_start', field: 'decidedOn' };
	return null;
}

/** The quarters published so far (a frozen quarter report exists; a year publishes its four). */
async function publishedQuarters(tx: Db): Promise<Set<string>> {
	const rows = await tx
		.selectDistinct({ q: reportSnapshot.quarter })
		.from(reportSnapshot)
		.where(eq(reportSnapshot.period, 'quarter'));
	return new Set(rows.map((r) => r.q));
}

/**
 * Records a besluit on the client file. The besluit's day is not in the future and not before
 * the client's file began. The row keeps the quarter the council report counts it in.
 */
export async function recordHandhaving(
	db: Db,
	staff: Staff,
	clientId: string,
	input: HandhavingInput,
	now = new Date()
): Promise<{ ok: true; id: string } | Refusal> {
	await requireInCaseload(db, staff, clientId);
	const refused = await dayRefusal(db, clientId, input.decidedOn, now);
	if (refused) return refused;
	const values = columns(input);
	return db.transaction(async (tx) => {
		const countedInQuarter = countingQuarter(input.decidedOn, await publishedQuarters(tx));
		const [row] = await tx
			.insert(handhaving)
			.values({ ...values, clientId, createdBy: staff.id, countedInQuarter })
			.returning({ id: handhaving.id });
		await audit.record(tx, {
			actorId: staff.id,
			clientId,
			action: 'handhaving.create',
			detail: { handhavingId: row!.id, after: facts(values) }
		});
		return { ok: true, id: row!.id } as const;
	});
}

/**
 * Corrects an entry (a typing error, a changed besluit). `revision` is the one the klantmanager
 * started from: a correction on an older one is refused (`conflict`), nothing is overwritten.
 * A withdrawn entry is not corrected. One already counted in a published quarter stays counted
 * there; one not yet counted counts by its new day.
 */
export async function correctHandhaving(
	db: Db,
	staff: Staff,
	clientId: string,
	input: HandhavingInput & { id: string; revision: number },
	now = new Date()
): Promise<{ ok: true } | Refusal> {
	await requireInCaseload(db, staff, clientId);
	const refused = await dayRefusal(db, clientId, input.decidedOn, now);
	if (refused) return refused;
	const values = columns(input);
	return db.transaction(async (tx) => {
		const before = await openEntry(tx, input.id, clientId);
		if ('error' in before) return before;
		const countedInQuarter = correctedCountingQuarter(
			before.countedInQuarter,
			input.decidedOn,
			await publishedQuarters(tx)
		);
		const change = { ...values, countedInQuarter };
		if (!(await updateAtRevision(tx, input, before.revision, staff, now, change)))
			return { ok: false, error: 'conflict', field: 'form' } as const;
		await audit.record(tx, {
			actorId: staff.id,
			clientId,
			action: 'handhaving.correct',
			detail: {
				handhavingId: input.id,
				revision: before.revision + 1,
				before: facts(columns(asInput(before))),
				after: facts(values),
				reasonChanged: before.reason !== values.reason
			}
		});
		return { ok: true } as const;
	});
}

/** Withdraws an entry (ingetrokken): it stays on the file and the client sees it withdrawn. */
export async function withdrawHandhaving(
	db: Db,
	staff: Staff,
	clientId: string,
	input: { id: string; revision: number; withdrawnOn: string; withdrawnReason: string },
	now = new Date()
): Promise<{ ok: true } | Refusal> {
	await requireInCaseload(db, staff, clientId);
	if (input.withdrawnOn > amsterdamDay(now))
		return { ok: false, error: 'in_future', field: 'withdrawnOn' };
	return db.transaction(async (tx) => {
		const before = await openEntry(tx, input.id, clientId);
		if ('error' in before) return before;
		if (input.withdrawnOn < before.decidedOn)
			return { ok: false, error: 'withdrawn_before_decision', field: 'withdrawnOn' } as const;
		const withdrawn = {
			withdrawnOn: input.withdrawnOn,
			withdrawnReason: input.withdrawnReason.trim(),
			withdrawnBy: staff.id
		};
		if (!(await updateAtRevision(tx, input, before.revision, staff, now, withdrawn)))
			return { ok: false, error: 'conflict', field: 'form' } as const;
		await audit.record(tx, {
			actorId: staff.id,
			clientId,
			action: 'handhaving.withdraw',
			detail: { handhavingId: input.id, revision: before.revision + 1, until: input.withdrawnOn }
		});
		return { ok: true } as const;
	});
}

/** The entry on this client's file that may still change: not withdrawn. */
async function openEntry(tx: Db, id: string, clientId: string) {
	const [before] = await tx
		.select()
		.from(handhaving)
		.where(and(eq(handhaving.id, id), eq(handhaving.clientId, clientId)));
	if (!before) return { ok: false, error: 'not_found', field: 'form' } as const;
	if (before.withdrawnOn) return { ok: false, error: 'withdrawn', field: 'form' } as const;
	return before;
}

/**
 * Writes a change only on the revision the klantmanager started from and only while the entry
 * is not withdrawn (one conditional update, so two changes at once cannot both win); false when
 * someone else changed it first.
 */
async function updateAtRevision(
	tx: Db,
	input: { id: string; revision: number },
	current: number,
	staff: Staff,
	now: Date,
	change: Partial<typeof handhaving.$inferInsert>
): Promise<boolean> {
	const updated = await tx
		.update(handhaving)
		.set({ ...change, revision: current + 1, updatedBy: staff.id, updatedAt: now })
		.where(
			and(
				eq(handhaving.id, input.id),
				eq(handhaving.revision, input.revision),
				isNull(handhaving.withdrawnOn)
			)
		)
		.returning({ id: handhaving.id });
	return updated.length > 0;
}

function asInput(row: Handhaving): HandhavingInput {
	return row.kind === 'maatregel'
		? {
				kind: 'maatregel',
				decidedOn: row.decidedOn,
				ground: row.ground!,
				percentage: row.percentage!,
				periodStart: row.periodStart!,
				periodEnd: row.periodEnd!,
				reason: row.reason
			}
		: {
				kind: row.kind,
				decidedOn: row.decidedOn,
				amountCents: row.amountCents!,
				reason: row.reason
			};
}

/** One entry as the client and the klantmanager read it, with the time for bezwaar. */
function view(row: Handhaving, today: string) {
	return {
		id: row.id,
		kind: row.kind,
		decidedOn: row.decidedOn,
		ground: row.ground,
		percentage: row.percentage,
		periodStart: row.periodStart,
		periodEnd: row.periodEnd,
		amountCents: row.amountCents,
		reason: row.reason,
		withdrawnOn: row.withdrawnOn,
		objectionUntil: objectionUntil(row.decidedOn),
		objectionOpen: objectionOpen(row.decidedOn, today)
	};
}
export type HandhavingView = ReturnType<typeof view>;

/**
 * The client's own entries, newest besluit first (the caller is the client: `locals.client`).
 * Withdrawn ones stay, marked, so the client sees that the besluit was taken back.
 */
export async function handhavingOfClient(
	db: Db,
	clientId: string,
	now = new Date()
): Promise<HandhavingView[]> {
	const today = amsterdamDay(now);
	const rows = await db
		.select()
		.from(handhaving)
		.where(eq(handhaving.clientId, clientId))
		.orderBy(desc(handhaving.decidedOn), desc(handhaving.createdAt));
	return rows.map((r) => view(r, today));
}

/**
 * The entries for the klantmanager's page (after `openClient`, which checks the caseload and
 * audits the read): the client's view plus revision, withdrawal reason and who recorded it.
 */
export async function handhavingForStaff(db: Db, staff: Staff, clientId: string, now = new Date()) {
	await requireInCaseload(db, staff, clientId);
	const today = amsterdamDay(now);
	const rows = await db
		.select({ h: handhaving, by: user.displayName })
		.from(handhaving)
		.leftJoin(user, eq(user.id, handhaving.createdBy))
		.where(eq(handhaving.clientId, clientId))
		.orderBy(desc(handhaving.decidedOn), desc(handhaving.createdAt));
	return rows.map(({ h, by }) => ({
		...view(h, today),
		revision: h.revision,
		withdrawnReason: h.withdrawnReason,
		recordedBy: by
	}));
}
