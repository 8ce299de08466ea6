/**
 * The figures of the report's methods box, in the order of the first rows of the methods table
 * (report-tables.ts). The page takes each label from its own row, so a figure can never sit
 * under another figure's label (it did: a new row shifted "Respons" onto the answer count).
 */
export const METHOD_FACTS = [
	'invited',
	'invitedAnswered',
	'answered',
	'responseRate',
	'late'
] as const;

export type MethodFact = (typeof METHOD_FACTS)[number];
