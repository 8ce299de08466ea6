import type { Row } from './rows';

// Language groups of the satisfaction tables (issue #13, docs/REPORT.md "Indicator
// definitions"): the languages each gemeente offers, every other language "Andere taal".

/**
 * The language split's rows per gemeente with every language that gemeente does not offer
 * (any more) counted as 'other', added up per (gemeente, category, item, value).
 */
export function groupLanguages(list: Row[], offers: Map<string, readonly string[]>): Row[] {
	const out = new Map<string, Row>();
	for (const r of list) {
		const offered = offers.get(String(r.m)) ?? [];
		const c = offered.includes(String(r.c)) ? String(r.c) : 'other';
		const id = `${String(r.m)}|${c}|${String(r.item)}|${String(r.value)}`;
		const acc = out.get(id);
		if (acc) acc.n = Number(acc.n) + Number(r.n);
		else out.set(id, { ...r, c, n: Number(r.n) });
	}
	return [...out.values()];
}

/**
 * The language columns a selection shows: the languages of its gemeente's offer (of the whole
 * dienst: every gemeente's), then 'other', in the order of `seen` (the categories with answers).
 */
export function languageColumns(
	seen: string[],
	offers: Map<string, readonly string[]>,
	selected: string | null
): string[] {
	const offered = new Set(
		selected === null ? [...offers.values()].flat() : (offers.get(selected) ?? [])
	);
	return seen.filter((c) => c === 'other' || offered.has(c));
}
