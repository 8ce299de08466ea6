// Plans with steps for most generated clients.
import { randomUUID } from 'node:crypto';
import type { PlanStatus, StepOwner } from '../../db/schema';
import { amsterdamDay, DAY_MS, daysAfter } from '../../../dates';
import { type Rng, maxDate, minDate, between } from './random';
import { GOALS, STEPS } from './texts';
import type { GeneratedRows, GenerateContext, Profile } from './generated';
import type { UsesByClient } from './instrument-uses';

export function generatePlans(
	rng: Rng,
	ctx: GenerateContext,
	profiles: Profile[],
	usesByClient: UsesByClient,
	out: GeneratedRows
): void {
	const { now } = ctx;
	const instrumentNames = new Map(ctx.instruments.map((i) => [i.id, i.name]));
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
}
