import { expect, it } from 'vitest';
import { describeEachDatabase } from './databases';
import { sql } from 'drizzle-orm';
import { auditEvent, gemeente, user } from '../../src/lib/server/db/schema';
import * as staffAdmin from '../../src/lib/server/staff/staff-admin';
import { createSession, validateSessionToken } from '../../src/lib/server/auth/session';
import { signInWithPassword } from '../../src/lib/server/auth/sign-in';

describeEachDatabase('staff and teams in beheer', (database) => {
	let adminId = '';
	let kmId = '';

	it('adds a staff member who can sign in with the password given', async () => {
		const { db } = database();
		adminId = await staffAdmin.createStaff(db, {
			displayName: 'Ineke Smit',
			email: 'Ineke@Dienst.example',
			roles: ['admin'],
			teamId: null,
			password: null
		});
		const teamId = await staffAdmin.createTeam(db, 'Team Noord', null);
		kmId = await staffAdmin.createStaff(db, {
			displayName: 'Sanne de Vries',
			email: 'sanne@dienst.example',
			roles: ['klantmanager'],
			teamId,
			password: 'een lang wachtwoord'
		});
		const signedIn = await signInWithPassword(db, {
			identifier: 'sanne@dienst.example',
			password: 'een lang wachtwoord',
			address: '1.2.3.4'
		});
		expect(signedIn).toMatchObject({ ok: true });
		const teams = await staffAdmin.listTeams(db);
		expect(teams).toEqual([{ id: teamId, name: 'Team Noord', leadUserId: null, members: 1 }]);
		expect(await staffAdmin.setTeamLead(db, teamId, kmId)).toBe(true);
	});

	it('refuses a second account with the same e-mail address, whatever the case', async () => {
		const { db } = database();
		const again = staffAdmin.createStaff(db, {
			displayName: 'Iemand anders',
			email: 'INEKE@dienst.example',
			roles: ['reporter'],
			teamId: null,
			password: null
		});
		await expect(again).rejects.toBeInstanceOf(staffAdmin.DuplicateEmail);
	});

	it('finds staff by name or e-mail, never clients', async () => {
		const { db } = database();
		const [m] = await db.insert(gemeente).values({ code: 'm', name: 'M' }).returning();
		expect(m).toBeTruthy();
		await db.insert(user).values({ displayName: 'Sanne Client', roles: ['client'] });
		expect((await staffAdmin.listStaff(db, 'sanne')).map((s) => s.displayName)).toEqual([
			'Sanne de Vries'
		]);
		expect((await staffAdmin.listStaff(db, 'dienst.example')).length).toBe(2);
		expect(await staffAdmin.listStaff(db, '%')).toEqual([]);
	});

	it('never takes the admin role from the last admin who can sign in', async () => {
		const { db } = database();
		expect(
			await staffAdmin.updateStaff(db, adminId, {
				roles: ['reporter'],
				teamId: null,
				disabled: false
			})
		).toBe('last-admin');
		expect(
			await staffAdmin.updateStaff(db, adminId, { roles: ['admin'], teamId: null, disabled: true })
		).toBe('last-admin');
		expect((await staffAdmin.getStaff(db, adminId))!.roles).toEqual(['admin']);
	});

	it('a disabled staff member is signed out at once', async () => {
		const { db } = database();
		const { token } = await createSession(db, kmId, 30);
		expect(await validateSessionToken(db, token, 30)).not.toBeNull();
		expect(
			await staffAdmin.updateStaff(db, kmId, {
				roles: ['klantmanager'],
				teamId: null,
				disabled: true
			})
		).toBe('ok');
		expect(await validateSessionToken(db, token, 30)).toBeNull();
		expect((await staffAdmin.getStaff(db, kmId))!).toMatchObject({ disabled: true, teamId: null });
	});

	it('sets the gemeenten a staff member works for: audited, a made-up gemeente refused, none is all', async () => {
		const { db } = database();
		const [m] = await db.select().from(gemeente);
		const update = (gemeenteIds?: string[]) =>
			staffAdmin.updateStaff(db, kmId, {
				roles: ['klantmanager'],
				teamId: null,
				disabled: true,
				gemeenteIds,
				actorId: adminId
			});
		expect((await staffAdmin.getStaff(db, kmId))!.gemeenteIds).toEqual([]);
		expect(await update([m!.id, crypto.randomUUID()])).toBe('unknown-gemeente');
		expect((await staffAdmin.getStaff(db, kmId))!.gemeenteIds).toEqual([]);
		expect(await update([m!.id, m!.id])).toBe('ok');
		expect((await staffAdmin.getStaff(db, kmId))!.gemeenteIds).toEqual([m!.id]);
		// Left out: unchanged; an empty list: every gemeente again.
		expect(await update()).toBe('ok');
		expect((await staffAdmin.getStaff(db, kmId))!.gemeenteIds).toEqual([m!.id]);
		expect(await update([])).toBe('ok');
		expect((await staffAdmin.getStaff(db, kmId))!.gemeenteIds).toEqual([]);
		const events = await db
			.select({ detail: auditEvent.detail })
			.from(auditEvent)
			.where(sql`${auditEvent.action} = 'user.update' and ${auditEvent.detail} ? 'gemeenteIds'`)
			.orderBy(auditEvent.at);
		expect(events.map((e) => (e.detail as { gemeenteIds: string[] }).gemeenteIds)).toEqual([
			[m!.id],
			[]
		]);
	});

	it('adds a gemeente once, offering Dutch and English', async () => {
		const { db } = database();
		expect(await staffAdmin.addGemeente(db, 'oost-gelre', 'Oost Gelre')).toBe(true);
		expect(await staffAdmin.addGemeente(db, 'oost-gelre', 'Oost Gelre')).toBe(false);
	});
});
