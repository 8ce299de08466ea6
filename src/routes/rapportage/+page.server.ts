import { error } from '@sveltejs/kit';
import { requireRole } from '$lib/server/kit/guard';
import * as report from '$lib/server/report/report';
import { reportTables } from '$lib/server/report/report-tables';
import { parseReportQuery, reportSearch } from '$lib/server/report/report-query';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	requireRole(locals, 'reporter', url);
	const parsed = parseReportQuery(url);
	if (!parsed.ok) error(400, locals.t(parsed.error));
	const built = await report.buildReport(locals.db, parsed.query);
	if (!built) error(404, locals.t('report.errors.badGemeente'));
	return {
		report: built,
		tables: reportTables(built, locals.t),
		search: reportSearch(parsed.query)
	};
};
