import { error } from '@sveltejs/kit';
import { AccessDenied } from './caseload';

/** Runs a domain call for staff; a client outside the caseload becomes a 403 page. */
export async function inCaseload<T>(locals: App.Locals, run: () => Promise<T>): Promise<T> {
	try {
		return await run();
	} catch (e) {
		if (e instanceof AccessDenied) error(403, locals.t('errors.forbidden'));
		throw e;
	}
}
