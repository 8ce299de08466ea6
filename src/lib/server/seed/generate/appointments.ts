// Appointments of generated clients: past ones held (mostly), upcoming ones planned.
import type { AppointmentKind } from '../../db/schema';
import { daysAfter, workingDay } from '../../../dates';
import { amsterdamInstantOn } from '../../wall-clock';
import { type Rng, maxDate, between } from './random';
import { officeAddress } from './reference';
import { PURPOSES, BRING } from './texts';
import { cumulativeOf, weightedIndex } from './distributions';
import type { ChunkOptions, GeneratedRows, GenerateContext, Profile } from './generated';

export function generateAppointments(
	rng: Rng,
	ctx: GenerateContext,
	profiles: Profile[],
	opts: Pick<ChunkOptions, 'appointments' | 'fallbackStaffId'>,
	out: GeneratedRows
): void {
	const { now } = ctx;
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
}
