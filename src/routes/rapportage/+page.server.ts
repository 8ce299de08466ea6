import { error } from '@sveltejs/kit';
import { requireRole } from '$lib/server/kit/guard';
import { closedReportQuery, publishedReport } from '$lib/server/report/periods';
import { reportTables, splitLabels } from '$lib/server/report/report-tables';
import { reportSearch } from '$lib/server/report/report-query';
import { readerLabels } from '$lib/server/report/reader-labels';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	requireRole(locals, 'reporter', url);
	const { lastClosed, parsed } = await closedReportQuery(locals.db, url);
	if (!parsed.ok) error(400, locals.t(parsed.error));
	const built = await publishedReport(locals.db, parsed.query);
	if (!built) error(404, locals.t('report.errors.badGemeente'));
	// Statements and instrument names in the reader's language; the CSV keeps the Dutch ones.
	const labels = await readerLabels(locals.db, built, locals.lang);
	return {
		report: built,
		lastClosed,
		labels,
		tables: reportTables(built, locals.t, locals.lang, labels),
		splitLabels: splitLabels(locals.t, built, locals.lang, labels),
		search: reportSearch(parsed.query)
	};
};
