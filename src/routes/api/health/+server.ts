import { json, type RequestHandler } from '@sveltejs/kit';
import { sql } from 'drizzle-orm';

/** Liveness for load balancers: answers 503 while the database is unreachable. */
export const GET: RequestHandler = async ({ locals }) => {
	try {
		await locals.db.execute(sql`select 1`);
		return json({ ok: true });
	} catch {
		return json({ ok: false }, { status: 503 });
	}
};
