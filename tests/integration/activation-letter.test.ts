import { expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { describeEachDatabase } from './databases';
import { buildFixture, type Fixture } from './km-fixture';
import { auditEvent } from '../../src/lib/server/db/schema';
import * as activation from '../../src/lib/server/auth/activation-letter';
import { redeemActivationCode } from '../../src/lib/server/auth/activation';

const NOW = new Date('2026-12-01T10:00:00Z');

describeEachDatabase('activation letter', (database) => {
	let f: Fixture;

	it('makes an activation code that works once and is never stored in the audit trail', async () => {
		const { db } = database();
		f = await buildFixture(db);
		const letter = await activation.issueLetter(db, f.lead, f.maryam.clientId, NOW);
		expect(letter!.expiresAt).toBe('2026-12-15T10:00:00.000Z');
		const redeemed = await redeemActivationCode(db, {
			code: letter!.code,
			password: 'een lang wachtwoord',
			now: NOW
		});
		expect(redeemed.ok).toBe(true);
		expect(
			(await redeemActivationCode(db, { code: letter!.code, password: 'nog een keer', now: NOW }))
				.ok
		).toBe(false);
		const events = await db
			.select()
			.from(auditEvent)
			.where(
				and(eq(auditEvent.clientId, f.maryam.clientId), eq(auditEvent.action, 'activation.create'))
			);
		expect(events).toHaveLength(1);
		expect(JSON.stringify(events[0]!.detail)).not.toContain(letter!.code);
	});
});
