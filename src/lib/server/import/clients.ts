import { eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../db/open';
import { benefitPeriod, client, gemeente, SEGMENTS, user, type Segment } from '../db/schema';
import { LANGUAGE_CODES, type Language } from '../../i18n/languages';
import { CLIENT_NUMBER } from '../intake/client-number';
import { leftOn } from '../caseload/left';
import { recordReentry } from '../caseload/reentry';
import { fileDay, parseDay } from './csv';
import {
	klantmanagersByEmail,
	NO,
	numberIn,
	otherGemeente,
	recordset,
	YES,
	type Klantmanager
} from './lookup';
import { worksFor } from '../staff/works-for';
import { importCsv, type Counts, type Fail, type ImportKind, type ImportOptions } from './run';

/**
 * The clients file (docs/IMPORT.md): one row per client, keyed by the benefit system's client
 * number. Header names in Dutch; case, spaces, dashes and underscores do not matter.
 */
export const CLIENT_COLUMNS = {
	clientnummer: true,
	naam: true,
	geboortedatum: true,
	gemeente: true,
	uitkeringsinds: true,
	doelgroep: false,
	taal: false,
	statushouder: false,
	telefoon: false,
	email: false,
	klantmanager: false
};
type Column = keyof typeof CLIENT_COLUMNS;

interface ClientRow {
	line: number;
	clientNumber: string;
	name: string;
	birthDate: string;
	gemeenteId: string;
	benefitStart: string;
	segment: Segment | null;
	language: Language;
	statushouder: boolean;
	phone: string | null;
	email: string | null;
	klantmanagerId: string | null;
}

const emailSchema = z.email();

interface Ctx {
	gemeenten: Map<string, { id: string; name: string; languages: string[] }>;
	staff: Map<string, Klantmanager>;
}

/**
 * The clients file (docs/IMPORT.md). Idempotent by client number (any letter case): a row equal
 * to what Wegwijs has changes nothing; a changed row updates; a new number creates the client
 * with a benefit period; a later benefit start for a client who left records a re-entry
 * (herinstroom) and opens their account again. Nothing is deleted. Cells are stored as text as they are:
 * `=HYPERLINK(…)` stays those characters.
 */
export const clientsKind: ImportKind<ClientRow, Ctx> = {
	name: 'clienten',
	columns: CLIENT_COLUMNS,
	noun: 'cliënten',
	async context(db) {
		const gemeenten = new Map(
			(
				await db
					.select({
						id: gemeente.id,
						code: gemeente.code,
						name: gemeente.name,
						languages: gemeente.languages
					})
					.from(gemeente)
			).map((g) => [g.code.toLowerCase(), g])
		);
		return { gemeenten, staff: await klantmanagersByEmail(db) };
	},
	check: (cell, ctx, bad) => checkRow(cell, ctx, bad),
	key: (r) => ({
		field: 'clientnummer',
		value: r.clientNumber,
		label: `Cliëntnummer ${r.clientNumber}`
	}),
	write: (tx, rows, env) => writeBatch(tx, env.actorId, rows, env.counts, env.fail)
};

/** The clients file from CSV bytes; see `clientsKind` and `runImport`. */
export function importClients(
	db: Db,
	actorId: string,
	file: AsyncIterable<Uint8Array>,
	opts: ImportOptions
) {
	return importCsv(db, actorId, clientsKind, file, opts);
}

function checkRow(
	v: (c: Column) => string,
	{ gemeenten, staff }: Ctx,
	bad: (field: string, message: string) => void
): Omit<ClientRow, 'line'> | null {
	let ok = true;
	const wrong = bad;
	bad = (field, message) => {
		ok = false;
		wrong(field, message);
	};
	const clientNumber = v('clientnummer');
	if (!clientNumber) bad('clientnummer', 'Vul het cliëntnummer in.');
	else if (!CLIENT_NUMBER.test(clientNumber))
		bad(
			'clientnummer',
			'Een cliëntnummer heeft alleen letters, cijfers en streepjes (hoogstens 40).'
		);
	const name = v('naam').replace(/\s+/g, ' ');
	if (!name) bad('naam', 'Vul de naam in.');
	else if (name.length > 200) bad('naam', 'De naam is langer dan 200 tekens.');
	const birthDate = parseDay(v('geboortedatum'));
	if (!birthDate)
		bad('geboortedatum', 'Schrijf de geboortedatum als dd-mm-jjjj, bijvoorbeeld 12-04-1990.');
	const benefitStart = parseDay(v('uitkeringsinds'));
	if (!benefitStart)
		bad('uitkeringsinds', 'Schrijf de startdatum van de uitkering als dd-mm-jjjj.');
	if (birthDate && benefitStart && benefitStart < birthDate)
		bad('uitkeringsinds', 'De uitkering begint voor de geboortedatum.');
	const g = gemeenten.get(v('gemeente').toLowerCase());
	if (!g)
		bad('gemeente', `Gemeente "${v('gemeente')}" kennen we niet. Gebruik de code uit /beheer.`);
	const segmentText = v('doelgroep').toLowerCase();
	const segment =
		segmentText === ''
			? null
			: (SEGMENTS as readonly string[]).includes(segmentText)
				? (segmentText as Segment)
				: undefined;
	if (segment === undefined) bad('doelgroep', 'Doelgroep is werk, perspectief, meedoen of leeg.');
	const languageText = v('taal').toLowerCase() || 'nl';
	const language = (LANGUAGE_CODES as string[]).includes(languageText)
		? (languageText as Language)
		: undefined;
	if (!language)
		bad(
			'taal',
			`Taal "${v('taal')}" kennen we niet. Gebruik een code: ${LANGUAGE_CODES.join(', ')}.`
		);
	else if (g && language !== 'nl' && !g.languages.includes(language))
		bad('taal', `De gemeente biedt de taal "${language}" niet aan.`);
	const statusText = v('statushouder').toLowerCase();
	if (!YES.has(statusText) && !NO.has(statusText))
		bad('statushouder', 'Statushouder is ja of nee.');
	const phone = v('telefoon') || null;
	if (phone && !/^[+0-9 ()-]{6,40}$/.test(phone))
		bad('telefoon', 'Een telefoonnummer heeft alleen cijfers, spaties, +, - of haakjes.');
	const email = v('email').toLowerCase() || null;
	if (email && !emailSchema.safeParse(email).success)
		bad('email', 'Dit is geen geldig e-mailadres.');
	const kmText = v('klantmanager').toLowerCase();
	const km = kmText ? staff.get(kmText) : null;
	if (km === undefined) bad('klantmanager', `Er is geen klantmanager met e-mail "${kmText}".`);
	else if (km && g && !worksFor(km, g.id)) bad('klantmanager', otherGemeente(kmText, g.name));
	if (!ok) return null;
	return {
		clientNumber,
		name,
		birthDate: birthDate!,
		gemeenteId: g!.id,
		benefitStart: benefitStart!,
		segment: segment!,
		language: language!,
		statushouder: YES.has(statusText),
		phone,
		email,
		klantmanagerId: km?.id ?? null
	};
}

/** What Wegwijs holds of the batch's clients, to tell new, changed and unchanged apart. */
async function existingClients(tx: Db, rows: ClientRow[]) {
	const existing = await tx
		.select({
			id: client.id,
			userId: client.userId,
			clientNumber: client.clientNumber,
			name: user.displayName,
			birthDate: client.birthDate,
			gemeenteId: client.gemeenteId,
			benefitStart: client.benefitStart,
			segment: client.segment,
			language: user.language,
			statushouder: client.statushouder,
			phone: user.phone,
			email: user.email,
			klantmanagerId: client.klantmanagerId,
			leftOn
		})
		.from(client)
		.innerJoin(user, eq(user.id, client.userId))
		.where(numberIn(rows.map((r) => r.clientNumber)));
	return new Map(existing.map((e) => [e.clientNumber.toLowerCase(), e]));
}

async function writeBatch(tx: Db, actorId: string, rows: ClientRow[], report: Counts, fail: Fail) {
	const byNumber = await existingClients(tx, rows);
	const emails = rows.filter((r) => r.email).map((r) => r.email!);
	const owners = emails.length
		? await tx
				.select({ id: user.id, email: user.email })
				.from(user)
				.where(inArray(user.email, emails))
		: [];
	const emailOwner = new Map(owners.map((o) => [o.email!, o.id]));
	const fresh: ClientRow[] = [];
	const changed: Changed[] = [];
	const batchEmails = new Set<string>();
	for (const r of rows) {
		const e = byNumber.get(r.clientNumber.toLowerCase());
		const owner = r.email ? emailOwner.get(r.email) : undefined;
		if ((owner && owner !== e?.userId) || (r.email && batchEmails.has(r.email))) {
			fail(r.line, 'email', `E-mailadres ${r.email} hoort al bij iemand anders.`);
			continue;
		}
		if (r.email) batchEmails.add(r.email);
		if (!e) {
			fresh.push(r);
			continue;
		}
		const same =
			e.name === r.name &&
			e.birthDate === r.birthDate &&
			e.gemeenteId === r.gemeenteId &&
			e.benefitStart === r.benefitStart &&
			e.segment === r.segment &&
			e.language === r.language &&
			e.statushouder === r.statushouder &&
			e.phone === r.phone &&
			e.email === r.email &&
			(r.klantmanagerId === null || e.klantmanagerId === r.klantmanagerId);
		if (same) {
			report.unchanged++;
			continue;
		}
		// A client who left and has a later benefit start comes back (herinstroom); a start on or
		// before the outflow date would rewrite the period that ended, so it is refused.
		const reentry = e.leftOn !== null && e.benefitStart !== r.benefitStart;
		if (reentry && r.benefitStart <= e.leftOn!) {
			fail(
				r.line,
				'uitkeringsinds',
				`Cliënt ${r.clientNumber} is uitgestroomd op ${fileDay(e.leftOn!)}. Een nieuwe uitkering begint na die datum.`
			);
			continue;
		}
		changed.push({ row: r, existing: e, reentry });
	}
	if (changed.length) {
		await updateClients(tx, actorId, changed);
		report.updated += changed.length;
	}
	if (fresh.length) {
		await insertClients(tx, actorId, fresh);
		report.created += fresh.length;
	}
}

/** A client row that differs from what Wegwijs holds, with what it holds. */
interface Changed {
	row: ClientRow;
	existing: { id: string; userId: string; benefitStart: string };
	/** A later benefit start of a client who left: a new benefit period (herinstroom). */
	reentry: boolean;
}

/**
 * The batch's changed clients in one statement per table, each reading the batch from one JSON
 * parameter (as `insertClients`): one update of the person and one of the client file, and one
 * insert of the benefit periods that a changed start begins. Row by row (two updates per
 * client) a re-import in which every client changed took about as long as the first import
 * (bench/import.ts, "changed clients"). An empty klantmanager cell leaves the assignment alone.
 * A re-entry keeps its own path afterwards (rare; it also opens the account and is audited).
 */
async function updateClients(tx: Db, actorId: string, changed: Changed[]) {
	const data = changed.map(({ row: r, existing: e, reentry }) => ({
		user_id: e.userId,
		client_id: e.id,
		display_name: r.name,
		language: r.language,
		phone: r.phone,
		email: r.email,
		birth_date: r.birthDate,
		gemeente_id: r.gemeenteId,
		benefit_start: r.benefitStart,
		segment: r.segment,
		statushouder: r.statushouder,
		klantmanager_id: r.klantmanagerId,
		// A new period for a changed start (not a re-entry: recordReentry writes that one).
		new_period: !reentry && e.benefitStart !== r.benefitStart
	}));
	await tx.execute(sql`update ${user} as u set display_name = x.display_name,
			language = x.language, phone = x.phone, email = x.email
		from ${recordset(data, USER_COLUMNS)} where u.id = x.user_id`);
	await tx.execute(sql`update ${client} as c set birth_date = x.birth_date,
			gemeente_id = x.gemeente_id, benefit_start = x.benefit_start, segment = x.segment,
			statushouder = x.statushouder,
			klantmanager_id = coalesce(x.klantmanager_id, c.klantmanager_id)
		from ${recordset(data, CLIENT_COLUMNS_SQL)} where c.id = x.client_id`);
	const periods = data.filter((d) => d.new_period);
	if (periods.length)
		await tx.execute(sql`insert into ${benefitPeriod} (client_id, start, source, created_by)
			select client_id, benefit_start, 'intake', ${actorId}::uuid
			from ${recordset(periods, 'client_id uuid, benefit_start date')}
			on conflict do nothing`);
	for (const { row: r, existing: e, reentry } of changed)
		if (reentry)
			await recordReentry(tx, actorId, {
				clientId: e.id,
				userId: e.userId,
				previousStart: e.benefitStart,
				benefitStart: r.benefitStart
			});
}
const USER_COLUMNS = 'user_id uuid, display_name text, language text, phone text, email text';
const CLIENT_COLUMNS_SQL = `client_id uuid, birth_date date, gemeente_id uuid, benefit_start date,
	segment text, statushouder boolean, klantmanager_id uuid`;

/**
 * New clients in three statements per batch, each reading the whole batch from one JSON
 * parameter (json_to_recordset): drizzle's multi-row VALUES builds and binds thousands of
 * parameters per batch, which the profile of the 50,000-client import showed as its hot spot
 * (bench/import.ts). Ids are made here, so no RETURNING has to be matched up row by row.
 */
async function insertClients(tx: Db, actorId: string, rows: ClientRow[]) {
	const data = rows.map((r) => ({
		user_id: crypto.randomUUID(),
		client_id: crypto.randomUUID(),
		display_name: r.name,
		language: r.language,
		phone: r.phone,
		email: r.email,
		preferences: r.email ? { notifyEmail: true } : {},
		client_number: r.clientNumber,
		gemeente_id: r.gemeenteId,
		klantmanager_id: r.klantmanagerId,
		segment: r.segment,
		birth_date: r.birthDate,
		statushouder: r.statushouder,
		benefit_start: r.benefitStart
	}));
	const json = JSON.stringify(data);
	const columns = sql.raw(`x(user_id uuid, client_id uuid, display_name text, language text,
		phone text, email text, preferences jsonb, client_number text, gemeente_id uuid,
		klantmanager_id uuid, segment text, birth_date date, statushouder boolean, benefit_start date)`);
	await tx.execute(sql`insert into ${user} (id, display_name, roles, language, phone, email, preferences)
		select user_id, display_name, array['client']::text[], language, phone, email, preferences
		from json_to_recordset(${json}::json) as ${columns}`);
	await tx.execute(sql`insert into ${client} (id, user_id, client_number, gemeente_id, klantmanager_id,
			segment, birth_date, statushouder, benefit_start)
		select client_id, user_id, client_number, gemeente_id, klantmanager_id, segment, birth_date,
			statushouder, benefit_start
		from json_to_recordset(${json}::json) as ${columns}`);
	await tx.execute(sql`insert into ${benefitPeriod} (client_id, start, source, created_by)
		select client_id, benefit_start, 'intake', ${actorId}::uuid
		from json_to_recordset(${json}::json) as ${columns}`);
}
