import { json, type RequestHandler } from '@sveltejs/kit';
import { sql } from 'drizzle-orm';

/**
 * Liveness for load balancers: answers 503 while the database is unreachable, and says so.
 * A query that has not answered in 3 s counts as down, so the check itself never hangs.
 */
export const GET: RequestHandler = async ({ locals }) => {
	let timer: ReturnType<typeof setTimeout> | undefined;
	try {
		await Promise.race([
			locals.db.execute(sql`select 1`),
			new Promise((_, reject) => (timer = setTimeout(() => reject(new Error('timeout')), 3_000)))
		]);
		return json({ ok: true, database: 'up' }, { headers: { 'cache-control': 'no-store' } });
	} catch {
		return json(
			{
				ok: false,
				error: 'unavailable',
				database: 'down',
				message: locals.t('errors.unavailable')
			},
			{ status: 503, headers: { 'cache-control': 'no-store', 'retry-after': '5' } }
		);
	} finally {
		clearTimeout(timer);
	}
};
