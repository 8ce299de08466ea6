import { randomUUID } from 'node:crypto';
import type { Db } from '../db/open';
import { authIdentity, team, user, type Role } from '../db/schema';

interface StaffSpec {
	key: string;
	name: string;
	email: string;
	roles: Role[];
	team: 'a' | 'b' | null;
	phone: string;
	reachableHours: string;
}

const STAFF: StaffSpec[] = [
	{
		key: 'klantmanager',
		name: 'Sanne de Vries',
		email: 'sanne.devries@wegwijs.example',
		roles: ['klantmanager'],
		team: 'a',
		phone: '088 555 0101',
		reachableHours: 'ma t/m do 9.00–12.00'
	},
	{
		key: 'klantmanager2',
		name: 'Ahmed Bouzid',
		email: 'ahmed.bouzid@wegwijs.example',
		roles: ['klantmanager'],
		team: 'b',
		phone: '088 555 0102',
		reachableHours: 'di t/m vr 9.00–12.00'
	},
	{
		key: 'teamlead',
		name: 'Petra Hendriks',
		email: 'petra.hendriks@wegwijs.example',
		roles: ['klantmanager'],
		team: 'a',
		phone: '088 555 0100',
		reachableHours: 'ma t/m do 9.00–12.00'
	},
	{
		key: 'reporter',
		name: 'Joost Willems',
		email: 'joost.willems@wegwijs.example',
		roles: ['reporter'],
		team: null,
		phone: '088 555 0120',
		reachableHours: 'ma t/m vr 9.00–17.00'
	},
	{
		key: 'admin',
		name: 'Ineke Smit',
		email: 'ineke.smit@wegwijs.example',
		roles: ['admin'],
		team: null,
		phone: '088 555 0130',
		reachableHours: 'ma t/m vr 9.00–17.00'
	}
];

/** The demo staff and their two teams; answers each staff member's id by key. */
export async function seedDemoStaff(tx: Db, passwordHash: string): Promise<Map<string, string>> {
	const staffId = new Map(STAFF.map((s) => [s.key, randomUUID()]));
	const teamA = randomUUID();
	const teamB = randomUUID();
	await tx.insert(team).values([
		{ id: teamA, name: 'Team Noord', leadUserId: staffId.get('teamlead')! },
		{ id: teamB, name: 'Team Zuid', leadUserId: null }
	]);
	await tx.insert(user).values(
		STAFF.map((s) => ({
			id: staffId.get(s.key)!,
			displayName: s.name,
			email: s.email,
			roles: s.roles,
			language: 'nl',
			teamId: s.team === 'a' ? teamA : s.team === 'b' ? teamB : null,
			phone: s.phone,
			reachableHours: s.reachableHours,
			demoKey: s.key
		}))
	);
	await tx.insert(authIdentity).values(
		STAFF.map((s) => ({
			userId: staffId.get(s.key)!,
			provider: 'password' as const,
			subject: s.email.toLowerCase(),
			passwordHash
		}))
	);
	return staffId;
}
