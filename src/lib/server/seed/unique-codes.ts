import { z } from 'zod';

/** A non-empty list of content entries whose `code`s must be unique (named in the error). */
export function listWithUniqueCodes<T extends z.ZodType<{ code: string }>>(entry: T) {
	return z
		.array(entry)
		.min(1)
		.superRefine((list, ctx) => {
			const seen = new Set<string>();
			for (const [i, item] of list.entries()) {
				if (seen.has(item.code)) {
					ctx.addIssue({
						code: 'custom',
						path: [i, 'code'],
						message: `duplicate code ${item.code}`
					});
				}
				seen.add(item.code);
			}
		});
}
