import { withLineEndsNormalized } from '../../forms/line-ends';

/**
 * The form of a POST, with every text's line breaks as "\n" (see forms/line-ends.ts). Every
 * action reads its form here, never with `request.formData()` (the lint refuses that), so a
 * length limit counts a line break once whichever form it is.
 */
export async function postedForm(request: Request): Promise<FormData> {
	return withLineEndsNormalized(await request.formData());
}
