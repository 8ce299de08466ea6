import { afterEach, expect, it, vi } from 'vitest';
import { i18nContext } from '../route-i18n';
import { render } from 'svelte/server';
import { and, eq } from 'drizzle-orm';
import { describeEachDatabase } from './databases';
import type { Db } from '../../src/lib/server/db/open';
import { seedDemo } from '../../src/lib/server/seed/demo';
import { client, plan, SEGMENTS, user } from '../../src/lib/server/db/schema';
import { openFile } from '../../src/lib/server/caseload/client-file';
import { planViewOfUser } from '../../src/lib/server/plans/plans';
import KmClientPage from '../../src/routes/km/clienten/[id=uuid]/+page.svelte';
import ClientPlanPage from '../../src/routes/(client)/plan/+page.svelte';

// Between midnight and 01:00 in Amsterdam it is still yesterday in UTC. A plan agreed at
// 00:30 on 7 December must say 7 December on the klantmanager's page and on the client's.

const AGREED = new Date('2026-12-06T23:30:00Z'); // 7 Dec 2026, 00:30 in Amsterdam

// The pages are rendered here outside a SvelteKit app; components that read the page state
// (read-aloud reads the person's preference) get a page with nobody signed in.
vi.mock('$app/state', () => import('./app-state-stub'));

afterEach(() => {
	vi.useRealTimers();
});

function html(component: unknown, props: Record<string, unknown>, routeId: string) {
	// The strings the route's page gets in the browser, no more.
	// eslint-disable-next-line @typescript-eslint/no-explicit-any
	return render(component as any, { props, context: i18nContext(routeId) }).body;
}

async function agreeAtHalfPastMidnight(db: Db) {
	const [maryam] = await db
		.select({ clientId: client.id, userId: user.id, km: client.klantmanagerId })
		.from(client)
		.innerJoin(user, eq(user.id, client.userId))
		.where(eq(user.demoKey, 'maryam'));
	const [current] = await db
		.select()
		.from(plan)
		.where(and(eq(plan.clientId, maryam!.clientId), eq(plan.status, 'shared')));
	await db
		.update(plan)
		.set({ status: 'agreed', agreedAt: AGREED, agreedVersion: current!.version })
		.where(eq(plan.id, current!.id));
	return maryam!;
}

describeEachDatabase('dates on the pages at 00:30 Amsterdam time', (database) => {
	it('the klantmanager’s client page shows the Amsterdam day of the agreement', async () => {
		const { db } = database();
		vi.useFakeTimers({ now: new Date('2026-12-06T23:40:00Z'), toFake: ['Date'] });
		await seedDemo(db, { now: new Date('2026-12-01T10:00:00Z') });
		const maryam = await agreeAtHalfPastMidnight(db);
		const [km] = await db.select().from(user).where(eq(user.id, maryam.km!));
		const file = await openFile(db, km!, maryam.clientId);
		const body = html(
			KmClientPage,
			{ data: { file, team: [], segments: SEGMENTS }, form: null },
			'/km/clienten/[id=uuid]'
		);
		expect(body).toContain('Akkoord op 7 dec 2026');
		expect(body).not.toContain('6 dec 2026');
	});

	it('the client’s plan page shows the same day', async () => {
		const { db } = database();
		vi.useFakeTimers({ now: new Date('2026-12-06T23:40:00Z'), toFake: ['Date'] });
		const [maryam] = await db.select().from(user).where(eq(user.demoKey, 'maryam'));
		const view = await planViewOfUser(db, maryam!.id, 'nl');
		const body = html(
			ClientPlanPage,
			{
				data: {
					plan: view,
					about: [],
					today: '2026-12-07',
					formKey: 'k',
					fetchedAt: new Date().toISOString(),
					offline: false
				},
				form: null
			},
			'/(client)/plan'
		);
		expect(body).toContain('7 december 2026');
	});
});
