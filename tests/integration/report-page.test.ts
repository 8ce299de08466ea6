import { expect, it, vi } from 'vitest';
import { render } from 'svelte/server';
import { describeEachDatabase } from './databases';
import { seedDemo } from '../../src/lib/server/seed/demo';
import { buildReport } from '../../src/lib/server/report/report';
import { reportTables, splitLabels } from '../../src/lib/server/report/report-tables';
import { tableCsv } from '../../src/lib/server/report/report-csv';
import { messagesForRoute } from '../../src/lib/i18n/messages.server';
import { I18N_CONTEXT, Translator } from '../../src/lib/i18n/context.svelte';
import { DATE_LOCALES } from '../../src/lib/date-locales';
import ReportPage from '../../src/routes/rapportage/+page.svelte';

// The methods box at the top of the council report: every figure under its own label. The page
// once took the figures by position, and a new row ("Waarvan beantwoord") moved each one down:
// "Respons" showed the number of answers and "na de einddatum" showed the response rate.

vi.mock('$app/state', () => import('./app-state-stub'));

const now = new Date('2026-08-13T08:00:00Z');

/** The `<dd>` after the `<dt>` with this label. */
function figureUnder(html: string, label: string): string {
	const escaped = label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
	const m = new RegExp(`<dt[^>]*>${escaped}</dt>\\s*<dd[^>]*>([^<]*)</dd>`).exec(html);
	if (!m) throw new Error(`no figure under “${label}”`);
	return m[1]!;
}

describeEachDatabase('the report page', (database) => {
	it('shows each figure of the methods box under its own label', async () => {
		const { db } = database();
		expect(await seedDemo(db, { now })).toBe(true);
		const q = { quarter: '2026-Q2', period: 'quarter', gemeente: null } as const;
		const report = (await buildReport(db, q, now))!;
		const tr = new Translator('nl', messagesForRoute('nl', '/rapportage'), DATE_LOCALES.nl);
		const t = tr.t.bind(tr);
		// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the page outside SvelteKit
		const html = render(ReportPage as any, {
			props: {
				data: {
					report,
					lastClosed: '2026-Q2',
					tables: reportTables(report, t),
					splitLabels: splitLabels(t, report),
					search: 'kwartaal=2026-Q2'
				}
			},
			context: new Map([[I18N_CONTEXT, tr]])
		}).body;
		const invited = report.methods.invited.n!;
		const answered = report.methods.answered.n!;
		expect(invited).toBeGreaterThanOrEqual(10);
		expect(answered).toBeGreaterThanOrEqual(10);
		expect(figureUnder(html, t('report.methods.invited'))).toBe(String(invited));
		expect(figureUnder(html, t('report.methods.answered'))).toBe(String(answered));
		expect(figureUnder(html, t('report.methods.responseRate'))).toMatch(/^\d+%$/);
		expect(figureUnder(html, t('report.methods.late'))).not.toMatch(/%/);
		// The definition of the handhaving figures: a besluit recorded after its quarter was
		// published counts in the next quarter not yet published (docs/DOMAIN.md "Handhaving").
		expect(html).toContain(
			'Besluiten die pas zijn vastgelegd nadat dat kwartaal gepubliceerd was, tellen mee in het volgende kwartaal dat nog niet gepubliceerd is.'
		);
	});

	it('shows an extreme share as its words, in the table, the split table and the CSV, never as a number', async () => {
		const { db } = database();
		const tr = new Translator('nl', messagesForRoute('nl', '/rapportage'), DATE_LOCALES.nl);
		const t = tr.t.bind(tr);
		type Masked = { n: number | null; share: unknown; extreme?: string };
		const marks = (v: unknown, out: Masked[] = []): Masked[] => {
			if (v && typeof v === 'object') {
				const o = v as Record<string, unknown>;
				if (o.extreme === 'all' || o.extreme === 'none') out.push(o as Masked);
				for (const x of Object.values(o)) marks(x, out);
			}
			return out;
		};
		// The demo data has shares of (nearly) everyone or nobody in groups of 20 or more.
		const whole = (await buildReport(
			db,
			{ quarter: '2025-Q3', period: 'quarter', gemeente: null },
			now
		))!;
		let found = false;
		for (const quarter of ['2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4'])
			for (const gemeente of [null, ...whole.gemeenten.map((g) => g.code)]) {
				const q = { quarter, period: 'quarter', gemeente } as const;
				const report = (await buildReport(db, q, now))!;
				const masked = marks(report);
				if (masked.length === 0) continue;
				found = true;
				// The page data carries n and the mark only.
				for (const c of masked) expect(c.share).toBeNull();
				const tables = reportTables(report, t);
				// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the page outside SvelteKit
				const html = render(ReportPage as any, {
					props: {
						data: {
							report,
							lastClosed: '2025-Q4',
							tables,
							splitLabels: splitLabels(t, report),
							search: `kwartaal=${quarter}`
						}
					},
					context: new Map([[I18N_CONTEXT, tr]])
				}).body;
				const words = [...new Set(masked.map((c) => t(`report.extreme.${c.extreme}`)))];
				for (const w of words) expect(html, `${quarter} ${gemeente}`).toContain(w);
				const csv = tables.map((x) => tableCsv(x, t)).join('');
				for (const w of words) expect(csv).toContain(w);
				expect(tables.some((x) => x.rows.flat().some((c) => c.t === 'extreme'))).toBe(true);
			}
		expect(found).toBe(true);
	}, 600_000);
});
