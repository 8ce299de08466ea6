import { error } from '@sveltejs/kit';
import { requireRole } from '$lib/server/kit/guard';
import { closedReportQuery, publishedReport } from '$lib/server/report/periods';
import { reportTables } from '$lib/server/report/report-tables';
import { tableCsv } from '$lib/server/report/report-csv';
import type { RequestHandler } from './$types';

/** One report table as CSV, with the same suppression as on screen. */
export const GET: RequestHandler = async ({ locals, url, params }) => {
	requireRole(locals, 'reporter');
	const { parsed } = await closedReportQuery(locals.db, url);
	if (!parsed.ok) error(400, locals.t(parsed.error));
	const built = await publishedReport(locals.db, parsed.query);
	if (!built) error(404, locals.t('report.errors.badGemeente'));
	const table = reportTables(built, locals.t, locals.lang).find((t) => t.id === params.table);
	if (!table) error(404, locals.t('report.errors.badTable'));
	const name = `wegwijs-${table.id}-${parsed.query.gemeente ?? 'totaal'}-${parsed.query.quarter}${parsed.query.period === 'year' ? '-4kw' : ''}.csv`;
	// ?opmaak=plain: comma-separated with decimal points for other programs; the default is
	// what Dutch Excel opens in columns. Anything else is the default (nothing to refuse).
	const format = url.searchParams.get('opmaak') === 'plain' ? 'plain' : 'nl';
	return new Response(tableCsv(table, locals.t, format), {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="${name}"`
		}
	});
};
