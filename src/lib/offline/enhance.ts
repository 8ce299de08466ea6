import type { SubmitFunction } from '@sveltejs/kit';
import type { ClientAction } from '$lib/actions/schema';
import { outbox } from './outbox.svelte';

/**
 * For `use:enhance`: instead of posting the form, put the action in the offline queue (which
 * sends it at once when online). Without JavaScript the form posts to its action as usual.
 */
export function viaOutbox(
	build: (form: FormData) => ClientAction | null,
	after?: () => void
): SubmitFunction {
	return ({ formData, cancel }) => {
		const action = build(formData);
		if (!action) return; // let the server answer with its validation message
		cancel();
		void outbox.enqueue(action).then(() => after?.());
	};
}
