import { eq } from 'drizzle-orm';
import { client } from '../db/schema';
import { clientsByNumber, klantmanagersByEmail, unknownClient } from './lookup';
import type { ImportKind } from './run';

interface AssignmentRow {
	line: number;
	clientNumber: string;
	klantmanagerId: string;
}

/**
 * Klantmanager assignment (`klantmanagers`): which klantmanager a client has, by client number
 * and the klantmanager's e-mail in Wegwijs. A row equal to the current assignment changes
 * nothing; another klantmanager replaces the old one. Both columns are required: an empty
 * klantmanager would silently take the client out of every caseload.
 */
export const klantmanagersKind: ImportKind<AssignmentRow, Map<string, string>> = {
	name: 'klantmanagers',
	columns: { clientnummer: true, klantmanager: true },
	noun: 'klantmanagers',
	context: klantmanagersByEmail,
	check(cell, staff, bad) {
		const clientNumber = cell('clientnummer');
		if (!clientNumber) bad('clientnummer', 'Vul het cliëntnummer in.');
		const email = cell('klantmanager').toLowerCase();
		const klantmanagerId = staff.get(email);
		if (!email) bad('klantmanager', 'Vul het e-mailadres van de klantmanager in.');
		else if (!klantmanagerId) bad('klantmanager', `Er is geen klantmanager met e-mail "${email}".`);
		if (!clientNumber || !klantmanagerId) return null;
		return { clientNumber, klantmanagerId };
	},
	key: (r) => ({
		field: 'clientnummer',
		value: r.clientNumber,
		label: `Cliëntnummer ${r.clientNumber}`
	}),
	async write(tx, rows, { counts, fail }) {
		const known = await clientsByNumber(
			tx,
			rows.map((r) => r.clientNumber)
		);
		for (const r of rows) {
			const c = known.get(r.clientNumber.toLowerCase());
			if (!c) fail(r.line, 'clientnummer', unknownClient(r.clientNumber));
			else if (c.klantmanagerId === r.klantmanagerId) counts.unchanged++;
			else {
				await tx
					.update(client)
					.set({ klantmanagerId: r.klantmanagerId })
					.where(eq(client.id, c.id));
				counts.updated++;
			}
		}
	}
};
