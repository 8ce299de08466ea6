import { error } from '@sveltejs/kit';
import { requireRole } from '$lib/server/kit/guard';
import { closedReportQuery, publishedReport } from '$lib/server/report/periods';
import { reportTables, splitLabels } from '$lib/server/report/report-tables';
import { reportSearch } from '$lib/server/report/report-query';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	requireRole(locals, 'reporter', url);
	const { lastClosed, parsed } = await closedReportQuery(locals.db, url);
	if (!parsed.ok) error(400, locals.t(parsed.error));
	const built = await publishedReport(locals.db, parsed.query);
	if (!built) error(404, locals.t('report.errors.badGemeente'));
	return {
		report: built,
		lastClosed,
		tables: reportTables(built, locals.t, locals.lang),
		splitLabels: splitLabels(locals.t, built, locals.lang),
		search: reportSearch(parsed.query)
	};
};
