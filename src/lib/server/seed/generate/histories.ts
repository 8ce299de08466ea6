// Re-entries (herinstroom), benefit periods and re-classifications for generated clients (issue
// #13 §9; the bulk generator only, the demo keeps its own history). Drawn from a random sequence
// of their own, so every other generated figure stays the same.
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/open';
import { benefitPeriod, segmentHistory, SEGMENTS } from '../../db/schema';
import { amsterdamDay, daysAfter } from '../../../dates';
import { insertMany } from './insert';
import { Rng, between, minDate } from './random';
import type { GeneratedRows, Profile } from './generated';

/** Share of clients who left at least 90 days ago and came back on the benefit (herinstroom). */
export const REENTRY_P = 0.15;
/** Share of classified clients on the benefit over a year who were re-classified once. */
export const RECLASSIFIED_P = 0.12;

/**
 * Every client's benefit period, a second one for a client who came back (the client row's
 * benefit start becomes the re-entry; the outflow and the rest of the history stay with the
 * first period), and a segment history for the re-classified (another segment from the start,
 * theirs from the change on). `out.clients` are in the same order as `profiles`.
 */
export function generateHistories(
	profiles: Profile[],
	now: Date,
	seed: number,
	out: GeneratedRows
): void {
	const hr = new Rng(seed);
	for (const [i, p] of profiles.entries()) {
		const out_ = p.outflow;
		const reentry =
			out_ && out_.date < daysAfter(now, -90) && hr.chance(REENTRY_P)
				? between(hr, daysAfter(out_.date, 30), daysAfter(now, -30))
				: null;
		out.periods.push({
			clientId: p.clientId,
			start: amsterdamDay(p.benefitStart),
			source: 'intake',
			createdBy: p.kmId,
			createdAt: p.benefitStart
		});
		if (reentry) {
			out.periods.push({
				clientId: p.clientId,
				start: amsterdamDay(reentry),
				source: 'reentry',
				createdBy: p.kmId,
				createdAt: reentry
			});
			out.clients[i]!.benefitStart = amsterdamDay(reentry);
		}
		const changeBy = minDate(daysAfter(now, -30), p.activeEnd);
		if (
			!reentry &&
			p.segment !== null &&
			daysAfter(p.benefitStart, 180) < changeBy &&
			hr.chance(RECLASSIFIED_P)
		) {
			const changed = between(hr, daysAfter(p.benefitStart, 180), changeBy);
			out.segments.push(
				{
					clientId: p.clientId,
					validFrom: amsterdamDay(p.benefitStart),
					segment: hr.pick(SEGMENTS.filter((x) => x !== p.segment))
				},
				{ clientId: p.clientId, validFrom: amsterdamDay(changed), segment: p.segment }
			);
		}
	}
}

/** After the clients: the segment rows go over those the client insert's trigger wrote. */
export async function insertHistories(db: Db, rows: GeneratedRows): Promise<void> {
	await insertMany(db, benefitPeriod, rows.periods);
	for (let i = 0; i < rows.segments.length; i += 5000)
		await db
			.insert(segmentHistory)
			.values(rows.segments.slice(i, i + 5000))
			.onConflictDoUpdate({
				target: [segmentHistory.clientId, segmentHistory.validFrom],
				set: { segment: sql`excluded.segment` }
			});
}
