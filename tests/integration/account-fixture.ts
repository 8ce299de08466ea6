import type { Db } from '../../src/lib/server/db/open';
import { authIdentity, client, gemeente, user } from '../../src/lib/server/db/schema';
import { hashPassword } from '../../src/lib/server/auth/password';

/** A klantmanager who signs in with e-mail and password; returns the user id. */
export async function addPasswordStaff(
	db: Db,
	{ email, password, name = 'Sanne' }: { email: string; password: string; name?: string }
): Promise<string> {
	const [staff] = await db
		.insert(user)
		.values({ displayName: name, email, roles: ['klantmanager'] })
		.returning();
	await db.insert(authIdentity).values({
		userId: staff!.id,
		provider: 'password',
		subject: email,
		passwordHash: await hashPassword(password)
	});
	return staff!.id;
}

/** A client account (no way to sign in yet) in a gemeente of its own; returns the user id. */
export async function addClientAccount(
	db: Db,
	{ gemeenteCode, clientNumber }: { gemeenteCode: string; clientNumber: string }
): Promise<string> {
	const [m] = await db
		.insert(gemeente)
		.values({ code: gemeenteCode, name: gemeenteCode })
		.returning();
	const [u] = await db
		.insert(user)
		.values({ displayName: 'Lars', roles: ['client'] })
		.returning();
	await db.insert(client).values({
		userId: u!.id,
		clientNumber,
		gemeenteId: m!.id,
		birthDate: '2000-01-01',
		benefitStart: '2024-01-01'
	});
	return u!.id;
}
