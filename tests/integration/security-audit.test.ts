import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { describeEachDatabase } from './databases';
import { auditEvent, authIdentity, ROLES, user } from '../../src/lib/server/db/schema';
import { LANGUAGES } from '../../src/lib/i18n/languages';
import { hashPassword } from '../../src/lib/server/auth/password';
import { signInWithPassword } from '../../src/lib/server/auth/sign-in';
import * as audit from '../../src/lib/server/audit/audit';
import { createStaff, createTeam, updateStaff } from '../../src/lib/server/staff/staff-admin';

describeEachDatabase('every privileged act on record', (database) => {
	let adminId = '';
	const email = 'audit-km@x.example';

	const actions = async (actorId: string | null) => {
		const { db } = database();
		const rows = await db
			.select({ action: auditEvent.action, detail: auditEvent.detail })
			.from(auditEvent)
			.where(actorId ? eq(auditEvent.actorId, actorId) : sql`${auditEvent.actorId} is null`);
		return rows.map((r) => r.action);
	};

	it('prepares an admin', async () => {
		const { db } = database();
		const [a] = await db
			.insert(user)
			.values({ displayName: 'Ineke', email: 'audit-admin@x.example', roles: ['admin'] })
			.returning();
		adminId = a!.id;
	});

	it('records creating a staff member, granting roles, disabling and creating a team', async () => {
		const { db } = database();
		const id = await createStaff(db, {
			displayName: 'Km',
			email,
			roles: ['klantmanager'],
			teamId: null,
			password: 'a long staff password',
			actorId: adminId
		});
		await updateStaff(db, id, {
			roles: ['klantmanager', 'admin'],
			teamId: null,
			disabled: false,
			actorId: adminId
		});
		await updateStaff(db, id, {
			roles: ['klantmanager', 'admin'],
			teamId: null,
			disabled: true,
			actorId: adminId
		});
		await createTeam(db, 'Team Z', null, adminId);
		const done = await actions(adminId);
		expect(done).toEqual(
			expect.arrayContaining(['user.create', 'user.roles', 'user.disable', 'team.create'])
		);
		const [roles] = await db
			.select({ detail: auditEvent.detail, clientId: auditEvent.clientId })
			.from(auditEvent)
			.where(and(eq(auditEvent.actorId, adminId), eq(auditEvent.action, 'user.roles')));
		expect(roles!.detail).toMatchObject({ userId: id, added: ['admin'], removed: [] });
	});

	it('records sign-in success and failure', async () => {
		const { db } = database();
		const [u] = await db
			.insert(user)
			.values({ displayName: 'Sig', email: 'sig@x.example', roles: ['klantmanager'] })
			.returning();
		await db.insert(authIdentity).values({
			userId: u!.id,
			provider: 'password',
			subject: 'sig@x.example',
			passwordHash: await hashPassword('right password here')
		});
		const base = { identifier: 'sig@x.example', address: '10.7.0.1' };
		await signInWithPassword(db, { ...base, password: 'wrong' });
		await signInWithPassword(db, { ...base, password: 'right password here' });
		await signInWithPassword(db, { ...base, identifier: 'nobody@x.example', password: 'x' });
		expect(await actions(u!.id)).toEqual(['auth.sign_in_failed', 'auth.sign_in']);
		expect(await actions(null)).toContain('auth.sign_in_failed');
	});

	it('refuses to change or remove an audit event in the database itself', async () => {
		const { db } = database();
		await expect(
			db.update(auditEvent).set({ action: 'client.read' }).where(eq(auditEvent.actorId, adminId))
		).rejects.toThrow();
		await expect(db.delete(auditEvent).where(eq(auditEvent.actorId, adminId))).rejects.toThrow();
		expect((await actions(adminId)).length).toBeGreaterThanOrEqual(4);
	});

	it('searches up to the last possible day without an error', async () => {
		const { db } = database();
		const result = await audit.search(db, { to: '9999-12-31', from: '0001-01-01' });
		expect(result.rows.length).toBeGreaterThan(0);
	});

	it('describes each event in words, not codes', async () => {
		const { db } = database();
		const result = await audit.search(db, { action: 'user.roles' });
		const row = result.rows[0]!;
		expect(row).not.toHaveProperty('detail');
		// A role is shown by its name ("Functioneel beheerder"), not the code "admin".
		expect(row.facts).toEqual(
			expect.arrayContaining([{ key: 'added', value: 'admin', words: ['login.roles.admin'] }])
		);
	});

	it('has words in every language for every code a fact can hold', () => {
		const codes = [...ROLES, ...audit.AUDIT_METHODS];
		for (const lang of LANGUAGES.map((l) => l.code)) {
			const messages = JSON.parse(readFileSync(`messages/${lang}.json`, 'utf8'));
			for (const code of codes) {
				const key = audit.auditWordKey(code)!;
				const words = key.split('.').reduce((o, k) => o?.[k], messages);
				expect(typeof words, `${lang}: ${key}`).toBe('string');
			}
		}
		// Sign-in methods in a fact are words too; a value that is no code stays as it is.
		expect(audit.factsOf({ method: 'totp', reason: 'ziek' })).toEqual([
			{ key: 'reason', value: 'ziek' },
			{ key: 'method', value: 'totp', words: ['security.auditMethod.totp'] }
		]);
	});
});
