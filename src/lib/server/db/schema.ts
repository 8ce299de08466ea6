import { sql } from 'drizzle-orm';
import {
	bigint,
	boolean,
	check,
	customType,
	date,
	index,
	integer,
	jsonb,
	pgTable,
	primaryKey,
	smallint,
	text,
	timestamp,
	unique,
	uniqueIndex,
	uuid
} from 'drizzle-orm/pg-core';
import { searchNameSql } from './search-name';

const id = () => uuid('id').primaryKey().defaultRandom();
const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

// ── Organisation ──────────────────────────────────────────────────────────────

/** A gemeente served by the sociale dienst; reports are per gemeente. */
export const gemeente = pgTable('gemeente', {
	id: id(),
	code: text('code').notNull().unique(),
	name: text('name').notNull(),
	/** Languages this gemeente offers; the caseload decides. */
	languages: text('languages')
		.array()
		.notNull()
		.default(sql`'{nl,en,ar}'::text[]`),
	createdAt: createdAt()
});
export type Gemeente = typeof gemeente.$inferSelect;

export const team = pgTable(
	'team',
	{
		id: id(),
		name: text('name').notNull(),
		leadUserId: uuid('lead_user_id'),
		createdAt: createdAt()
	},
	// Every caseload request asks which teams the klantmanager leads.
	(t) => [index('team_lead_idx').on(t.leadUserId)]
);
export type Team = typeof team.$inferSelect;

// ── People and sign-in ────────────────────────────────────────────────────────

export const ROLES = ['client', 'klantmanager', 'reporter', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const user = pgTable(
	'user',
	{
		id: id(),
		displayName: text('display_name').notNull(),
		/** The name as caseload search compares it: no accents, lower case (issue #18). */
		searchName: text('search_name').notNull().generatedAlwaysAs(searchNameSql('display_name')),
		email: text('email').unique(),
		roles: text('roles').array().$type<Role[]>().notNull(),
		language: text('language').notNull().default('nl'),
		teamId: uuid('team_id').references(() => team.id),
		/**
		 * Staff: the gemeenten they work for (set in /beheer/gebruikers); empty means every gemeente
		 * of the dienst. Imports and the sync API assign a klantmanager only to a client of one of
		 * them (issue 15). Clients: always empty.
		 */
		gemeenteIds: uuid('gemeente_ids')
			.array()
			.notNull()
			.default(sql`'{}'::uuid[]`),
		phone: text('phone'),
		/** Free text such as "ma–do 9.00–12.00", shown to the client as how to reach them. */
		reachableHours: text('reachable_hours'),
		/** Key that lets demo mode offer a one-click sign-in as this person. */
		demoKey: text('demo_key').unique(),
		/** Profile choices: read-aloud, text size, notification channels. */
		preferences: jsonb('preferences')
			.$type<{
				readAloud?: boolean;
				textSize?: 'normal' | 'large' | 'larger';
				notifyEmail?: boolean;
				notifyInApp?: boolean;
			}>()
			.notNull()
			.default({}),
		disabledAt: timestamp('disabled_at', { withTimezone: true }),
		createdAt: createdAt()
	},
	(t) => [index('user_team_idx').on(t.teamId)]
);
export type User = typeof user.$inferSelect;

export const session = pgTable(
	'session',
	{
		/** Public half of the token ("id.secret"); the secret is only ever in the cookie. */
		id: text('id').primaryKey(),
		/** SHA-256 of the secret half, hex; compared in constant time. */
		secretHash: text('secret_hash').notNull(),
		userId: uuid('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
		createdAt: createdAt(),
		// Security (#14): the idle timeout counts from here; touched at most once a minute.
		lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
		/** Staff password sign-in: true until the second factor is given; the session opens nothing else. */
		secondFactorPending: boolean('second_factor_pending').notNull().default(false),
		/** The last time the person proved who they are (sign-in or re-authentication). */
		verifiedAt: timestamp('verified_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('session_user_idx').on(t.userId)]
);
export type Session = typeof session.$inferSelect;

export const AUTH_PROVIDERS = ['password', 'digid', 'staff-oidc'] as const;
export type AuthProvider = (typeof AUTH_PROVIDERS)[number];

export const authIdentity = pgTable(
	'auth_identity',
	{
		id: id(),
		userId: uuid('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		provider: text('provider').$type<AuthProvider>().notNull(),
		/** Login name for passwords (e-mail or client number), the `sub` claim for OIDC. */
		subject: text('subject').notNull(),
		passwordHash: text('password_hash'),
		createdAt: createdAt()
	},
	(t) => [uniqueIndex('auth_identity_provider_subject_idx').on(t.provider, t.subject)]
);

/** One-time code a klantmanager hands out so a client can set a password. */
export const activationCode = pgTable('activation_code', {
	id: id(),
	userId: uuid('user_id')
		.notNull()
		.references(() => user.id, { onDelete: 'cascade' }),
	codeHash: text('code_hash').notNull().unique(),
	createdBy: uuid('created_by').references(() => user.id),
	expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
	usedAt: timestamp('used_at', { withTimezone: true }),
	createdAt: createdAt()
});

/** Failed sign-ins, counted per account and per address across all app processes. */
export const signInFailure = pgTable(
	'sign_in_failure',
	{
		id: id(),
		key: text('key').notNull(),
		at: timestamp('at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('sign_in_failure_key_at_idx').on(t.key, t.at)]
);

// ── Second factor for staff (#14) ─────────────────────────────────────────────

/** A staff member's TOTP key (RFC 6238, 30 s, 6 digits). Confirmed once a code from it was given. */
export const staffTotp = pgTable('staff_totp', {
	userId: uuid('user_id')
		.primaryKey()
		.references(() => user.id, { onDelete: 'cascade' }),
	/** The shared secret, base64; shown once at setup. */
	secret: text('secret').notNull(),
	confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
	/** The 30-second step of the last code accepted: that code and older ones are refused (no replay). */
	lastStep: integer('last_step'),
	createdAt: createdAt()
});

/** Single-use recovery codes, stored as SHA-256; shown once when the second factor is set up. */
export const recoveryCode = pgTable(
	'recovery_code',
	{
		id: id(),
		userId: uuid('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		codeHash: text('code_hash').notNull(),
		usedAt: timestamp('used_at', { withTimezone: true }),
		createdAt: createdAt()
	},
	(t) => [index('recovery_code_user_idx').on(t.userId)]
);

/** A staff member's passkey (WebAuthn), the other second factor besides TOTP (#14). */
export const staffPasskey = pgTable(
	'staff_passkey',
	{
		id: id(),
		userId: uuid('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		/** The credential id the authenticator gave, base64url. */
		credentialId: text('credential_id').notNull().unique(),
		/** The COSE public key, base64url; only ever used to check signatures. */
		publicKey: text('public_key').notNull(),
		/** The signature counter last seen: a lower or equal one (a cloned key) is refused. */
		counter: integer('counter').notNull().default(0),
		transports: text('transports')
			.array()
			.notNull()
			.default(sql`'{}'::text[]`),
		createdAt: createdAt(),
		lastUsedAt: timestamp('last_used_at', { withTimezone: true })
	},
	(t) => [index('staff_passkey_user_idx').on(t.userId)]
);

/** A WebAuthn challenge: bound to one session and one purpose, used once, expires. */
export const webauthnChallenge = pgTable('webauthn_challenge', {
	challenge: text('challenge').primaryKey(),
	sessionId: text('session_id')
		.notNull()
		.references(() => session.id, { onDelete: 'cascade' }),
	purpose: text('purpose').$type<'register' | 'authenticate'>().notNull(),
	expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
	createdAt: createdAt()
});

// ── Clients ───────────────────────────────────────────────────────────────────

export const SEGMENTS = ['werk', 'perspectief', 'meedoen'] as const;
export type Segment = (typeof SEGMENTS)[number];

export const client = pgTable(
	'client',
	{
		id: id(),
		userId: uuid('user_id')
			.notNull()
			.unique()
			.references(() => user.id, { onDelete: 'cascade' }),
		clientNumber: text('client_number').notNull().unique(),
		/** The Latin spelling of a name written in another script, so staff can find it (issue #18). */
		latinName: text('latin_name'),
		latinSearchName: text('latin_search_name').generatedAlwaysAs(searchNameSql('latin_name')),
		gemeenteId: uuid('gemeente_id')
			.notNull()
			.references(() => gemeente.id),
		klantmanagerId: uuid('klantmanager_id').references(() => user.id),
		segment: text('segment').$type<Segment>(),
		ladderStep: smallint('ladder_step').notNull().default(1),
		birthDate: date('birth_date').notNull(),
		statushouder: boolean('statushouder').notNull().default(false),
		benefitStart: date('benefit_start').notNull(),
		exemptionReason: text('exemption_reason'),
		exemptionReviewDate: date('exemption_review_date'),
		applicationsPerWeek: smallint('applications_per_week'),
		agreedHoursPerWeek: smallint('agreed_hours_per_week'),
		tegenprestatie: boolean('tegenprestatie').notNull().default(false),
		createdAt: createdAt()
	},
	(t) => [
		index('client_klantmanager_idx').on(t.klantmanagerId),
		index('client_gemeente_idx').on(t.gemeenteId),
		// Imports and intake compare client numbers without letter case (issue 15).
		index('client_number_lower_idx').on(sql`lower(${t.clientNumber})`),
		// The report's inflow: who started in the period.
		index('client_benefit_start_idx').on(t.benefitStart)
	]
);
export type Client = typeof client.$inferSelect;

/** Participatieladder history, so movement can be reported. */
export const ladderStep = pgTable(
	'ladder_step',
	{
		id: id(),
		clientId: uuid('client_id')
			.notNull()
			.references(() => client.id, { onDelete: 'cascade' }),
		step: smallint('step').notNull(),
		recordedAt: date('recorded_at').notNull(),
		recordedBy: uuid('recorded_by').references(() => user.id),
		/** The order records were written in: on a day with two records, the later one counts. */
		seq: bigint('seq', { mode: 'number' }).generatedByDefaultAsIdentity().notNull()
	},
	(t) => [index('ladder_step_client_idx').on(t.clientId, t.recordedAt)]
);

/**
 * A client's segment over time (issue #13): the segment from `validFrom` (an Amsterdam day) on,
 * null for "not classified". Written by a database trigger on every insert of a client and every
 * change of `client.segment` (intake, import, the sync API, anything else), so no path that sets
 * a segment can forget it; the report reads the segment as it was on the period's last day.
 */
export const segmentHistory = pgTable(
	'segment_history',
	{
		clientId: uuid('client_id')
			.notNull()
			.references(() => client.id, { onDelete: 'cascade' }),
		validFrom: date('valid_from').notNull(),
		segment: text('segment').$type<Segment>(),
		recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		primaryKey({ columns: [t.clientId, t.validFrom] }),
		// The report looks up only clients re-classified after the period's last day.
		index('segment_history_valid_from_idx').on(t.validFrom)
	]
);

/**
 * A client's exemption (ontheffing) over time (issue #13), like `segmentHistory`: the reason and
 * review date from `validFrom` (an Amsterdam day) on, both null for "no exemption". Written by
 * database triggers on every insert of a client and every change of `exemptionReason` or
 * `exemptionReviewDate`, whatever path made it; the report counts exemptions as they stood on
 * the period's last day.
 */
export const exemptionHistory = pgTable(
	'exemption_history',
	{
		clientId: uuid('client_id')
			.notNull()
			.references(() => client.id, { onDelete: 'cascade' }),
		validFrom: date('valid_from').notNull(),
		reason: text('reason'),
		reviewDate: date('review_date'),
		recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		primaryKey({ columns: [t.clientId, t.validFrom] }),
		// The report looks up only clients whose exemption changed after the period's last day.
		index('exemption_history_valid_from_idx').on(t.validFrom)
	]
);

// ── Plans ─────────────────────────────────────────────────────────────────────

export const PLAN_STATUSES = ['draft', 'shared', 'agreed', 'closed'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

export const plan = pgTable(
	'plan',
	{
		id: id(),
		clientId: uuid('client_id')
			.notNull()
			.references(() => client.id, { onDelete: 'cascade' }),
		goal: text('goal').notNull(),
		status: text('status').$type<PlanStatus>().notNull().default('draft'),
		version: integer('version').notNull().default(1),
		sharedAt: timestamp('shared_at', { withTimezone: true }),
		agreedAt: timestamp('agreed_at', { withTimezone: true }),
		agreedVersion: integer('agreed_version'),
		reviewDate: date('review_date'),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
		createdAt: createdAt()
	},
	(t) => [index('plan_client_idx').on(t.clientId)]
);
export type Plan = typeof plan.$inferSelect;

/**
 * A plan's review date over time (issue #13): the date from `validFrom` (an Amsterdam day) on.
 * Written by database triggers on every insert of a plan and every change of `plan.review_date`
 * (sharing a version, the API, seeding); the report's "review overdue" reads the date as it
 * stood on the period's last day.
 */
export const planReviewHistory = pgTable(
	'plan_review_history',
	{
		planId: uuid('plan_id')
			.notNull()
			.references(() => plan.id, { onDelete: 'cascade' }),
		validFrom: date('valid_from').notNull(),
		reviewDate: date('review_date'),
		recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		primaryKey({ columns: [t.planId, t.validFrom] }),
		index('plan_review_history_valid_from_idx').on(t.validFrom)
	]
);

/** A shared version of a plan, kept whole so the client and klantmanager can read its history. */
export const planVersion = pgTable(
	'plan_version',
	{
		id: id(),
		planId: uuid('plan_id')
			.notNull()
			.references(() => plan.id, { onDelete: 'cascade' }),
		version: integer('version').notNull(),
		goal: text('goal').notNull(),
		steps: jsonb('steps')
			.$type<
				{
					title: string;
					owner: string;
					dueDate: string | null;
					status: string;
					instrumentId: string | null;
				}[]
			>()
			.notNull(),
		sharedAt: timestamp('shared_at', { withTimezone: true }).notNull(),
		sharedBy: uuid('shared_by').references(() => user.id)
	},
	(t) => [uniqueIndex('plan_version_plan_version_idx').on(t.planId, t.version)]
);

/** The client's dated agreement with one version of their plan. */
export const planAgreement = pgTable(
	'plan_agreement',
	{
		id: id(),
		planId: uuid('plan_id')
			.notNull()
			.references(() => plan.id, { onDelete: 'cascade' }),
		version: integer('version').notNull(),
		userId: uuid('user_id')
			.notNull()
			.references(() => user.id),
		agreedAt: timestamp('agreed_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [uniqueIndex('plan_agreement_plan_version_idx').on(t.planId, t.version)]
);

export const STEP_OWNERS = ['client', 'klantmanager', 'partner'] as const;
export type StepOwner = (typeof STEP_OWNERS)[number];
export const STEP_STATUSES = ['todo', 'done'] as const;
export type StepStatus = (typeof STEP_STATUSES)[number];

export const planStep = pgTable(
	'plan_step',
	{
		id: id(),
		planId: uuid('plan_id')
			.notNull()
			.references(() => plan.id, { onDelete: 'cascade' }),
		position: integer('position').notNull(),
		title: text('title').notNull(),
		owner: text('owner').$type<StepOwner>().notNull(),
		dueDate: date('due_date'),
		status: text('status').$type<StepStatus>().notNull().default('todo'),
		doneAt: timestamp('done_at', { withTimezone: true }),
		clientNote: text('client_note'),
		instrumentId: uuid('instrument_id').references(() => instrument.id),
		createdAt: createdAt()
	},
	(t) => [index('plan_step_plan_idx').on(t.planId, t.position)]
);
export type PlanStep = typeof planStep.$inferSelect;

// ── Instruments ───────────────────────────────────────────────────────────────

export const instrument = pgTable('instrument', {
	id: id(),
	code: text('code').notNull().unique(),
	segments: text('segments').array().$type<Segment[]>().notNull(),
	minAge: smallint('min_age'),
	maxAge: smallint('max_age'),
	forStatushouders: boolean('for_statushouders').notNull().default(false),
	/** Gemeenten that offer it; empty means all. */
	gemeenteIds: uuid('gemeente_ids')
		.array()
		.notNull()
		.default(sql`'{}'::uuid[]`),
	active: boolean('active').notNull().default(true),
	createdAt: createdAt()
});
export type Instrument = typeof instrument.$inferSelect;

export const TEXT_STATUSES = ['concept', 'checked'] as const;
export type TextStatus = (typeof TEXT_STATUSES)[number];

export const instrumentText = pgTable(
	'instrument_text',
	{
		instrumentId: uuid('instrument_id')
			.notNull()
			.references(() => instrument.id, { onDelete: 'cascade' }),
		language: text('language').notNull(),
		name: text('name').notNull(),
		summary: text('summary').notNull(),
		/** Markdown subset: who it is for, what you get, what is expected, how long, who provides. */
		body: text('body').notNull(),
		status: text('status').$type<TextStatus>().notNull().default('concept'),
		checkedBy: uuid('checked_by').references(() => user.id),
		checkedAt: timestamp('checked_at', { withTimezone: true }),
		/** The checker's dienst at the time of the check: what clients read after the name. */
		checkedDienst: text('checked_dienst'),
		/** Who saved this text last (null: seeded from the repository); they cannot check it. */
		editedBy: uuid('edited_by').references(() => user.id),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [primaryKey({ columns: [t.instrumentId, t.language] })]
);

export const INSTRUMENT_OUTCOMES = ['completed', 'stopped_early', 'work_found', 'other'] as const;
export type InstrumentOutcome = (typeof INSTRUMENT_OUTCOMES)[number];

export const instrumentUse = pgTable(
	'instrument_use',
	{
		id: id(),
		clientId: uuid('client_id')
			.notNull()
			.references(() => client.id, { onDelete: 'cascade' }),
		instrumentId: uuid('instrument_id')
			.notNull()
			.references(() => instrument.id),
		provider: text('provider'),
		startDate: date('start_date').notNull(),
		plannedEndDate: date('planned_end_date'),
		endDate: date('end_date'),
		outcome: text('outcome').$type<InstrumentOutcome>(),
		outcomeReason: text('outcome_reason'),
		/** The benefit system's own id of this use, when it came from an import (issue 15). */
		externalId: text('external_id'),
		createdBy: uuid('created_by').references(() => user.id),
		createdAt: createdAt()
	},
	(t) => [
		index('instrument_use_client_idx').on(t.clientId),
		// One use per id in any letter case (docs/IMPORT.md, "Ids"); the import looks ids up by it.
		uniqueIndex('instrument_use_external_idx').on(sql`lower(${t.externalId})`),
		index('instrument_use_instrument_idx').on(t.instrumentId, t.startDate),
		// The report's effect: the uses that ended in a quarter.
		index('instrument_use_end_idx').on(t.endDate)
	]
);
export type InstrumentUse = typeof instrumentUse.$inferSelect;

export const OUTFLOW_REASONS = [
	'werk',
	'werk_lks',
	'opleiding',
	'verhuizing',
	'andere_uitkering',
	'other'
] as const;
export type OutflowReason = (typeof OUTFLOW_REASONS)[number];

export const outflow = pgTable(
	'outflow',
	{
		id: id(),
		clientId: uuid('client_id')
			.notNull()
			.references(() => client.id, { onDelete: 'cascade' }),
		/** The benefit period it ends; one outflow per period. */
		benefitStart: date('benefit_start').notNull(),
		date: date('date').notNull(),
		reason: text('reason').$type<OutflowReason>().notNull(),
		createdBy: uuid('created_by').references(() => user.id),
		createdAt: createdAt()
	},
	(t) => [
		uniqueIndex('outflow_client_period_idx').on(t.clientId, t.benefitStart),
		// The report's outflow: who left in the period.
		index('outflow_date_idx').on(t.date)
	]
);

// ── Rights and duties ─────────────────────────────────────────────────────────

export const topic = pgTable('topic', {
	id: id(),
	code: text('code').notNull().unique(),
	kind: text('kind').$type<'duty' | 'right' | 'consequence'>().notNull(),
	position: integer('position').notNull(),
	pictogram: text('pictogram').notNull(),
	legalBasis: text('legal_basis').notNull(),
	published: boolean('published').notNull().default(true),
	createdAt: createdAt()
});

export const topicText = pgTable(
	'topic_text',
	{
		topicId: uuid('topic_id')
			.notNull()
			.references(() => topic.id, { onDelete: 'cascade' }),
		language: text('language').notNull(),
		/** A gemeente-specific variant where numbers differ; null is the dienst-wide text. */
		gemeenteId: uuid('gemeente_id').references(() => gemeente.id),
		title: text('title').notNull(),
		body: text('body').notNull(),
		lastCheckedOn: date('last_checked_on').notNull(),
		status: text('status').$type<TextStatus>().notNull().default('concept'),
		checkedBy: uuid('checked_by').references(() => user.id),
		checkedAt: timestamp('checked_at', { withTimezone: true }),
		/** The checker's dienst at the time of the check: what clients read after the name. */
		checkedDienst: text('checked_dienst'),
		/** Who saved this text last (null: seeded from the repository); they cannot check it. */
		editedBy: uuid('edited_by').references(() => user.id),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		unique('topic_text_topic_lang_uq').on(t.topicId, t.language, t.gemeenteId).nullsNotDistinct()
	]
);

// ── Appointments ──────────────────────────────────────────────────────────────

export const APPOINTMENT_KINDS = ['in_person', 'phone', 'video', 'home_visit'] as const;
export type AppointmentKind = (typeof APPOINTMENT_KINDS)[number];
export const APPOINTMENT_STATUSES = ['planned', 'held', 'cancelled', 'no_show'] as const;
export type AppointmentStatus = (typeof APPOINTMENT_STATUSES)[number];

export const appointment = pgTable(
	'appointment',
	{
		id: id(),
		clientId: uuid('client_id')
			.notNull()
			.references(() => client.id, { onDelete: 'cascade' }),
		staffId: uuid('staff_id')
			.notNull()
			.references(() => user.id),
		startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
		endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
		kind: text('kind').$type<AppointmentKind>().notNull(),
		place: text('place'),
		videoUrl: text('video_url'),
		purpose: text('purpose').notNull(),
		bring: text('bring'),
		status: text('status').$type<AppointmentStatus>().notNull().default('planned'),
		/** The benefit system's own id of this appointment, when it came from an import (issue 15). */
		externalId: text('external_id'),
		createdAt: createdAt()
	},
	(t) => [
		// One appointment per id in any letter case (docs/IMPORT.md, "Ids"); the import looks ids up by it.
		uniqueIndex('appointment_external_idx').on(sql`lower(${t.externalId})`),
		index('appointment_client_idx').on(t.clientId, t.startsAt),
		index('appointment_staff_idx').on(t.staffId, t.startsAt)
	]
);
export type Appointment = typeof appointment.$inferSelect;

export const REQUEST_KINDS = ['appointment_change', 'instrument_question'] as const;
export const REQUEST_STATUSES = ['open', 'accepted', 'declined', 'answered'] as const;

/** A client's request to their klantmanager: an appointment change or a question about help. */
export const clientRequest = pgTable(
	'client_request',
	{
		id: id(),
		clientId: uuid('client_id')
			.notNull()
			.references(() => client.id, { onDelete: 'cascade' }),
		kind: text('kind').$type<(typeof REQUEST_KINDS)[number]>().notNull(),
		appointmentId: uuid('appointment_id').references(() => appointment.id, {
			onDelete: 'cascade'
		}),
		instrumentId: uuid('instrument_id').references(() => instrument.id),
		message: text('message'),
		status: text('status').$type<(typeof REQUEST_STATUSES)[number]>().notNull().default('open'),
		answer: text('answer'),
		createdAt: createdAt(),
		answeredAt: timestamp('answered_at', { withTimezone: true })
	},
	(t) => [index('client_request_client_idx').on(t.clientId, t.status)]
);

// ── Surveys ───────────────────────────────────────────────────────────────────

export const SURVEY_TRIGGERS = ['appointment', 'instrument_end', 'periodic'] as const;
export type SurveyTrigger = (typeof SURVEY_TRIGGERS)[number];

/** A versioned question set; immutable once it has answers. */
export const survey = pgTable(
	'survey',
	{
		id: id(),
		trigger: text('trigger').$type<SurveyTrigger>().notNull(),
		version: integer('version').notNull(),
		/** [{ code, type: 'agree5' | 'grade10' | 'open' }] */
		items: jsonb('items')
			.$type<{ code: string; type: 'agree5' | 'grade10' | 'open' }[]>()
			.notNull(),
		active: boolean('active').notNull().default(false),
		createdAt: createdAt()
	},
	(t) => [uniqueIndex('survey_trigger_version_idx').on(t.trigger, t.version)]
);

export const surveyText = pgTable(
	'survey_text',
	{
		surveyId: uuid('survey_id')
			.notNull()
			.references(() => survey.id, { onDelete: 'cascade' }),
		language: text('language').notNull(),
		/** item code → question text */
		questions: jsonb('questions').$type<Record<string, string>>().notNull(),
		status: text('status').$type<TextStatus>().notNull().default('concept'),
		checkedBy: uuid('checked_by').references(() => user.id),
		checkedAt: timestamp('checked_at', { withTimezone: true })
	},
	(t) => [primaryKey({ columns: [t.surveyId, t.language] })]
);

export const surveyInvitation = pgTable(
	'survey_invitation',
	{
		id: id(),
		clientId: uuid('client_id')
			.notNull()
			.references(() => client.id, { onDelete: 'cascade' }),
		surveyId: uuid('survey_id')
			.notNull()
			.references(() => survey.id),
		trigger: text('trigger').$type<SurveyTrigger>().notNull(),
		instrumentId: uuid('instrument_id').references(() => instrument.id),
		createdAt: createdAt(),
		dueAt: timestamp('due_at', { withTimezone: true }).notNull(),
		answeredAt: timestamp('answered_at', { withTimezone: true })
	},
	(t) => [index('survey_invitation_client_idx').on(t.clientId, t.createdAt)]
);

/**
 * An anonymous answer set. Deliberately no client id and no invitation id: nothing here
 * can be joined back to a person.
 */
export const surveyResponse = pgTable(
	'survey_response',
	{
		id: id(),
		gemeenteId: uuid('gemeente_id')
			.notNull()
			.references(() => gemeente.id),
		quarter: text('quarter').notNull(),
		segment: text('segment').$type<Segment>(),
		instrumentId: uuid('instrument_id').references(() => instrument.id),
		trigger: text('trigger').$type<SurveyTrigger>().notNull(),
		language: text('language').notNull(),
		surveyId: uuid('survey_id')
			.notNull()
			.references(() => survey.id),
		/** item code → 1..5 agreement (0 = weet ik niet) or 1..10 grade */
		answers: jsonb('answers').$type<Record<string, number>>().notNull(),
		late: boolean('late').notNull().default(false)
	},
	(t) => [
		index('survey_response_report_idx').on(t.quarter, t.gemeenteId),
		// /beheer asks whether a version has answers (then it is read-only).
		index('survey_response_survey_idx').on(t.surveyId)
	]
);

/** Open answers kept apart from the scored ones, shown to the reporter only in bulk. */
export const surveyOpenAnswer = pgTable(
	'survey_open_answer',
	{
		id: id(),
		gemeenteId: uuid('gemeente_id')
			.notNull()
			.references(() => gemeente.id),
		quarter: text('quarter').notNull(),
		language: text('language').notNull(),
		text: text('text').notNull()
	},
	(t) => [index('survey_open_answer_quarter_idx').on(t.quarter, t.gemeenteId)]
);

/**
 * Running counts of the anonymous answers, one row per report cell and answer value, kept in
 * the same transaction as each response so the council report never scans every answer.
 * Item '*' counts answer sets, '*late' those sent after the invitation expired. Like the
 * response, it holds nothing that points to a person.
 */
export const surveyTally = pgTable(
	'survey_tally',
	{
		gemeenteId: uuid('gemeente_id')
			.notNull()
			.references(() => gemeente.id),
		quarter: text('quarter').notNull(),
		segment: text('segment').$type<Segment>(),
		instrumentId: uuid('instrument_id').references(() => instrument.id),
		trigger: text('trigger').$type<SurveyTrigger>().notNull(),
		language: text('language').notNull(),
		surveyId: uuid('survey_id')
			.notNull()
			.references(() => survey.id),
		item: text('item').notNull(),
		value: smallint('value').notNull(),
		count: integer('count').notNull()
	},
	(t) => [
		unique('survey_tally_cell_uq')
			.on(
				t.quarter,
				t.gemeenteId,
				t.item,
				t.value,
				t.segment,
				t.instrumentId,
				t.language,
				t.trigger,
				t.surveyId
			)
			.nullsNotDistinct()
	]
);

export const TALLY_SPLITS = ['segment', 'language', 'instrument', 'trigger'] as const;
export type TallySplit = (typeof TALLY_SPLITS)[number];

/**
 * The same counts once per split of the council report (segment, language group, instrument,
 * survey trigger)
 * and its category in that split: what the satisfaction tables read, a few thousand rows a
 * quarter instead of every combination. Kept in the same transaction as survey_tally.
 */
export const surveyTallySplit = pgTable(
	'survey_tally_split',
	{
		quarter: text('quarter').notNull(),
		gemeenteId: uuid('gemeente_id')
			.notNull()
			.references(() => gemeente.id),
		split: text('split').$type<TallySplit>().notNull(),
		category: text('category').notNull(),
		item: text('item').notNull(),
		value: smallint('value').notNull(),
		count: integer('count').notNull()
	},
	(t) => [
		primaryKey({
			columns: [t.quarter, t.gemeenteId, t.split, t.category, t.item, t.value]
		})
	]
);

// ── Report privacy: held answers and published quarters (issue #13) ─────────────

/**
 * Answer sets waiting to be published. The client's action writes only here (and "answered" on
 * the invitation); a job moves them in shuffled batches into survey_response and the tallies,
 * in transactions of their own, so no transaction id, row order or time stamp ties a published
 * answer to the invitation. No client, invitation or time column; the id is random.
 */
export const surveyAnswerHeld = pgTable('survey_answer_held', {
	id: id(),
	gemeenteId: uuid('gemeente_id')
		.notNull()
		.references(() => gemeente.id),
	/** The quarter of the day it was answered (Amsterdam). */
	quarter: text('quarter').notNull(),
	segment: text('segment').$type<Segment>(),
	instrumentId: uuid('instrument_id').references(() => instrument.id),
	trigger: text('trigger').$type<SurveyTrigger>().notNull(),
	language: text('language').notNull(),
	surveyId: uuid('survey_id')
		.notNull()
		.references(() => survey.id),
	answers: jsonb('answers').$type<Record<string, number>>().notNull(),
	open: text('open'),
	late: boolean('late').notNull().default(false)
});

/**
 * A published report: the figures of a closed period, frozen the first time it is asked for
 * after it became reportable, for every gemeente and the total at once. `selection` is the
 * gemeente code or '*'; `period` 'quarter' or 'year'.
 */
export const reportSnapshot = pgTable(
	'report_snapshot',
	{
		quarter: text('quarter').notNull(),
		period: text('period').$type<'quarter' | 'year'>().notNull(),
		selection: text('selection').notNull(),
		report: jsonb('report').$type<unknown>().notNull(),
		publishedOn: date('published_on').notNull()
	},
	(t) => [primaryKey({ columns: [t.quarter, t.period, t.selection] })]
);

// ── Governance ────────────────────────────────────────────────────────────────

/** The raad's target per indicator per year: green at or above `green`, orange from `orange`. */
export const norm = pgTable(
	'norm',
	{
		id: id(),
		indicator: text('indicator').notNull(),
		year: integer('year').notNull(),
		green: integer('green').notNull(),
		orange: integer('orange').notNull(),
		higherIsBetter: boolean('higher_is_better').notNull().default(true),
		setBy: uuid('set_by').references(() => user.id),
		createdAt: createdAt()
	},
	(t) => [uniqueIndex('norm_indicator_year_idx').on(t.indicator, t.year)]
);

export const auditEvent = pgTable(
	'audit_event',
	{
		id: id(),
		at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
		actorId: uuid('actor_id').references(() => user.id),
		clientId: uuid('client_id').references(() => client.id, { onDelete: 'set null' }),
		action: text('action').notNull(),
		detail: jsonb('detail').$type<Record<string, unknown>>()
	},
	(t) => [
		index('audit_event_client_idx').on(t.clientId, t.at),
		index('audit_event_actor_idx').on(t.actorId, t.at),
		// The audit search in /beheer lists newest first over all events.
		index('audit_event_at_idx').on(t.at)
	]
);

/** Each mutation the offline queue can replay is applied once per key; replays get `result`. */
export const idempotency = pgTable(
	'idempotency',
	{
		/** Scoped per person: "<user id>:<key>", or for an anonymous action "anon:<hash>" (#14). */
		key: text('key').primaryKey(),
		/** Null for survey answers: their key is a hash of the user and the key instead (#13). */
		userId: uuid('user_id').references(() => user.id, { onDelete: 'cascade' }),
		status: integer('status').notNull(),
		result: jsonb('result'),
		createdAt: createdAt(),
		// Security (#14): bound to a hash of the action, and expired after IDEMPOTENCY_DAYS.
		requestHash: text('request_hash')
	},
	(t) => [index('idempotency_created_idx').on(t.createdAt)]
);

/** In-app inbox and the development outbox of e-mails. */
export const notification = pgTable(
	'notification',
	{
		id: id(),
		userId: uuid('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		channel: text('channel').$type<'inbox' | 'email'>().notNull(),
		kind: text('kind').notNull(),
		payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
		readAt: timestamp('read_at', { withTimezone: true }),
		createdAt: createdAt()
	},
	(t) => [index('notification_user_idx').on(t.userId, t.createdAt)]
);

// ── Klantmanager workspace ────────────────────────────────────────────────────

export interface TemplateStep {
	title: string;
	owner: StepOwner;
	/** Days after the plan is made that the step is due; null for no due date. */
	dueInDays: number | null;
	instrumentCode: string | null;
}

/** A plan the dienst keeps per segment, to start a client's plan from. */
export const planTemplate = pgTable(
	'plan_template',
	{
		id: id(),
		code: text('code').notNull().unique(),
		/** The segment it is meant for; null fits every segment. */
		segment: text('segment').$type<Segment>(),
		name: text('name').notNull(),
		goal: text('goal').notNull(),
		steps: jsonb('steps').$type<TemplateStep[]>().notNull(),
		reviewInDays: integer('review_in_days').notNull().default(182),
		active: boolean('active').notNull().default(true),
		createdAt: createdAt()
	},
	(t) => [index('plan_template_segment_idx').on(t.segment)]
);
export type PlanTemplate = typeof planTemplate.$inferSelect;

export interface DraftStep {
	/** The plan_step id this becomes (or already is) when the draft is shared. */
	key: string;
	title: string;
	owner: StepOwner;
	dueDate: string | null;
	instrumentId: string | null;
}

/**
 * The klantmanager's working copy of a plan. The client only ever sees shared versions;
 * `revision` goes up on every save so a second, stale save is refused instead of overwriting.
 */
export const planDraft = pgTable('plan_draft', {
	planId: uuid('plan_id')
		.primaryKey()
		.references(() => plan.id, { onDelete: 'cascade' }),
	goal: text('goal').notNull(),
	reviewDate: date('review_date'),
	steps: jsonb('steps').$type<DraftStep[]>().notNull(),
	revision: integer('revision').notNull().default(1),
	updatedBy: uuid('updated_by').references(() => user.id),
	updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
});
export type PlanDraft = typeof planDraft.$inferSelect;

/** One reminder per appointment and start time: a moved appointment is reminded again. */
export const appointmentReminder = pgTable(
	'appointment_reminder',
	{
		appointmentId: uuid('appointment_id')
			.notNull()
			.references(() => appointment.id, { onDelete: 'cascade' }),
		startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
		sentAt: timestamp('sent_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [primaryKey({ columns: [t.appointmentId, t.startsAt] })]
);

/** Settings the functioneel beheerder changes in /beheer, such as the survey cadence. */
export const setting = pgTable('setting', {
	key: text('key').primaryKey(),
	value: jsonb('value').$type<unknown>().notNull(),
	updatedBy: uuid('updated_by').references(() => user.id),
	updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
});

// ── Content review (issue 17: honest status, four eyes) ──────────────────────

/**
 * A redacteur: someone an admin allowed to check texts in one language. `dienst` is what a
 * client reads after their name ("gecontroleerd door <naam>, <dienst> op <datum>").
 */
export const contentReviewer = pgTable(
	'content_reviewer',
	{
		userId: uuid('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		language: text('language').notNull(),
		dienst: text('dienst').notNull(),
		grantedBy: uuid('granted_by').references(() => user.id),
		grantedAt: timestamp('granted_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [primaryKey({ columns: [t.userId, t.language] })]
);

/** Per gemeente: show concept texts to clients (with a notice), or hold them back. */
export const gemeenteContentSetting = pgTable('gemeente_content_setting', {
	gemeenteId: uuid('gemeente_id')
		.primaryKey()
		.references(() => gemeente.id, { onDelete: 'cascade' }),
	showConcept: boolean('show_concept').notNull().default(true),
	updatedBy: uuid('updated_by').references(() => user.id),
	updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
});
// ── Clients in and out: benefit periods (issue 15) ───────────────────────────

export const BENEFIT_PERIOD_SOURCES = ['intake', 'reentry'] as const;
export type BenefitPeriodSource = (typeof BENEFIT_PERIOD_SOURCES)[number];

/**
 * Every benefit period a client had, so a return after outflow (herinstroom) is a new period
 * and the earlier one's history (its outflow, plans, instrument uses) stays. `client.benefit_start`
 * is the current period's start.
 */
export const benefitPeriod = pgTable(
	'benefit_period',
	{
		id: id(),
		clientId: uuid('client_id')
			.notNull()
			.references(() => client.id, { onDelete: 'cascade' }),
		start: date('start').notNull(),
		source: text('source').$type<BenefitPeriodSource>().notNull(),
		createdBy: uuid('created_by').references(() => user.id),
		createdAt: createdAt()
	},
	(t) => [
		uniqueIndex('benefit_period_client_start_idx').on(t.clientId, t.start),
		index('benefit_period_start_idx').on(t.start)
	]
);
// ── Plan texts in the client's language (issue #18) ─────────────────────────────────────────
/**
 * Translations of plan texts (a goal or a step title), keyed by the Dutch text itself: a step
 * made from a template keeps the template's words and so finds their translation; a text the
 * klantmanager typed has none until they add one, and is shown in Dutch with a marker. Edit
 * the Dutch text and the translation no longer applies (it translated other words).
 */
export const planTextTranslation = pgTable(
	'plan_text_translation',
	{
		source: text('source').notNull(),
		language: text('language').notNull(),
		text: text('text').notNull(),
		/** Template translations start as concept until a native speaker checked them. */
		status: text('status').$type<'concept' | 'checked'>().notNull().default('concept'),
		updatedBy: uuid('updated_by').references(() => user.id),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [primaryKey({ columns: [t.source, t.language] })]
);
export type PlanTextTranslation = typeof planTextTranslation.$inferSelect;

// ── Recorded audio of content texts (issue #18) ──────────────────────────────────────────────

/** Raw bytes: Uint8Array on PGlite, Buffer (a Uint8Array) on postgres.js. */
const audioBytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
	dataType: () => 'bytea'
});

/**
 * A recording of a content text (a topic or an instrument) in one language, for phones without
 * a voice for that language. One per text and language; a new upload replaces it and makes it
 * concept again. Stored in the database so every app process serves the same file.
 */
export const contentAudio = pgTable(
	'content_audio',
	{
		id: id(),
		kind: text('kind').$type<'topic' | 'instrument'>().notNull(),
		code: text('code').notNull(),
		language: text('language').notNull(),
		/** The type found in the bytes (never the one the browser claimed). */
		mime: text('mime').notNull(),
		size: integer('size').notNull(),
		data: audioBytea('data').notNull(),
		status: text('status').$type<'concept' | 'checked'>().notNull().default('concept'),
		uploadedBy: uuid('uploaded_by').references(() => user.id),
		uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull().defaultNow(),
		checkedBy: uuid('checked_by').references(() => user.id),
		checkedAt: timestamp('checked_at', { withTimezone: true })
	},
	(t) => [uniqueIndex('content_audio_text_idx').on(t.kind, t.code, t.language)]
);
export type ContentAudio = typeof contentAudio.$inferSelect;

// ── Conversation with the klantmanager (issue 16) ─────────────────────────────

/** Where a client wrote from; the answer is shown there too. */
export const MESSAGE_CONTEXTS = ['home', 'step', 'instrument', 'appointment', 'plan'] as const;
export type MessageContext = (typeof MESSAGE_CONTEXTS)[number];
/** What a message with context asks for: a plan question or disagreement, an appointment change. */
export const MESSAGE_INTENTS = [
	'question',
	'disagree',
	'ask',
	'cannot_come',
	'other_time'
] as const;
export type MessageIntent = (typeof MESSAGE_INTENTS)[number];

/**
 * One conversation per client, with their klantmanager (and the team lead or a stand-in).
 * A client's message is `answeredAt` when the first staff message after it arrives: the time
 * to a first answer. `readAt` is when the other side saw it.
 */
export const message = pgTable(
	'message',
	{
		id: id(),
		clientId: uuid('client_id')
			.notNull()
			.references(() => client.id, { onDelete: 'cascade' }),
		authorId: uuid('author_id').references(() => user.id, { onDelete: 'set null' }),
		fromClient: boolean('from_client').notNull(),
		body: text('body').notNull(),
		contextKind: text('context_kind').$type<MessageContext>(),
		contextId: uuid('context_id'),
		planVersion: integer('plan_version'),
		intent: text('intent').$type<MessageIntent>(),
		replyTo: uuid('reply_to'),
		readAt: timestamp('read_at', { withTimezone: true }),
		answeredAt: timestamp('answered_at', { withTimezone: true }),
		createdAt: createdAt()
	},
	(t) => [
		index('message_client_idx').on(t.clientId, t.createdAt),
		index('message_waiting_idx')
			.on(t.clientId, t.createdAt)
			.where(sql`${t.fromClient} and ${t.answeredAt} is null`),
		index('message_unread_idx')
			.on(t.clientId, t.fromClient)
			.where(sql`${t.readAt} is null`),
		index('message_context_idx').on(t.contextId)
	]
);

/** A klantmanager away: `standInId` reads and answers their clients' conversations until `until`. */
export const standIn = pgTable(
	'stand_in',
	{
		klantmanagerId: uuid('klantmanager_id')
			.primaryKey()
			.references(() => user.id, { onDelete: 'cascade' }),
		standInId: uuid('stand_in_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		until: date('until').notNull(),
		createdAt: createdAt()
	},
	(t) => [index('stand_in_stand_in_idx').on(t.standInId)]
);

// ── Documents and Web Push (issue 16) ─────────────────────────────────────────

/** Raw bytes; PGlite hands back a Uint8Array, postgres.js a Buffer: both become a Buffer. */
const bytea = customType<{ data: Buffer; driverData: Uint8Array }>({
	dataType: () => 'bytea',
	fromDriver: (v) => Buffer.from(v)
});

/**
 * A photo or PDF a client sent. The bytes are re-encoded (images, metadata stripped) and
 * sealed with AES-256-GCM under DOCUMENT_KEY (`iv ‖ tag ‖ ciphertext`); the name (without
 * path, extension set by the stored type) is kept plain, like the rest of the file. An upload is stored first with `messageId` null and
 * attached when its message is sent; unattached uploads are removed by the daily retention.
 */
export const document = pgTable(
	'document',
	{
		id: id(),
		clientId: uuid('client_id')
			.notNull()
			.references(() => client.id, { onDelete: 'cascade' }),
		messageId: uuid('message_id').references(() => message.id, { onDelete: 'cascade' }),
		/** The outbox's key for this upload, so a replay stores nothing twice. */
		uploadKey: text('upload_key').notNull(),
		mime: text('mime').notNull(),
		size: integer('size').notNull(),
		name: text('name').notNull(),
		sealed: bytea('sealed').notNull(),
		createdAt: createdAt()
	},
	(t) => [
		uniqueIndex('document_upload_key_idx').on(t.clientId, t.uploadKey),
		index('document_message_idx').on(t.messageId),
		index('document_created_idx').on(t.createdAt)
	]
);
export type DocumentRow = typeof document.$inferSelect;

/** One browser's Web Push subscription (a client may have several devices). */
export const pushSubscription = pgTable(
	'push_subscription',
	{
		id: id(),
		userId: uuid('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		endpoint: text('endpoint').notNull().unique(),
		p256dh: text('p256dh').notNull(),
		auth: text('auth').notNull(),
		createdAt: createdAt()
	},
	(t) => [index('push_subscription_user_idx').on(t.userId)]
);

// ── Content over time and words explained (issue 17) ───────────────────────────────────────

/**
 * A topic text that takes effect on a date (a law change): from `validFrom` on (Amsterdam
 * day) clients read it instead of the topic's current text, which stays as the history.
 * Dienst-wide only; one version per topic, language and date.
 */
export const topicVersion = pgTable(
	'topic_version',
	{
		topicId: uuid('topic_id')
			.notNull()
			.references(() => topic.id, { onDelete: 'cascade' }),
		language: text('language').notNull(),
		validFrom: date('valid_from').notNull(),
		title: text('title').notNull(),
		body: text('body').notNull(),
		/** The legal basis from that date; null keeps the topic's. */
		legalBasis: text('legal_basis'),
		status: text('status').$type<TextStatus>().notNull().default('concept'),
		checkedBy: uuid('checked_by').references(() => user.id),
		checkedAt: timestamp('checked_at', { withTimezone: true }),
		/** The checker's dienst at the time of the check: what clients read after the name. */
		checkedDienst: text('checked_dienst'),
		/** Who saved it last (null: from the repository); they cannot check it. */
		editedBy: uuid('edited_by').references(() => user.id),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [primaryKey({ columns: [t.topicId, t.language, t.validFrom] })]
);

/** A word explained in plain language (B1), per language; content marks it as [[term]]. */
export const glossaryEntry = pgTable(
	'glossary_entry',
	{
		language: text('language').notNull(),
		/** The term as content writes it between [[ ]], in Dutch (the same key in every language). */
		term: text('term').notNull(),
		/** How the term reads in this language (e.g. "UWV", "Tax Credits Service (Dienst Toeslagen)"). */
		label: text('label').notNull(),
		explanation: text('explanation').notNull(),
		status: text('status').$type<TextStatus>().notNull().default('concept'),
		checkedBy: uuid('checked_by').references(() => user.id),
		checkedAt: timestamp('checked_at', { withTimezone: true }),
		/** Who saved it last in /beheer (null: from the repository); they cannot check it. */
		editedBy: uuid('edited_by').references(() => user.id),
		/** Removed in /beheer: kept as a row so seeding at start does not bring it back. */
		removedAt: timestamp('removed_at', { withTimezone: true }),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [primaryKey({ columns: [t.language, t.term] })]
);

// ── Sync API keys and retention terms (issue 15) ─────────────────────────────

export const API_SCOPES = ['clients', 'outflow'] as const;
export type ApiScope = (typeof API_SCOPES)[number];

/**
 * A key the benefit administration's nightly job sends to /api/v1, for one gemeente and one
 * scope. The key is "ww_<prefix>_<secret>": the prefix finds the row, the secret is only ever
 * kept as a SHA-256 (shown once when made). What the key does is audited under `userId`, a
 * person row without roles or sign-in, so the audit log names the key.
 */
export const apiKey = pgTable(
	'api_key',
	{
		id: id(),
		prefix: text('prefix').notNull().unique(),
		secretHash: text('secret_hash').notNull(),
		name: text('name').notNull(),
		gemeenteId: uuid('gemeente_id')
			.notNull()
			.references(() => gemeente.id),
		scope: text('scope').$type<ApiScope>().notNull(),
		userId: uuid('user_id')
			.notNull()
			.references(() => user.id),
		createdBy: uuid('created_by').references(() => user.id),
		createdAt: createdAt(),
		lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
		revokedAt: timestamp('revoked_at', { withTimezone: true }),
		revokedBy: uuid('revoked_by').references(() => user.id)
	},
	(t) => [index('api_key_gemeente_idx').on(t.gemeenteId)]
);
export type ApiKey = typeof apiKey.$inferSelect;

export const RETENTION_KINDS = [
	'client_file',
	'plans',
	'appointments',
	'messages',
	'notifications',
	'open_answers',
	'sessions',
	'idempotency',
	'handhaving'
] as const;
export type RetentionKind = (typeof RETENTION_KINDS)[number];

/** A gemeente's own retention term for one kind of data, in days; absent: the default. */
export const retentionTerm = pgTable(
	'retention_term',
	{
		gemeenteId: uuid('gemeente_id')
			.notNull()
			.references(() => gemeente.id, { onDelete: 'cascade' }),
		kind: text('kind').$type<RetentionKind>().notNull(),
		days: integer('days').notNull(),
		updatedBy: uuid('updated_by').references(() => user.id),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [primaryKey({ columns: [t.gemeenteId, t.kind] })]
);

// ── Handhaving: maatregelen, boetes, terugvorderingen (issue #13 §7) ──────────

/**
 * What a klantmanager records on the client file after the besluit: a maatregel (verlaging of
 * the benefit, Participatiewet art. 18 lid 2 with the gemeente's afstemmingsverordening), a
 * boete (bestuurlijke boete, art. 18a) or a terugvordering (art. 58/59). Wegwijs is not the
 * record system (the benefit administration is): this is what the client is told and what the
 * council report counts. docs/DOMAIN.md "Handhaving".
 */
export const HANDHAVING_KINDS = ['maatregel', 'boete', 'terugvordering'] as const;
export type HandhavingKind = (typeof HANDHAVING_KINDS)[number];

/** What a maatregel is for (its kind in the report). */
export const MAATREGEL_GROUNDS = [
	/** Arbeidsverplichtingen (art. 9 lid 1 a; art. 18 lid 4). */
	'arbeid',
	/** Other duties of the law or attached to the benefit (art. 18 lid 2, art. 55). */
	'verplichtingen',
	/** Tekortschietend besef van verantwoordelijkheid (art. 18 lid 2). */
	'verantwoordelijkheid'
] as const;
export type MaatregelGround = (typeof MAATREGEL_GROUNDS)[number];

export const handhaving = pgTable(
	'handhaving',
	{
		id: id(),
		clientId: uuid('client_id')
			.notNull()
			.references(() => client.id, { onDelete: 'cascade' }),
		kind: text('kind').$type<HandhavingKind>().notNull(),
		/** The day of the besluit: the six weeks for bezwaar (Awb art. 6:7, 6:8) count from it. */
		decidedOn: date('decided_on').notNull(),
		/** Maatregel only: its ground, the percentage (0–100) and the months it runs. */
		ground: text('ground').$type<MaatregelGround>(),
		percentage: smallint('percentage'),
		periodStart: date('period_start'),
		periodEnd: date('period_end'),
		/** Boete and terugvordering only: the amount in euro cents. */
		amountCents: integer('amount_cents'),
		/** Why, in the klantmanager's words; the client reads it. */
		reason: text('reason').notNull(),
		/** Raised by every correction, so two people correcting at once do not overwrite. */
		revision: integer('revision').notNull().default(1),
		createdBy: uuid('created_by').references(() => user.id),
		createdAt: createdAt(),
		updatedBy: uuid('updated_by').references(() => user.id),
		updatedAt: timestamp('updated_at', { withTimezone: true }),
		/** Withdrawn (ingetrokken), e.g. after a bezwaar that was upheld; the row stays. */
		withdrawnOn: date('withdrawn_on'),
		withdrawnReason: text('withdrawn_reason'),
		withdrawnBy: uuid('withdrawn_by').references(() => user.id),
		/**
		 * The quarter ("2026-Q3") the council report counts this besluit in, set when it is
		 * recorded: the quarter of its day, or, when that quarter was already published (frozen),
		 * the first quarter after it not yet published (handhaving.ts `countingQuarter`).
		 */
		countedInQuarter: text('counted_in_quarter').notNull()
	},
	(t) => [
		index('handhaving_client_idx').on(t.clientId, t.decidedOn),
		// The report counts besluiten per quarter they count in.
		index('handhaving_counted_idx').on(t.countedInQuarter),
		check('handhaving_counted_quarter', sql`${t.countedInQuarter} ~ '^[0-9]{4}-Q[1-4]$'`),
		// Each kind has its own fields, whoever writes the row (the report groups on them).
		check(
			'handhaving_kind_fields',
			// Every field tested with "is not null" first: a check that comes out null passes.
			sql`(${t.kind} = 'maatregel' and ${t.ground} is not null
				and ${t.ground} in ('arbeid', 'verplichtingen', 'verantwoordelijkheid')
				and ${t.percentage} is not null and ${t.percentage} between 0 and 100
				and ${t.periodStart} is not null and ${t.periodEnd} is not null
				and ${t.periodEnd} >= ${t.periodStart} and ${t.amountCents} is null)
			or (${t.kind} in ('boete', 'terugvordering') and ${t.amountCents} is not null
				and ${t.amountCents} > 0 and ${t.ground} is null and ${t.percentage} is null
				and ${t.periodStart} is null and ${t.periodEnd} is null)`
		),
		// One amount at most € 1,000,000 (MAX_AMOUNT_CENTS in handhaving-rules.ts, the form's
		// limit), whoever writes the row: so an integer holds it, and the report's sums (bigint
		// in SQL, whole Numbers below 2^53 in the server) stay exact for any realistic dienst.
		check('handhaving_amount_max', sql`${t.amountCents} is null or ${t.amountCents} <= 100000000`)
	]
);
export type Handhaving = typeof handhaving.$inferSelect;
