import { sql } from 'drizzle-orm';
import { client } from '../db/schema';
import {
	clientsByNumber,
	otherGemeente,
	recordset,
	staffLookup,
	unknownClient,
	type Klantmanager,
	type StaffLookup
} from './lookup';
import { worksFor } from '../staff/works-for';
import type { ImportKind } from './run';

interface AssignmentRow {
	line: number;
	clientNumber: string;
	email: string;
	klantmanager: Klantmanager;
}

/**
 * Klantmanager assignment (`klantmanagers`): which klantmanager a client has, by client number
 * and the klantmanager's e-mail in Wegwijs. A row equal to the current assignment changes
 * nothing; another klantmanager replaces the old one; one who does not work for the client's
 * gemeente is refused. Both columns are required: an empty klantmanager would silently take the
 * client out of every caseload.
 */
export const klantmanagersKind: ImportKind<AssignmentRow, StaffLookup> = {
	name: 'klantmanagers',
	columns: { clientnummer: true, klantmanager: true },
	noun: 'klantmanagers',
	context: staffLookup,
	check(cell, { staff }, bad) {
		const clientNumber = cell('clientnummer');
		if (!clientNumber) bad('clientnummer', 'Vul het cliëntnummer in.');
		const email = cell('klantmanager').toLowerCase();
		const klantmanager = staff.get(email);
		if (!email) bad('klantmanager', 'Vul het e-mailadres van de klantmanager in.');
		else if (!klantmanager) bad('klantmanager', `Er is geen klantmanager met e-mail "${email}".`);
		if (!clientNumber || !klantmanager) return null;
		return { clientNumber, email, klantmanager };
	},
	key: (r) => ({
		field: 'clientnummer',
		value: r.clientNumber,
		label: `Cliëntnummer ${r.clientNumber}`
	}),
	async write(tx, rows, { ctx, counts, fail }) {
		const known = await clientsByNumber(
			tx,
			rows.map((r) => r.clientNumber)
		);
		const changed: { id: string; klantmanager_id: string }[] = [];
		for (const r of rows) {
			const c = known.get(r.clientNumber.toLowerCase());
			if (!c) fail(r.line, 'clientnummer', unknownClient(r.clientNumber));
			else if (!worksFor(r.klantmanager, c.gemeenteId))
				fail(r.line, 'klantmanager', otherGemeente(r.email, ctx.gemeenteNames.get(c.gemeenteId)!));
			else if (c.klantmanagerId === r.klantmanager.id) counts.unchanged++;
			else changed.push({ id: c.id, klantmanager_id: r.klantmanager.id });
		}
		// The batch's new assignments in one statement.
		if (changed.length) {
			await tx.execute(sql`update ${client} as c set klantmanager_id = x.klantmanager_id
				from ${recordset(changed, 'id uuid, klantmanager_id uuid')} where c.id = x.id`);
			counts.updated += changed.length;
		}
	}
};
