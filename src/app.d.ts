import type { TFunction } from 'i18next';
import type { Db } from '$lib/server/db';
import type { SessionClient, SessionUser, ValidSession } from '$lib/server/auth/session';
import type { Language } from '$lib/i18n/languages';

declare global {
	namespace App {
		interface Locals {
			db: Db;
			user: SessionUser | null;
			session: ValidSession | null;
			/**
			 * A staff password sign-in still owing its second factor (#14): the person is not
			 * signed in (user and session are null) until /login/tweede-stap completes it.
			 */
			pendingSignIn: { sessionId: string; user: SessionUser; since: Date } | null;
			/** The signed-in client's own record (null for staff), read with the session. */
			client: SessionClient | null;
			/** A client's unread answers, read with the session (0 for staff or nobody). */
			unreadMessages: number;
			lang: Language;
			/** The languages this person is offered (their gemeente's, for a client). */
			languages: Language[];
			/** Translate in the request's language (one i18next instance per request). */
			t: TFunction;
		}
		interface Error {
			message: string;
			/** 'unavailable' while the database cannot be reached (answered with 503). */
			code?: 'unavailable';
		}
	}
}

export {};
