import { expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { describeEachDatabase } from './databases';
import type { Db } from '../../src/lib/server/db/open';
import { seedDemo } from '../../src/lib/server/seed/demo';
import { client, message, user } from '../../src/lib/server/db/schema';
import { MESSAGE_MAX } from '../../src/lib/actions/limits';
import { actions } from '../../src/routes/(client)/berichten/+page.server';

// The route's own action, as SvelteKit calls it.
const send = actions.send!;

// Without JavaScript a browser sends a text area's line breaks as CRLF (two characters), while
// its own counter (and the text area's maxlength) counts one. A client who typed up to the
// limit with line breaks was refused by the server. The server counts a line break as one.

async function larsLocals(db: Db) {
	const [row] = await db
		.select({ user, client })
		.from(user)
		.innerJoin(client, eq(client.userId, user.id))
		.where(eq(user.demoKey, 'lars'));
	const u = row!.user;
	return {
		db,
		lang: 'nl' as const,
		t: (key: string) => key,
		user: { id: u.id, displayName: u.displayName, roles: u.roles, language: u.language },
		client: row!.client,
		session: null
	};
}

/** A form posted by a browser without JavaScript: line breaks in a text area as CRLF. */
function posted(fields: Record<string, string>): Request {
	return new Request('http://localhost/berichten?/send', {
		method: 'POST',
		body: new URLSearchParams(fields)
	});
}

describeEachDatabase('a text area posted without JavaScript', (database) => {
	it('a message of exactly the limit with line breaks is sent, stored with \\n', async () => {
		const { db } = database();
		await seedDemo(db);
		const locals = await larsLocals(db);
		const line = 'a'.repeat(99);
		// 20 lines of 99 characters, 19 line breaks and one more: 2000 as the browser counts.
		const typed = Array.from({ length: 20 }, () => line).join('\n') + 'z';
		expect([...typed].length).toBe(MESSAGE_MAX);
		const body = typed.replaceAll('\n', '\r\n');
		const result = await send({
			request: posted({ body, idempotencyKey: 'crlf-message-key-0001' }),
			locals
		} as never);
		expect(result).toEqual({ done: 'message' });
		const stored = await db
			.select({ body: message.body })
			.from(message)
			.where(and(eq(message.clientId, locals.client.id), eq(message.fromClient, true)));
		expect(stored.map((m) => m.body)).toContain(typed);
	});

	it('one character over the limit is still refused', async () => {
		const { db } = database();
		const locals = await larsLocals(db);
		const typed = 'b'.repeat(MESSAGE_MAX - 1) + '\nb';
		const result = (await send({
			request: posted({
				body: typed.replaceAll('\n', '\r\n'),
				idempotencyKey: 'crlf-message-key-0002'
			}),
			locals
		} as never)) as { status: number; data: { error: string } };
		expect(result.status).toBe(422);
		expect(result.data.error).toBe('message_too_long');
	});
});
