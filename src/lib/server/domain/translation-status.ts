import { count, sql } from 'drizzle-orm';
import type { Db } from '../db/open';
import { instrumentText, topicText } from '../db/schema';

export interface TextStatusRow {
	language: string;
	kind: 'topic' | 'instrument';
	checked: number;
	concept: number;
}

/**
 * How many content texts exist per language and how many are still "concept" (a draft a
 * native speaker must check). Dutch is the source and is seeded as checked.
 */
export async function contentTextStatus(db: Db): Promise<TextStatusRow[]> {
	const per = async (
		kind: TextStatusRow['kind'],
		table: typeof topicText | typeof instrumentText
	) => {
		const rows = await db
			.select({
				language: table.language,
				checked: count(sql`case when ${table.status} = 'checked' then 1 end`),
				concept: count(sql`case when ${table.status} = 'concept' then 1 end`)
			})
			.from(table)
			.groupBy(table.language);
		return rows.map((r) => ({ kind, ...r }));
	};
	return [...(await per('topic', topicText)), ...(await per('instrument', instrumentText))].sort(
		(a, b) => a.language.localeCompare(b.language) || a.kind.localeCompare(b.kind)
	);
}
