import { appointment, type AppointmentKind, type AppointmentStatus } from '../db/schema';
/** As PURPOSE_MAX in appointments/appointment-planning.ts (not imported: that module needs Vite to load). */
const PURPOSE_MAX = 300;
import { isSafeVideoLink } from '../appointments/video-link';
import { amsterdamInstant } from '../wall-clock';
import { amsterdamDay } from '../../dates';
import { fileDay, parseDay } from './csv';
import {
	clientsByNumber,
	existingByExternalId,
	otherGemeente,
	pick,
	staffLookup,
	unknownClient,
	writeKeyedBatch,
	type Klantmanager,
	type StaffLookup
} from './lookup';
import { worksFor } from '../staff/works-for';
import type { ImportKind } from './run';

interface AppointmentRow {
	line: number;
	externalId: string;
	clientNumber: string;
	startsAt: Date;
	endsAt: Date;
	kind: AppointmentKind;
	staff: Klantmanager;
	staffEmail: string;
	purpose: string;
	place: string | null;
	videoUrl: string | null;
	bring: string | null;
	status: AppointmentStatus;
}

const KINDS: Record<string, AppointmentKind> = {
	kantoor: 'in_person',
	opkantoor: 'in_person',
	gesprek: 'in_person',
	telefoon: 'phone',
	telefonisch: 'phone',
	video: 'video',
	beeldbellen: 'video',
	huisbezoek: 'home_visit'
};
const STATUSES: Record<string, AppointmentStatus> = {
	'': 'planned',
	gepland: 'planned',
	gehouden: 'held',
	geweest: 'held',
	afgezegd: 'cancelled',
	geannuleerd: 'cancelled',
	nietverschenen: 'no_show'
};
const EXTERNAL_ID = /^[A-Za-z0-9._:/-]{1,80}$/;

/** "9:30", "09:30" or "09.30" as HH:MM; null when not a time of day. */
export function parseTime(value: string): string | null {
	const m = /^(\d{1,2})[:.](\d{2})$/.exec(value.trim());
	if (!m || Number(m[1]) > 23 || Number(m[2]) > 59) return null;
	return `${m[1]!.padStart(2, '0')}:${m[2]}`;
}

/**
 * Appointments (`afspraken`), keyed by the benefit system's appointment id (`afspraakid`).
 * Times are on the Amsterdam clock. A row equal to what Wegwijs has changes nothing; a changed
 * row updates (status `afgezegd` cancels: nothing is deleted), but a planned row does not reopen a
 * cancelled appointment, and a client who left gets no new planned appointment after their
 * outflow date. The client is not sent a notice for an imported appointment; the usual reminder
 * still goes out.
 */
/** The staff by e-mail, and each day and time's instant once per import (see `instantOf`). */
type Ctx = StaffLookup & { instants: Map<string, Date> };

/**
 * `amsterdamInstant` once per day and time of a file: the time-zone lookup behind it took
 * 0.2 ms a call on the loaded machine, 18 s for the two times of 50,000 appointments
 * (bench/import.ts); a file has far fewer different days and times than rows.
 */
function instantOf(ctx: Ctx, day: string, time: string): Date {
	const key = `${day} ${time}`;
	let at = ctx.instants.get(key);
	if (!at) ctx.instants.set(key, (at = amsterdamInstant(day, time)));
	return new Date(at.getTime());
}

export const appointmentsKind: ImportKind<AppointmentRow, Ctx> = {
	name: 'afspraken',
	columns: {
		afspraakid: true,
		clientnummer: true,
		datum: true,
		begintijd: true,
		eindtijd: true,
		soort: true,
		doel: true,
		medewerker: true,
		plaats: false,
		videolink: false,
		meenemen: false,
		status: false
	},
	noun: 'afspraken',
	context: async (db) => ({ ...(await staffLookup(db)), instants: new Map() }),
	check(cell, ctx, bad) {
		const { staff } = ctx;
		let ok = true;
		const no = (field: string, message: string) => {
			ok = false;
			bad(field, message);
		};
		const externalId = cell('afspraakid');
		if (!EXTERNAL_ID.test(externalId))
			no('afspraakid', 'Vul het nummer van de afspraak in (letters, cijfers, hoogstens 80).');
		const clientNumber = cell('clientnummer');
		if (!clientNumber) no('clientnummer', 'Vul het cliëntnummer in.');
		const day = parseDay(cell('datum'));
		if (!day) no('datum', 'Schrijf de datum als dd-mm-jjjj, bijvoorbeeld 12-04-2027.');
		const start = parseTime(cell('begintijd'));
		if (!start) no('begintijd', 'Schrijf de begintijd als uu:mm, bijvoorbeeld 09:30.');
		const end = parseTime(cell('eindtijd'));
		if (!end) no('eindtijd', 'Schrijf de eindtijd als uu:mm, bijvoorbeeld 10:00.');
		else if (start && end <= start) no('eindtijd', 'De eindtijd ligt niet na de begintijd.');
		const kind = pick(cell('soort'), KINDS);
		if (!kind) no('soort', 'Soort is kantoor, telefoon, video of huisbezoek.');
		const purpose = cell('doel').replace(/\s+/g, ' ');
		if (!purpose) no('doel', 'Schrijf kort waarover de afspraak gaat.');
		else if (purpose.length > PURPOSE_MAX)
			no('doel', `Het doel is langer dan ${PURPOSE_MAX} tekens.`);
		const email = cell('medewerker').toLowerCase();
		const staffMember = staff.get(email);
		if (!staffMember) no('medewerker', `Er is geen klantmanager met e-mail "${email}".`);
		const place = cell('plaats') || null;
		if (place && place.length > 200) no('plaats', 'De plaats is langer dan 200 tekens.');
		const videoUrl = cell('videolink') || null;
		if (videoUrl && !isSafeVideoLink(videoUrl))
			no('videolink', 'Een videolink begint met https:// en heeft geen spaties.');
		if (kind === 'video' && !videoUrl) no('videolink', 'Een video-afspraak heeft een videolink.');
		const bring = cell('meenemen') || null;
		if (bring && bring.length > 300) no('meenemen', 'Meenemen is langer dan 300 tekens.');
		const status = pick(cell('status'), STATUSES);
		if (!status) no('status', 'Status is gepland, gehouden, afgezegd of niet verschenen.');
		if (!ok) return null;
		return {
			externalId,
			clientNumber,
			startsAt: instantOf(ctx, day!, start!),
			endsAt: instantOf(ctx, day!, end!),
			kind: kind!,
			staff: staffMember!,
			staffEmail: email,
			purpose,
			place,
			videoUrl,
			bring,
			status: status!
		};
	},
	key: (r) => ({ field: 'afspraakid', value: r.externalId, label: `Afspraak ${r.externalId}` }),
	async write(tx, rows, { ctx, counts, fail }) {
		const known = await clientsByNumber(
			tx,
			rows.map((r) => r.clientNumber)
		);
		const existing = await existingByExternalId(
			tx,
			appointment,
			rows.map((r) => r.externalId)
		);
		const fresh: AppointmentValues[] = [];
		const changed: (AppointmentValues & { id: string })[] = [];
		for (const r of rows) {
			const c = known.get(r.clientNumber.toLowerCase());
			if (!c) {
				fail(r.line, 'clientnummer', unknownClient(r.clientNumber));
				continue;
			}
			if (!worksFor(r.staff, c.gemeenteId)) {
				fail(
					r.line,
					'medewerker',
					otherGemeente(r.staffEmail, ctx.gemeenteNames.get(c.gemeenteId)!)
				);
				continue;
			}
			const e = existing.get(r.externalId.toLowerCase());
			if (!e) {
				if (r.status === 'planned' && c.leftOn && amsterdamDay(r.startsAt) > c.leftOn) {
					fail(
						r.line,
						'clientnummer',
						`Cliënt ${r.clientNumber} is uitgestroomd op ${fileDay(c.leftOn)}. Een nieuwe afspraak daarna kan niet: zet de status op afgezegd of laat de regel weg.`
					);
					continue;
				}
				fresh.push(valuesOf(r, c.id));
				continue;
			}
			// A "planned" row does not reopen an appointment Wegwijs cancelled (by outflow, or by
			// hand): the client was told it is off. Held or no-show still come through.
			if (e.status === 'cancelled' && r.status === 'planned') r.status = e.status;
			if (e.clientId !== c.id) {
				fail(r.line, 'clientnummer', `Afspraak ${r.externalId} hoort bij een andere cliënt.`);
				continue;
			}
			const same =
				e.staffId === r.staff.id &&
				e.startsAt.getTime() === r.startsAt.getTime() &&
				e.endsAt.getTime() === r.endsAt.getTime() &&
				e.kind === r.kind &&
				e.place === r.place &&
				e.videoUrl === r.videoUrl &&
				e.purpose === r.purpose &&
				e.bring === r.bring &&
				e.status === r.status;
			if (same) counts.unchanged++;
			else changed.push({ id: e.id, ...valuesOf(r, c.id) });
		}
		// One statement for the new rows and one for the changed rows of the batch.
		await writeKeyedBatch(tx, appointment, COLUMNS, { fresh, changed }, counts);
	}
};

/** An appointment row as the JSON the batch statements read (snake case, as the table). */
type AppointmentValues = ReturnType<typeof valuesOf>;
function valuesOf(r: AppointmentRow, clientId: string) {
	return {
		client_id: clientId,
		staff_id: r.staff.id,
		starts_at: r.startsAt.toISOString(),
		ends_at: r.endsAt.toISOString(),
		kind: r.kind,
		place: r.place,
		video_url: r.videoUrl,
		purpose: r.purpose,
		bring: r.bring,
		status: r.status,
		external_id: r.externalId
	};
}
const COLUMNS = `client_id uuid, staff_id uuid, starts_at timestamptz, ends_at timestamptz,
	kind text, place text, video_url text, purpose text, bring text, status text, external_id text`;
