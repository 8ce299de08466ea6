import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../db/open';
import { gemeente, RETENTION_KINDS, retentionTerm, type RetentionKind } from '../db/schema';
import * as audit from '../audit/audit';

// Retention terms per gemeente (issue 15), in days. The defaults are a starting point, not
// advice: docs/CLIENTS.md asks the dienst to check them with its archivist. Wegwijs is not
// the record system (the benefit administration is), so it keeps little for long.

export const RETENTION_KIND_LIST = RETENTION_KINDS;
export type { RetentionKind };

/** Days, and what they count from (docs/CLIENTS.md, "Retention"). */
export const RETENTION_DEFAULTS: Record<RetentionKind, number> = {
	/** After outflow: the client and everything about them; the person row is anonymised. */
	client_file: 730,
	/** After outflow. */
	plans: 365,
	/** After outflow. */
	appointments: 365,
	/** After outflow: the conversation with the klantmanager. */
	messages: 365,
	/** After they were made. */
	notifications: 180,
	/** After the end of the quarter they were given in. */
	open_answers: 730,
	/** After they expired. */
	sessions: 30,
	/** After they were made (replay protection of the offline queue). */
	idempotency: 30,
	/** Besluiten (issue #13 §7): after the besluit day; a maatregel after its last day. */
	handhaving: 730
};

export const MIN_DAYS = 1;
export const MAX_DAYS = 3650;
const days = z.coerce
	.number({ message: 'admin.retention.errors.range' })
	.int('admin.retention.errors.range')
	.min(MIN_DAYS, 'admin.retention.errors.range')
	.max(MAX_DAYS, 'admin.retention.errors.range');

export const termsSchema = z.object(
	Object.fromEntries(RETENTION_KINDS.map((k) => [k, days])) as Record<RetentionKind, typeof days>
);
export type Terms = Record<RetentionKind, number>;

/** Every gemeente's terms: its own where set, the default otherwise. */
export async function termsByGemeente(db: Db): Promise<Map<string, Terms>> {
	const [gemeenten, rows] = await Promise.all([
		db.select({ id: gemeente.id }).from(gemeente),
		db.select().from(retentionTerm)
	]);
	const out = new Map<string, Terms>();
	for (const g of gemeenten) out.set(g.id, { ...RETENTION_DEFAULTS });
	for (const r of rows) {
		const t = out.get(r.gemeenteId);
		if (t && (RETENTION_KINDS as readonly string[]).includes(r.kind)) t[r.kind] = r.days;
	}
	return out;
}

export async function listTerms(db: Db) {
	const [gemeenten, terms] = await Promise.all([
		db.select({ id: gemeente.id, name: gemeente.name }).from(gemeente).orderBy(gemeente.name),
		termsByGemeente(db)
	]);
	return gemeenten.map((g) => ({ ...g, terms: terms.get(g.id)! }));
}

/** Saves a gemeente's terms (all kinds at once) and audits what changed. */
export async function setTerms(
	db: Db,
	adminId: string,
	gemeenteId: string,
	input: Terms
): Promise<{ ok: true; changed: number } | { ok: false; error: 'gemeente' }> {
	const terms = termsSchema.parse(input);
	return db.transaction(async (tx) => {
		const [g] = await tx
			.select({ code: gemeente.code })
			.from(gemeente)
			.where(eq(gemeente.id, gemeenteId));
		if (!g) return { ok: false, error: 'gemeente' } as const;
		const before = (await termsByGemeente(tx)).get(gemeenteId)!;
		const changed = RETENTION_KINDS.filter((k) => before[k] !== terms[k]);
		for (const kind of RETENTION_KINDS)
			await tx
				.insert(retentionTerm)
				.values({ gemeenteId, kind, days: terms[kind], updatedBy: adminId })
				.onConflictDoUpdate({
					target: [retentionTerm.gemeenteId, retentionTerm.kind],
					set: { days: terms[kind], updatedBy: adminId, updatedAt: new Date() }
				});
		if (changed.length)
			await audit.record(tx, {
				actorId: adminId,
				clientId: null,
				action: 'retention.terms',
				detail: {
					gemeente: g.code,
					changed: Object.fromEntries(changed.map((k) => [k, [before[k], terms[k]]]))
				}
			});
		return { ok: true, changed: changed.length } as const;
	});
}
