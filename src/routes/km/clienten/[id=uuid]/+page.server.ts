import { error } from '@sveltejs/kit';
import { requireRole, inCaseload } from '$lib/server/kit/guard';
import { parseForm } from '$lib/forms/form-data';
import { fieldError } from '$lib/forms/errors';
import { staffAction } from '$lib/server/kit/staff-action';
import { answerSchema, moveClientSchema, segmentSchema } from '$lib/forms/km-forms';
import { setSegment } from '$lib/server/caseload/segment';
import * as caseload from '$lib/server/caseload/caseload';
import * as clientFile from '$lib/server/caseload/client-file';
import * as clientRequests from '$lib/server/appointments/client-requests';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const staff = requireRole(locals, 'klantmanager', url);
	const file = await inCaseload(locals, () => clientFile.openFile(locals.db, staff, params.id));
	if (!file) error(404, locals.t('errors.notFound'));
	const lead = await caseload.isTeamLead(locals.db, staff);
	const team = lead ? await caseload.teamMembers(locals.db, staff) : [];
	return { file, team, segments: caseload.SEGMENTS };
};

export const actions: Actions = {
	answer: staffAction({
		tag: { form: 'answer' },
		parse: (form) => parseForm(answerSchema, form),
		run: ({ db, staff, params }, input) =>
			clientRequests.answerRequest(db, staff, params.id!, input),
		done: () => ({ done: true }),
		refused: (r) => ({ errors: fieldError('answer', `km.errors.${r.error}`) })
	}),
	segment: staffAction({
		tag: { form: 'segment' },
		parse: (form) => parseForm(segmentSchema, form),
		run: ({ db, staff, params }, input) =>
			setSegment(db, staff, { clientId: params.id!, segment: input.segment }),
		done: () => ({ done: true }),
		refused: (r) => ({ errors: fieldError('segment', `km.errors.segment_${r.error}`) })
	}),
	move: staffAction({
		tag: { form: 'move' },
		parse: (form) => parseForm(moveClientSchema, form),
		run: ({ db, staff, params }, input) =>
			caseload.moveClient(db, staff, { clientId: params.id!, toKlantmanagerId: input.to }),
		done: () => ({ done: true }),
		refused: (r) => ({ errors: fieldError('to', `km.errors.${r.error}`) })
	})
};
