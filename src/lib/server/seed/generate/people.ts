// One generated client: who they are, their benefit, ladder history and outflow.
import { randomUUID } from 'node:crypto';
import type { OutflowReason } from '../../db/schema';
import { amsterdamDay, DAY_MS, daysAfter, yearsBefore } from '../../../dates';
import { type Rng, maxDate, minDate, between } from './random';
import { type Origin, HOME_LANGUAGE, personName } from './names';
import { EXEMPTION_REASONS } from './texts';
import {
	AGE_BANDS,
	DURATION_BANDS,
	LADDER,
	OUTFLOW_P,
	SEGMENT_SHARES,
	STATUSHOUDER_P,
	weightedIndex
} from './distributions';
import type { GeneratedRows, GenerateContext, Profile } from './generated';

export function birthDateFor(rng: Rng, now: Date, age: number): Date {
	// Birthday already passed this year, so the age is exact on `now`.
	return daysAfter(yearsBefore(now, age), -rng.int(1, 360));
}

/** One client: the user, the sign-in, the client row, ladder history and outflow. */
export function generatePerson(
	rng: Rng,
	ctx: GenerateContext,
	muniCumulative: number[],
	number: string,
	kmId: string | null,
	out: GeneratedRows
): Profile {
	const { now } = ctx;
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
	if (benefitStart < adult) benefitStart = between(rng, adult, maxDate(adult, daysAfter(now, -3)));

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
		number,
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
		benefitStart: amsterdamDay(benefitStart),
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
	return p;
}
