// Instrument uses of generated clients, spread with a weight per segment (multinomial).
import { randomUUID } from 'node:crypto';
import type { InstrumentOutcome } from '../../db/schema';
import { amsterdamDay, daysAfter } from '../../../dates';
import { type Rng, maxDate, between } from './random';
import { profileOf, eligible } from './reference';
import { STOP_REASONS } from './texts';
import { cumulativeOf, weightedIndex } from './distributions';
import type { GeneratedRows, GenerateContext, Profile } from './generated';

/** Each client's instrument uses (instrument id and end), for the plan steps linked to them. */
export type UsesByClient = Map<string, { id: string; end: Date | null }[]>;

export function generateInstrumentUses(
	rng: Rng,
	ctx: GenerateContext,
	profiles: Profile[],
	count: number,
	out: GeneratedRows
): UsesByClient {
	const { now } = ctx;
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
	for (let n = 0; n < count && profiles.length > 0; n++) {
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
	return usesByClient;
}
