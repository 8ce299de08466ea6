import { eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../db/open';
import { benefitPeriod, client, gemeente, SEGMENTS, user, type Segment } from '../db/schema';
import { LANGUAGE_CODES, type Language } from '../../i18n/languages';
import * as audit from '../audit/audit';
import { CLIENT_NUMBER } from '../intake/client-number';
import { CsvError, parseDay, readCsv } from './csv';

/**
 * The clients file (docs/IMPORT.md): one row per client, keyed by the benefit system's client
 * number. Header names in Dutch; case, spaces, dashes and underscores do not matter.
 */
export const CLIENT_COLUMNS = {
	clientnummer: { required: true },
	naam: { required: true },
	geboortedatum: { required: true },
	gemeente: { required: true },
	uitkeringsinds: { required: true },
	doelgroep: { required: false },
	taal: { required: false },
	statushouder: { required: false },
	telefoon: { required: false },
	email: { required: false },
	klantmanager: { required: false }
} as const;
type Column = keyof typeof CLIENT_COLUMNS;

export interface RowError {
	line: number;
	field: string;
	message: string;
}

export interface ImportReport {
	ok: boolean;
	applied: boolean;
	rows: number;
	created: number;
	updated: number;
	unchanged: number;
	/** The first errors (at most MAX_ERRORS), each with line, column and what to fix, in Dutch. */
	errors: RowError[];
	errorCount: number;
}

export const MAX_ERRORS = 200;
/** A file of 50,000 clients is about 6 MB; anything much larger is not a clients file. */
export const MAX_FILE_BYTES = 50 * 1024 * 1024;
const BATCH = 500;
class Rollback extends Error {}

const YES = new Set(['ja', 'j', 'yes', 'y', '1', 'true', 'waar']);
const NO = new Set(['nee', 'n', 'no', '0', 'false', 'onwaar', '']);

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

/**
 * Imports a clients file: checks every row (line, column and a Dutch message that says what to
 * fix), then — only when `apply` and no row has an error — writes all rows in one transaction.
 * A dry run goes through the same writes and rolls them back, so its counts are exact. Rows are
 * read and written in batches, so memory follows the batch, not the file. Idempotent: a row
 * equal to what Wegwijs has changes nothing; a changed row updates; nothing is deleted.
 * Cells are stored as text as they are: `=HYPERLINK(…)` stays those characters.
 */
export async function importClients(
	db: Db,
	actorId: string,
	file: AsyncIterable<Uint8Array>,
	opts: { apply: boolean; fileName?: string }
): Promise<ImportReport> {
	const report: ImportReport = {
		ok: true,
		applied: false,
		rows: 0,
		created: 0,
		updated: 0,
		unchanged: 0,
		errors: [],
		errorCount: 0
	};
	const fail = (line: number, field: string, message: string) => {
		report.ok = false;
		report.errorCount++;
		if (report.errors.length < MAX_ERRORS) report.errors.push({ line, field, message });
	};

	const gemeenten = new Map(
		(
			await db
				.select({ id: gemeente.id, code: gemeente.code, languages: gemeente.languages })
				.from(gemeente)
		).map((g) => [g.code.toLowerCase(), g])
	);
	const staff = new Map(
		(
			await db
				.select({ id: user.id, email: user.email })
				.from(user)
				.where(sql`'klantmanager' = any(${user.roles}) and ${user.disabledAt} is null`)
		).map((u) => [u.email?.toLowerCase() ?? '', u.id])
	);

	try {
		await db.transaction(async (tx) => {
			const seen = new Set<string>();
			let batch: ClientRow[] = [];
			let headerChecked = false;
			for await (const { line, record } of readCsv(file)) {
				if (!headerChecked) {
					headerChecked = true;
					const missing = (Object.keys(CLIENT_COLUMNS) as Column[]).filter(
						(c) => CLIENT_COLUMNS[c].required && !(c in record)
					);
					if (missing.length) {
						for (const c of missing)
							fail(
								1,
								c,
								`De kolom "${c}" ontbreekt. Is dit een bestand met cliënten? Zie docs/IMPORT.md.`
							);
						throw new Rollback();
					}
					const extra = Object.keys(record).filter((k) => !(k in CLIENT_COLUMNS));
					for (const k of extra)
						fail(1, k, `De kolom "${k}" kennen we niet. Haal hem weg of geef hem de juiste naam.`);
				}
				report.rows++;
				const row = checkRow(line, record, gemeenten, staff, fail);
				if (!row) continue;
				const key = row.clientNumber.toLowerCase();
				if (seen.has(key)) {
					fail(
						line,
						'clientnummer',
						`Cliëntnummer ${row.clientNumber} staat al eerder in het bestand.`
					);
					continue;
				}
				seen.add(key);
				batch.push(row);
				if (batch.length >= BATCH) {
					await writeBatch(tx, actorId, batch, report, fail);
					batch = [];
				}
			}
			if (batch.length) await writeBatch(tx, actorId, batch, report, fail);
			if (report.rows === 0) fail(1, 'bestand', 'Het bestand heeft geen rijen met cliënten.');
			if (!report.ok || !opts.apply) throw new Rollback();
			await audit.record(tx, {
				actorId,
				clientId: null,
				action: 'import.apply',
				detail: {
					kind: 'clienten',
					file: opts.fileName ?? null,
					rows: report.rows,
					created: report.created,
					updated: report.updated,
					unchanged: report.unchanged
				}
			});
		});
		report.applied = true;
	} catch (e) {
		if (e instanceof CsvError) {
			const message = {
				empty: 'Het bestand is leeg.',
				encoding: 'Het bestand is geen tekst in UTF-8 of Windows-1252. Sla het op als CSV (UTF-8).',
				malformed: `Het bestand is geen geldige CSV${e.line ? ` (rond regel ${e.line})` : ''}. Controleer aanhalingstekens en scheidingstekens.`
			}[e.reason];
			fail(e.line ?? 1, 'bestand', message);
		} else if (!(e instanceof Rollback)) throw e;
	}
	if (!report.ok) report.applied = false;
	return report;
}

function checkRow(
	line: number,
	r: Record<string, string>,
	gemeenten: Map<string, { id: string; languages: string[] }>,
	staff: Map<string, string>,
	fail: (line: number, field: string, message: string) => void
): ClientRow | null {
	let ok = true;
	const bad = (field: string, message: string) => {
		ok = false;
		fail(line, field, message);
	};
	const v = (c: Column) => (r[c] ?? '').trim();
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
	const klantmanagerId = kmText ? staff.get(kmText) : null;
	if (klantmanagerId === undefined)
		bad('klantmanager', `Er is geen klantmanager met e-mail "${kmText}".`);
	if (!ok) return null;
	return {
		line,
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
		klantmanagerId: klantmanagerId ?? null
	};
}

async function writeBatch(
	tx: Db,
	actorId: string,
	rows: ClientRow[],
	report: ImportReport,
	fail: (line: number, field: string, message: string) => void
) {
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
			klantmanagerId: client.klantmanagerId
		})
		.from(client)
		.innerJoin(user, eq(user.id, client.userId))
		.where(
			inArray(
				sql`lower(${client.clientNumber})`,
				rows.map((r) => r.clientNumber.toLowerCase())
			)
		);
	const byNumber = new Map(existing.map((e) => [e.clientNumber.toLowerCase(), e]));
	const emails = rows.filter((r) => r.email).map((r) => r.email!);
	const owners = emails.length
		? await tx
				.select({ id: user.id, email: user.email })
				.from(user)
				.where(inArray(user.email, emails))
		: [];
	const emailOwner = new Map(owners.map((o) => [o.email!, o.id]));
	const fresh: ClientRow[] = [];
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
		await tx
			.update(user)
			.set({ displayName: r.name, language: r.language, phone: r.phone, email: r.email })
			.where(eq(user.id, e.userId));
		await tx
			.update(client)
			.set({
				birthDate: r.birthDate,
				gemeenteId: r.gemeenteId,
				benefitStart: r.benefitStart,
				segment: r.segment,
				statushouder: r.statushouder,
				...(r.klantmanagerId ? { klantmanagerId: r.klantmanagerId } : {})
			})
			.where(eq(client.id, e.id));
		if (e.benefitStart !== r.benefitStart)
			await tx
				.insert(benefitPeriod)
				.values({ clientId: e.id, start: r.benefitStart, source: 'intake', createdBy: actorId })
				.onConflictDoNothing();
		report.updated++;
	}
	if (fresh.length) {
		const users = await tx
			.insert(user)
			.values(
				fresh.map((r) => ({
					displayName: r.name,
					roles: ['client' as const],
					language: r.language,
					phone: r.phone,
					email: r.email,
					preferences: r.email ? { notifyEmail: true } : {}
				}))
			)
			.returning({ id: user.id });
		const clients = await tx
			.insert(client)
			.values(
				fresh.map((r, i) => ({
					userId: users[i]!.id,
					clientNumber: r.clientNumber,
					gemeenteId: r.gemeenteId,
					klantmanagerId: r.klantmanagerId,
					segment: r.segment,
					birthDate: r.birthDate,
					statushouder: r.statushouder,
					benefitStart: r.benefitStart
				}))
			)
			.returning({ id: client.id });
		await tx.insert(benefitPeriod).values(
			fresh.map((r, i) => ({
				clientId: clients[i]!.id,
				start: r.benefitStart,
				source: 'intake' as const,
				createdBy: actorId
			}))
		);
		report.created += fresh.length;
	}
}
