import { sql } from 'drizzle-orm';
import { hashPassword } from '../auth/password';
import type { Db } from '../db/open';
import { gemeente } from '../db/schema';
import { seedInstruments } from './catalogue';
import { seedDemoSurveys } from './demo-surveys';
import { seedDemoAudio } from './demo-audio';
import { seedDemoNorms } from './demo-norms';
import { seedDemoStaff } from './demo-staff';
import { insertPersonas, type PersonaSpec } from './personas/persona';
import { lieke } from './personas/lieke';
import { frans } from './personas/frans';
import { lars } from './personas/lars';
import { tim } from './personas/tim';
import { maryam } from './personas/maryam';
import { SPEC_CLIENTS } from './personas/spec-clients';
import {
	DEMO_GEMEENTEN,
	DEMO_PASSWORD,
	generateClients,
	insertGenerated,
	loadInstrumentRefs,
	Rng
} from './large';
import { amsterdamDay } from '../../dates';

// Any constant works; it only has to be the same in every process that seeds.
const SEED_LOCK = 72_616_001;

// The five Berkelland personas (docs/DOMAIN.md "People and roles").
const PERSONAS: PersonaSpec[] = [lieke, frans, lars, tim, maryam];

const BACKGROUND_CLIENTS = 40;
/** Former clients and clients between klantmanagers: history for the council report. */
const HISTORY_CLIENTS = 200;

/**
 * Fills an empty database with the demo dienst: three gemeenten, staff, the five personas
 * and some background clients. Does nothing (returns false) when a gemeente exists.
 */
export async function seedDemo(db: Db, opts: { now?: Date } = {}): Promise<boolean> {
	const now = opts.now ?? new Date();
	const before = await db.select({ id: gemeente.id }).from(gemeente).limit(1);
	if (before.length > 0) return false;
	// argon2 is slow on purpose: hash once and share it between all demo accounts.
	const passwordHash = await hashPassword(DEMO_PASSWORD);

	return db.transaction(async (tx) => {
		// Two processes starting at once must not both seed.
		await tx.execute(sql`select pg_advisory_xact_lock(${SEED_LOCK})`);
		const again = await tx.select({ id: gemeente.id }).from(gemeente).limit(1);
		if (again.length > 0) return false;

		const munis = await tx
			.insert(gemeente)
			.values(
				DEMO_GEMEENTEN.map((m) => ({
					code: m.code,
					name: m.name,
					languages: [...m.languages]
				}))
			)
			.returning();
		const muniId = (code: string) => munis.find((m) => m.code === code)!.id;

		await seedInstruments(tx, undefined, now);
		const instruments = await loadInstrumentRefs(tx);
		const instrumentId = (code: string) => {
			const found = instruments.find((i) => i.code === code);
			if (!found)
				throw new Error(`demo data needs instrument ${code}, which is missing or inactive`);
			return found.id;
		};

		// Staff and teams.
		const staffId = await seedDemoStaff(tx, passwordHash);

		// The personas.
		await insertPersonas(tx, [...PERSONAS, ...SPEC_CLIENTS], {
			now,
			passwordHash,
			muniId,
			instrumentId,
			kmId: (key) => staffId.get(key)!,
			// The reserved clients are numbered after the background and history clients.
			clientNumber: (i) =>
				`WW-${100_001 + i + (i < PERSONAS.length ? 0 : BACKGROUND_CLIENTS + HISTORY_CLIENTS)}`
		});

		// Background caseload, half for each klantmanager, so lists and counts look lived in.
		const rng = new Rng(4242);
		const sanne = staffId.get('klantmanager')!;
		const ahmed = staffId.get('klantmanager2')!;
		const kms = rng.shuffle(
			Array.from({ length: BACKGROUND_CLIENTS }, (_, i) => (i % 2 === 0 ? sanne : ahmed))
		);
		const rows = generateClients(
			rng,
			{
				now,
				gemeenten: munis,
				gemeenteWeights: [40, 35, 25],
				instruments,
				passwordHash
			},
			{
				firstNumber: 100_001 + PERSONAS.length,
				klantmanagerIds: kms,
				instrumentUses: Math.round(BACKGROUND_CLIENTS * 1.3),
				appointments: BACKGROUND_CLIENTS * 3,
				fallbackStaffId: sanne
			}
		);
		await insertGenerated(tx, rows);
		const ctx = {
			now,
			gemeenten: munis,
			gemeenteWeights: [40, 35, 25],
			instruments,
			passwordHash
		};
		const history = generateClients(rng, ctx, {
			firstNumber: 100_001 + PERSONAS.length + BACKGROUND_CLIENTS,
			klantmanagerIds: Array<string | null>(HISTORY_CLIENTS).fill(null),
			instrumentUses: Math.round(HISTORY_CLIENTS * 1.3),
			appointments: HISTORY_CLIENTS,
			fallbackStaffId: sanne
		});
		await insertGenerated(tx, history);
		await recordSharedVersions(tx);
		await seedDemoSurveys(tx, rng, ctx);
		// Recordings for phones without a Tigrinya, Somali or Dari voice (a chime, not speech).
		await seedDemoAudio(tx, staffId.get('admin')!);
		const year = Number(amsterdamDay(now).slice(0, 4));
		await seedDemoNorms(tx, staffId.get('admin')!, [year - 1, year]);
		return true;
	});
}

/**
 * Every shared plan gets its version kept whole, and every agreed plan its dated agreement,
 * as sharing and agreeing in the app would have left them.
 */
async function recordSharedVersions(tx: Db): Promise<void> {
	await tx.execute(sql`
		insert into plan_version (plan_id, version, goal, steps, shared_at)
		select p.id, p.version, p.goal,
			coalesce((select jsonb_agg(jsonb_build_object(
				'title', s.title, 'owner', s.owner, 'dueDate', s.due_date,
				'status', s.status, 'instrumentId', s.instrument_id) order by s.position)
				from plan_step s where s.plan_id = p.id), '[]'::jsonb),
			coalesce(p.shared_at, p.created_at)
		from plan p where p.status <> 'draft'`);
	await tx.execute(sql`
		insert into plan_agreement (plan_id, version, user_id, agreed_at)
		select p.id, p.agreed_version, c.user_id, p.agreed_at
		from plan p join client c on c.id = p.client_id
		where p.agreed_at is not null and p.agreed_version is not null`);
}
