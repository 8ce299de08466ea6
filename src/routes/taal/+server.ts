import { redirect, type RequestHandler } from '@sveltejs/kit';
import { z } from 'zod';
import { dev } from '$app/environment';
import { saveLanguage } from '$lib/server/client/preferences';
import { LANGUAGE_CODES } from '$lib/i18n/languages';
import { LANGUAGE_COOKIE } from '$lib/server/language';
import { safeNext } from '$lib/server/auth/access';
import { postedForm } from '$lib/server/kit/posted-form';

const schema = z.object({ lang: z.enum(LANGUAGE_CODES), next: z.string().max(500).optional() });

/** Sets the language: stored for a signed-in person, in a cookie for everyone. */
export const POST: RequestHandler = async ({ request, cookies, locals }) => {
	const parsed = schema.safeParse(Object.fromEntries(await postedForm(request)));
	const next = (parsed.success && safeNext(parsed.data.next)) || '/';
	if (!parsed.success) redirect(303, next);
	const { lang } = parsed.data;
	cookies.set(LANGUAGE_COOKIE, lang, {
		path: '/',
		maxAge: 60 * 60 * 24 * 365,
		sameSite: 'lax',
		httpOnly: false,
		secure: !dev
	});
	if (locals.user) await saveLanguage(locals.db, locals.user.id, lang);
	redirect(303, next);
};
