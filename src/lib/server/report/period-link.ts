import type { Report } from './report';
import { derivedIndicators } from './council-indicators';

// A year and its four quarters protected together (issue #13, docs/REPORT.md "Suppression").
// The quarters are published first and frozen; the year may not undo their suppression. A
// year cell is shown only when the same cell is shown in each of its quarters: then every
// figure of the year is the sum (or, for a stock, the last) of figures already published, and
// solving the year together with its quarters gives a reader nothing the quarters did not.
// Every hidden cell of the year is "verborgen", never "< 10": that a year figure is under 10
// (or was shown before the quarters hid it) would bound the hidden quarters beneath it.

const FIGURES = ['n', 'share', 'low', 'high', 'mean', 'failShare'] as const;
/** The marks of a masked share (extremes.ts) and the figures they take away. */
const MASKS = [
	['extreme', ['share', 'low', 'high']],
	['failExtreme', ['failShare']],
	['meanExtreme', ['mean']]
] as const;

type Node = Record<string, unknown>;

const isCell = (o: Node) => 'hidden' in o && 'n' in o;

/** Children of an object or array by a name that stays the same between reports. */
function children(v: unknown): Map<string, unknown> {
	const out = new Map<string, unknown>();
	if (Array.isArray(v))
		v.forEach((x, i) => {
			const o = x as Node | null;
			const name = o && typeof o === 'object' ? (o.key ?? o.code ?? i) : i;
			out.set(String(name), x);
		});
	else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) out.set(k, x);
	return out;
}

/** The year report with every cell hidden that is hidden in one of its quarters. */
export function linkYearToQuarters(year: Report, quarters: Report[]): Report {
	const copy = structuredClone(year);
	const walk = (y: unknown, qs: unknown[]) => {
		if (!y || typeof y !== 'object') return;
		const o = y as Node;
		if (!Array.isArray(y) && isCell(o)) {
			const hiddenInAQuarter = qs.some(
				(q) => q && typeof q === 'object' && isCell(q as Node) && (q as Node).hidden !== false
			);
			// A stock (bestand, running) at the end of the year is its last quarter's figure.
			const last = qs[qs.length - 1] as Node | undefined;
			const sameAsLast = last && isCell(last) && last.hidden === false && last.n === o.n;
			if (o.hidden !== false || (hiddenInAQuarter && o.n !== 0 && !sameAsLast)) {
				for (const f of FIGURES) if (f in o) o[f] = null;
				o.hidden = 'secondary';
				delete o.extreme;
				delete o.failExtreme;
				delete o.meanExtreme;
			} else
				// A share masked in a quarter (extremes.ts) is masked in the year too: the year's k
				// less the other quarters' would give the quarter's k back.
				for (const [mark, figures] of MASKS)
					if (
						!o[mark] &&
						qs.some((q) => q && typeof q === 'object' && (q as Node)[mark] !== undefined)
					) {
						o[mark] = 'hidden';
						for (const f of figures) if (f in o) o[f] = null;
					}
		}
		const qChildren = qs.map(children);
		for (const [name, child] of children(y)) {
			if (name === 'norms' || name === 'trend') continue;
			walk(
				child,
				qChildren.map((c) => c.get(name))
			);
		}
	};
	walk(copy, quarters);
	// Rates, shares and medians worked out from cells the year now hides are hidden too.
	if (copy.indicators)
		copy.indicators = derivedIndicators(copy.indicators, copy.quarters, copy.bestand);
	return copy;
}
