import { z } from 'zod';
import { LANGUAGE_CODES } from '$lib/i18n/languages';

// Shapes of the client pages kept offline. A copy that does not match (an older app
// version, a damaged store) is not shown.

const iso = z.string().min(1);
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const planView = z.object({
	id: z.string(),
	goal: z.string(),
	goalLang: z.string().default('nl'),
	goalNl: z.string().optional(),
	status: z.string(),
	version: z.number(),
	sharedAt: iso.nullable(),
	agreedAt: iso.nullable(),
	agreedVersion: z.number().nullable(),
	reviewDate: day.nullable(),
	steps: z.array(
		z.object({
			id: z.string(),
			title: z.string(),
			titleLang: z.string().default('nl'),
			titleNl: z.string().optional(),
			owner: z.enum(['client', 'klantmanager', 'partner']),
			dueDate: day.nullable(),
			status: z.enum(['todo', 'done']),
			doneAt: iso.nullable(),
			clientNote: z.string().nullable(),
			instrument: z.object({ id: z.string(), name: z.string(), code: z.string() }).nullable()
		})
	),
	instruments: z.array(
		z.object({ id: z.string(), name: z.string(), startDate: day, endDate: day.nullable() })
	)
});

/** A message of the conversation with the klantmanager (MessageView). */
export const messageView = z.object({
	id: z.string(),
	fromClient: z.boolean(),
	author: z.string().nullable(),
	body: z.string(),
	context: z
		.object({
			kind: z.enum(['home', 'step', 'instrument', 'appointment', 'plan']),
			id: z.string().nullable(),
			version: z.number().nullable(),
			link: z.string()
		})
		.nullable(),
	intent: z.enum(['question', 'disagree', 'ask', 'cannot_come', 'other_time']).nullable(),
	createdAt: iso,
	read: z.boolean(),
	documents: z
		.array(z.object({ id: z.string(), name: z.string(), mime: z.string(), size: z.number() }))
		.default([])
});

export const planPage = z.object({
	plan: planView.nullable(),
	/** Dutch words for the Dutch copy printed after the plan; null for a Dutch reader. */
	dutchCopy: z
		.object({
			title: z.string(),
			goal: z.string(),
			steps: z.string(),
			/** Each step's due date, written in Dutch (a copy saved before had none). */
			dueDates: z.record(z.string(), z.string()).default({})
		})
		.nullable()
		.default(null),
	about: z.array(messageView).default([]),
	today: day,
	formKey: z.string(),
	fetchedAt: iso
});

const contact = z.object({
	name: z.string(),
	phone: z.string().nullable(),
	email: z.string().nullable(),
	hours: z.string().nullable()
});

export const homePage = z.object({
	home: z.object({
		firstName: z.string(),
		hasPlan: z.boolean(),
		planWaitsForAgreement: z.boolean(),
		nextAppointment: z
			.object({
				id: z.string(),
				startsAt: iso,
				kind: z.string(),
				place: z.string().nullable(),
				staffName: z.string()
			})
			.nullable(),
		dueSteps: z.array(
			z.object({
				id: z.string(),
				title: z.string(),
				// Copies saved before #18 held only Dutch titles.
				titleLang: z.string().default('nl'),
				dueDate: day.nullable(),
				overdue: z.boolean()
			})
		),
		contact: contact.nullable()
	}),
	survey: z
		.object({ id: z.string(), trigger: z.string(), dueAt: iso, questions: z.number() })
		.nullable()
		.optional(),
	fetchedAt: iso
});

export const surveyPage = z.object({
	survey: z.object({
		invitationId: z.string(),
		trigger: z.enum(['appointment', 'instrument_end', 'periodic']),
		language: z.string(),
		dueAt: iso,
		answered: z.boolean(),
		expired: z.boolean(),
		items: z.array(
			z.object({
				code: z.string(),
				type: z.enum(['agree5', 'grade10', 'open']),
				text: z.string()
			})
		)
	}),
	formKey: z.string(),
	fetchedAt: iso
});

export const appointmentView = z.object({
	id: z.string(),
	startsAt: iso,
	endsAt: iso,
	kind: z.enum(['in_person', 'phone', 'video', 'home_visit']),
	place: z.string().nullable(),
	videoUrl: z.string().nullable(),
	purpose: z.string(),
	bring: z.string().nullable(),
	status: z.string(),
	staffName: z.string(),
	staffPhone: z.string().nullable(),
	request: z
		.object({
			kind: z.string(),
			status: z.string()
		})
		.nullable()
});

export const appointmentsPage = z.object({
	upcoming: z.array(appointmentView),
	past: z.array(appointmentView),
	fetchedAt: iso
});

export const appointmentPage = z.object({
	appointment: appointmentView,
	thread: z.array(messageView).default([]),
	formKey: z.string(),
	fetchedAt: iso
});

/** Content pages hold no personal data; a loose check that it is an object is enough. */
export const contentPage = z.record(z.string(), z.unknown());

/** A besluit about the benefit as the client reads it (handhaving/handhaving.ts HandhavingView). */
export const handhavingView = z.object({
	id: z.string(),
	kind: z.enum(['maatregel', 'boete', 'terugvordering']),
	decidedOn: day,
	ground: z.enum(['arbeid', 'verplichtingen', 'verantwoordelijkheid']).nullable(),
	percentage: z.number().int().min(0).max(100).nullable(),
	periodStart: day.nullable(),
	periodEnd: day.nullable(),
	amountCents: z.number().int().nullable(),
	reason: z.string(),
	withdrawnOn: day.nullable(),
	objectionUntil: day,
	objectionOpen: z.boolean()
});

/**
 * The rights-and-duties page (/uitleg): the topics are content (loose), but what applies to
 * this client, their besluiten included, is personal and checked field for field.
 */
export const explainPage = z.object({
	personal: z
		.object({
			exemption: z.object({ reason: z.string(), reviewDate: day.nullable() }).nullable(),
			applicationsPerWeek: z.number().nullable(),
			agreedHoursPerWeek: z.number().nullable(),
			tegenprestatie: z.boolean()
		})
		.nullable(),
	handhaving: z.array(handhavingView),
	topics: z.array(z.record(z.string(), z.unknown())),
	fetchedAt: iso
});

export const layoutPage = z.object({
	lang: z.enum(LANGUAGE_CODES),
	dir: z.enum(['ltr', 'rtl']),
	// Language codes; a copy saved before session 10 holds { code, name } objects: read as codes.
	languages: z.array(
		z.union([
			z.enum(LANGUAGE_CODES),
			z.object({ code: z.enum(LANGUAGE_CODES), name: z.string() }).transform((l) => l.code)
		])
	),
	dienstName: z.string(),
	/** Staff only (the idle warning); null for a client. */
	staffIdleMinutes: z.number().nullable(),
	user: z
		.object({
			id: z.string(),
			displayName: z.string(),
			roles: z.array(z.string()),
			preferences: z.record(z.string(), z.unknown())
		})
		.nullable()
});

/**
 * By name, so pages can refer to a schema without importing zod: this module (and zod) is
 * loaded only when an offline copy is actually read.
 */
export const PAGE_SCHEMAS = {
	layout: layoutPage,
	home: homePage,
	plan: planPage,
	appointments: appointmentsPage,
	appointment: appointmentPage,
	survey: surveyPage,
	content: contentPage,
	explain: explainPage
};
export type PageSchemaName = keyof typeof PAGE_SCHEMAS;
