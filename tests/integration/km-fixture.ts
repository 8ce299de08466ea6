import { eq } from 'drizzle-orm';
import type { Db } from '../../src/lib/server/db/open';
import { client, instrument, gemeente, team, user } from '../../src/lib/server/db/schema';
import { seedInstruments } from '../../src/lib/server/seed/catalogue';
import { seedPlanTemplates } from '../../src/lib/server/seed/plan-templates';
import type { Staff } from '../../src/lib/server/caseload/caseload';

export interface Fixture {
	gemeenteId: string;
	otherGemeenteId: string;
	lead: Staff;
	sanne: Staff;
	ahmed: Staff;
	maryam: { clientId: string; userId: string };
	frans: { clientId: string; userId: string };
	instrumentId: (code: string) => Promise<string>;
	addClient: (
		name: string,
		km: string,
		extra?: Partial<typeof client.$inferInsert>
	) => Promise<{
		clientId: string;
		userId: string;
	}>;
}

/** A small dienst: team Noord (lead + Sanne), Ahmed outside it, Maryam (Sanne) and Frans (Ahmed). */
export async function buildFixture(db: Db): Promise<Fixture> {
	const [m, other] = await db
		.insert(gemeente)
		.values([
			{ code: 'lindewaard', name: 'Lindewaard' },
			{ code: 'brakeloo', name: 'Brakeloo' }
		])
		.returning();
	await seedInstruments(db);
	await seedPlanTemplates(db);
	const [t] = await db.insert(team).values({ name: 'Team Noord' }).returning();
	const staff = async (name: string, teamId: string | null): Promise<Staff> => {
		const [u] = await db
			.insert(user)
			.values({ displayName: name, roles: ['klantmanager'], teamId, email: `${name}@x.example` })
			.returning();
		return { id: u!.id, roles: ['klantmanager'] };
	};
	const lead = await staff('Petra', t!.id);
	const sanne = await staff('Sanne', t!.id);
	const ahmed = await staff('Ahmed', null);
	await db.update(team).set({ leadUserId: lead.id }).where(eq(team.id, t!.id));
	let n = 0;
	const addClient: Fixture['addClient'] = async (name, km, extra = {}) => {
		const [u] = await db
			.insert(user)
			.values({ displayName: name, roles: ['client'], language: 'nl' })
			.returning();
		const [c] = await db
			.insert(client)
			.values({
				userId: u!.id,
				clientNumber: `WW-${900_000 + n++}`,
				gemeenteId: m!.id,
				klantmanagerId: km,
				segment: 'perspectief',
				birthDate: '1998-01-01',
				benefitStart: '2024-01-01',
				...extra
			})
			.returning();
		return { clientId: c!.id, userId: u!.id };
	};
	const maryam = await addClient('Maryam Haddad', sanne.id, { statushouder: true });
	const frans = await addClient('Frans Bakker', ahmed.id, { segment: 'werk' });
	return {
		gemeenteId: m!.id,
		otherGemeenteId: other!.id,
		lead,
		sanne,
		ahmed,
		maryam,
		frans,
		addClient,
		instrumentId: async (code) => {
			const [row] = await db.select().from(instrument).where(eq(instrument.code, code));
			return row!.id;
		}
	};
}
