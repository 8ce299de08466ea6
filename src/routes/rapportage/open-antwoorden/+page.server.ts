import { error } from '@sveltejs/kit';
import { requireRole } from '$lib/server/kit/guard';
import { reportContext } from '$lib/server/report/report';
import { openAnswers } from '$lib/server/report/open-answers';
import { reportSearch } from '$lib/server/report/report-query';
import { closedReportQuery } from '$lib/server/report/periods';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	requireRole(locals, 'reporter', url);
	const { parsed } = await closedReportQuery(locals.db, url);
	if (!parsed.ok) error(400, locals.t(parsed.error));
	const ctx = await reportContext(locals.db, parsed.query);
	if (!ctx) error(404, locals.t('report.errors.badGemeente'));
	return {
		query: parsed.query,
		gemeente: ctx.selected?.name ?? null,
		search: reportSearch(parsed.query),
		open: await openAnswers(locals.db, ctx)
	};
};
