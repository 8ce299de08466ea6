import { fail } from '@sveltejs/kit';
import { z } from 'zod';
import { requireRole } from '$lib/server/kit/guard';
import { DEFAULT_PREFERENCES, savePreferences } from '$lib/server/client/preferences';
import { vapidKeys } from '$lib/server/keys';
import type { Actions, PageServerLoad } from './$types';
import { postedForm } from '$lib/server/kit/posted-form';

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requireRole(locals, 'client', url);
	return {
		preferences: { ...DEFAULT_PREFERENCES, ...user.preferences },
		// The public half of the VAPID pair: the browser needs it to subscribe this device.
		vapidPublicKey: vapidKeys().publicKey
	};
};

const checkbox = z
	.literal('on')
	.optional()
	.transform((v) => v === 'on');
const form = z.object({
	readAloud: checkbox,
	textSize: z.enum(['normal', 'large', 'larger']),
	notifyEmail: checkbox,
	notifyInApp: checkbox
});

export const actions: Actions = {
	default: async ({ request, locals }) => {
		const user = requireRole(locals, 'client');
		const parsed = form.safeParse(Object.fromEntries(await postedForm(request)));
		if (!parsed.success) return fail(400, { error: 'invalid' });
		await savePreferences(locals.db, user.id, parsed.data);
		return { saved: true };
	}
};
