import { expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { describeEachDatabase } from './databases';
import { auditEvent, client, gemeente, team, user } from '../../src/lib/server/db/schema';
import * as caseload from '../../src/lib/server/caseload/caseload';

describeEachDatabase('caseload scoping and audit', (database) => {
	const ids: Record<string, string> = {};

	it('prepares a team with a lead, two klantmanagers and their clients', async () => {
		const { db } = database();
		const [m] = await db.insert(gemeente).values({ code: 'a', name: 'A' }).returning();
		const [t] = await db.insert(team).values({ name: 'Team A' }).returning();
		const staff = async (name: string, teamId: string | null) => {
			const [u] = await db
				.insert(user)
				.values({ displayName: name, roles: ['klantmanager'], teamId })
				.returning();
			return u!.id;
		};
		ids.lead = await staff('Lead', t!.id);
		ids.sanne = await staff('Sanne', t!.id);
		ids.ahmed = await staff('Ahmed', null);
		await db.update(team).set({ leadUserId: ids.lead }).where(eq(team.id, t!.id));
		const person = async (name: string, km: string) => {
			const [u] = await db
				.insert(user)
				.values({ displayName: name, roles: ['client'] })
				.returning();
			const [c] = await db
				.insert(client)
				.values({
					userId: u!.id,
					clientNumber: `WW-${name}`,
					gemeenteId: m!.id,
					klantmanagerId: km,
					birthDate: '1990-01-01',
					benefitStart: '2024-01-01'
				})
				.returning();
			return c!.id;
		};
		ids.maryam = await person('Maryam', ids.sanne);
		ids.frans = await person('Frans', ids.ahmed);
	});

	it('shows a klantmanager only their own caseload', async () => {
		const { db } = database();
		const sanne = await caseload.listCaseload(db, { id: ids.sanne!, roles: ['klantmanager'] });
		expect(sanne.map((c) => c.name)).toEqual(['Maryam']);
		const ahmed = await caseload.listCaseload(db, { id: ids.ahmed!, roles: ['klantmanager'] });
		expect(ahmed.map((c) => c.name)).toEqual(['Frans']);
	});

	it('lets a team lead see the team’s clients but not another team’s', async () => {
		const { db } = database();
		const lead = { id: ids.lead!, roles: ['klantmanager'] };
		expect((await caseload.listCaseload(db, lead)).map((c) => c.name)).toEqual(['Maryam']);
		await expect(caseload.openClient(db, lead, ids.frans!)).rejects.toBeInstanceOf(
			caseload.AccessDenied
		);
	});

	it('audits a read of an own client and a refused attempt on another', async () => {
		const { db } = database();
		await caseload.openClient(db, { id: ids.sanne!, roles: ['klantmanager'] }, ids.maryam!);
		await expect(
			caseload.openClient(db, { id: ids.ahmed!, roles: ['klantmanager'] }, ids.maryam!)
		).rejects.toBeInstanceOf(caseload.AccessDenied);
		const events = await db
			.select({ actor: auditEvent.actorId, action: auditEvent.action })
			.from(auditEvent)
			.where(and(eq(auditEvent.clientId, ids.maryam!)));
		expect(events).toContainEqual({ actor: ids.sanne, action: 'client.read' });
		expect(events).toContainEqual({ actor: ids.ahmed, action: 'client.denied' });
	});

	it('refuses someone without the klantmanager role', async () => {
		const { db } = database();
		await expect(
			caseload.openClient(db, { id: ids.sanne!, roles: ['reporter'] }, ids.maryam!)
		).rejects.toBeInstanceOf(caseload.AccessDenied);
	});
});
