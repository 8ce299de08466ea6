import type { ParamMatcher } from '@sveltejs/kit';

/** /beheer/teksten/onderwerp/… (rights and duties) or /beheer/teksten/hulp/… (instruments). */
export const match: ParamMatcher = (param) => param === 'onderwerp' || param === 'hulp';
