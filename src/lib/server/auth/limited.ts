import type { FieldErrors } from '../../forms/errors';
import type { Language } from '../../i18n/languages';
import { showDate } from '../../dates';

/**
 * The form error for a held-back sign-in or activation: it says when to try again, as a clock
 * time in Amsterdam in the person's language ("Probeer het opnieuw om 10:15"), so nobody has to
 * count minutes or guess.
 */
export function limitedError(
	lang: Language,
	retryAfterSeconds: number,
	now = new Date()
): FieldErrors {
	// Rounded up to the next whole minute: trying at the time shown always works.
	const at = new Date(Math.ceil((now.getTime() + retryAfterSeconds * 1000) / 60_000) * 60_000);
	return { form: { key: 'login.limited', values: { time: showDate(lang, at, 'time') } } };
}
