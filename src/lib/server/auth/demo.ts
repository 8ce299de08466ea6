import { asc, eq, isNotNull, and } from 'drizzle-orm';
import type { Db } from '../db/open';
import { preparedPerDb } from '../db/prepared';
import { team, user } from '../db/schema';

export interface DemoAccount {
	key: string;
	name: string;
	role: 'client' | 'klantmanager' | 'teamlead' | 'reporter' | 'admin';
}

/** The sign-in page's query in demo mode, built once per database (#19). */
const demoAccounts = preparedPerDb((db) =>
	db
		.select({ key: user.demoKey, name: user.displayName, roles: user.roles, leads: team.id })
		.from(user)
		.leftJoin(team, eq(team.leadUserId, user.id))
		.where(isNotNull(user.demoKey))
		.orderBy(asc(user.displayName))
		.prepare('demo_accounts')
);

/** The people demo mode offers for one-click sign-in. */
export async function listDemoAccounts(db: Db): Promise<DemoAccount[]> {
	const rows = await demoAccounts(db).execute();
	const order = ['client', 'klantmanager', 'teamlead', 'reporter', 'admin'];
	return rows
		.map((r) => ({
			key: r.key!,
			name: r.name,
			role: (r.leads
				? 'teamlead'
				: (r.roles.find((x) => x !== 'client') ?? 'client')) as DemoAccount['role']
		}))
		.sort((a, b) => order.indexOf(a.role) - order.indexOf(b.role));
}

export async function demoUserId(db: Db, key: string): Promise<string | null> {
	const [row] = await db
		.select({ id: user.id })
		.from(user)
		.where(and(eq(user.demoKey, key)))
		.limit(1);
	return row?.id ?? null;
}
