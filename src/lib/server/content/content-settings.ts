import { asc, eq } from 'drizzle-orm';
import type { Db } from '../db/open';
import { gemeente, gemeenteContentSetting } from '../db/schema';
import { record } from '../audit/audit';
import { gemeenteIdOf } from './content-text';

/** Per gemeente whether clients see concept texts (with a notice); the default is yes. */
export async function listConceptSettings(
	db: Db
): Promise<{ code: string; name: string; showConcept: boolean }[]> {
	const rows = await db
		.select({
			code: gemeente.code,
			name: gemeente.name,
			showConcept: gemeenteContentSetting.showConcept
		})
		.from(gemeente)
		.leftJoin(gemeenteContentSetting, eq(gemeenteContentSetting.gemeenteId, gemeente.id))
		.orderBy(asc(gemeente.name));
	return rows.map((r) => ({ ...r, showConcept: r.showConcept ?? true }));
}

export async function setShowConcept(
	db: Db,
	gemeenteCode: string,
	showConcept: boolean,
	actorId: string,
	now = new Date()
): Promise<boolean> {
	return db.transaction(async (tx) => {
		const gemeenteId = await gemeenteIdOf(tx, gemeenteCode);
		if (!gemeenteId) return false;
		await tx
			.insert(gemeenteContentSetting)
			.values({ gemeenteId, showConcept, updatedBy: actorId, updatedAt: now })
			.onConflictDoUpdate({
				target: gemeenteContentSetting.gemeenteId,
				set: { showConcept, updatedBy: actorId, updatedAt: now }
			});
		await record(tx, {
			actorId,
			clientId: null,
			action: 'content.setting',
			detail: { gemeente: gemeenteCode, showConcept }
		});
		return true;
	});
}

/** The gemeenten a topic can have its own variant for. */
export async function listGemeenten(db: Db): Promise<{ code: string; name: string }[]> {
	return db
		.select({ code: gemeente.code, name: gemeente.name })
		.from(gemeente)
		.orderBy(asc(gemeente.name));
}
