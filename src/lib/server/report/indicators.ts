// The indicator maths of the council report (DOMAIN.md "The council report"), as plain
// functions. SQL does the counting; these define what the counts mean.

const Z95 = 1.959963984540054;

/** 95% Wilson score interval for k successes out of n (Newcombe 1998, method 3). */
export function wilson(k: number, n: number, z = Z95): { low: number; high: number } | null {
	if (n <= 0 || k < 0 || k > n) return null;
	const p = k / n;
	const z2 = z * z;
	const denominator = 1 + z2 / n;
	const centre = p + z2 / (2 * n);
	const half = z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
	return {
		low: Math.max(0, (centre - half) / denominator),
		high: Math.min(1, (centre + half) / denominator)
	};
}

/** Counts per answer value (agreement 0–5, 0 = weet ik niet). */
export type ValueCounts = Partial<Record<number, number>>;

/**
 * % (helemaal) eens: answers 4 and 5 among the valid answers 1–5. "Weet ik niet" (0) is not a
 * valid answer and stays out of both the count and the base.
 */
export function agreeShare(counts: ValueCounts) {
	let n = 0;
	let k = 0;
	for (let v = 1; v <= 5; v++) {
		const c = counts[v] ?? 0;
		n += c;
		if (v >= 4) k += c;
	}
	const dontKnow = counts[0] ?? 0;
	return { n, k, dontKnow, share: n > 0 ? k / n : null, interval: wilson(k, n) };
}

/** Rapportcijfer 1–10: the mean and the share onvoldoende (below 6). */
export function gradeStats(counts: ValueCounts) {
	let n = 0;
	let sum = 0;
	let fail = 0;
	for (let v = 1; v <= 10; v++) {
		const c = counts[v] ?? 0;
		n += c;
		sum += c * v;
		if (v < 6) fail += c;
	}
	return { n, sum, mean: n > 0 ? sum / n : null, failShare: n > 0 ? fail / n : null, fail };
}

export interface OutflowRow {
	clientId: string;
	date: string;
	reason: string;
}

/**
 * Outflow by reason in a period, each client counted once: a client who left twice (a second
 * benefit period ended too) counts with their last outflow in the period.
 */
export function outflowByReason(
	rows: OutflowRow[],
	from: string,
	to: string
): Record<string, number> {
	const last = new Map<string, OutflowRow>();
	for (const r of rows) {
		if (r.date < from || r.date > to) continue;
		const seen = last.get(r.clientId);
		if (!seen || r.date > seen.date) last.set(r.clientId, r);
	}
	const out: Record<string, number> = {};
	for (const r of last.values()) out[r.reason] = (out[r.reason] ?? 0) + 1;
	return out;
}

/** Reasons that count as leaving for work or education in the effect indicator. */
export const WORK_OR_EDUCATION = ['werk', 'werk_lks', 'opleiding'] as const;

/** YYYY-MM-DD plus whole months; the 31st becomes the last day of a shorter month. */
export function addMonths(day: string, months: number): string {
	const [y, m, d] = day.split('-').map(Number) as [number, number, number];
	const target = new Date(Date.UTC(y, m - 1 + months, 1));
	const last = new Date(
		Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)
	).getUTCDate();
	target.setUTCDate(Math.min(d, last));
	return target.toISOString().slice(0, 10);
}

/** The effect windows councils ask for (docs/REPORT.md "Indicator definitions"). */
export type EffectWindow = 'during' | 6 | 12;

/**
 * One instrument use judged in one window.
 * - `during`: a work or education outflow from its first to its last day, both included ('yes'
 *   or 'no'). An instrument ended by outflow to work is a hit here.
 * - 6 or 12: only for a use the client finished while still on the benefit. Any outflow from its
 *   first to its last day (whatever the reason) makes it 'left': it is out of this base (it is
 *   counted in `during`), so leaving during the instrument is never a hit "after" it. Otherwise
 *   'yes' for a work or education outflow from the day after the end up to and including
 *   `months` after the end; 'pending' while that last day has not passed; else 'no'.
 */
export function effectWithin(
	use: { startDate: string; endDate: string },
	outflows: { date: string; reason: string }[],
	window: EffectWindow,
	today: string
): 'yes' | 'no' | 'pending' | 'left' {
	const work = (o: { reason: string }) =>
		(WORK_OR_EDUCATION as readonly string[]).includes(o.reason);
	const inUse = (o: { date: string }) => o.date >= use.startDate && o.date <= use.endDate;
	if (window === 'during') return outflows.some((o) => work(o) && inUse(o)) ? 'yes' : 'no';
	if (outflows.some(inUse)) return 'left';
	const until = addMonths(use.endDate, window);
	if (outflows.some((o) => work(o) && o.date > use.endDate && o.date <= until)) return 'yes';
	// The window's last day (`until`) is part of it: work found that day still counts, so the
	// use is judged only from the day after (docs/REPORT.md "Indicator definitions").
	return until >= today ? 'pending' : 'no';
}

/**
 * A client with several ended instruments counts once: 'yes' when any of them is followed by
 * work or education in the window, else 'pending' while any window is open, else 'no'; 'left'
 * (out of the base) only when they left during every one of them.
 */
export function clientEffect(
	uses: { startDate: string; endDate: string }[],
	outflows: { date: string; reason: string }[],
	window: EffectWindow,
	today: string
): 'yes' | 'no' | 'pending' | 'left' {
	const judged = uses.map((u) => effectWithin(u, outflows, window, today));
	for (const v of ['yes', 'pending', 'no'] as const) if (judged.includes(v)) return v;
	return 'left';
}

export interface Norm {
	green: number;
	orange: number;
	higherIsBetter: boolean;
}

/**
 * Green, orange or red against the raad's norm. Higher is better: green at or above `green`,
 * orange at or above `orange`, red below. Lower is better: the same, mirrored.
 */
export function normColour(value: number, norm: Norm): 'green' | 'orange' | 'red' {
	if (norm.higherIsBetter) {
		if (value >= norm.green) return 'green';
		return value >= norm.orange ? 'orange' : 'red';
	}
	if (value <= norm.green) return 'green';
	return value <= norm.orange ? 'orange' : 'red';
}

/**
 * The smallest base (answers, invitations or clients) for a norm colour. Below it the 95%
 * interval is too wide to judge against a norm: at n = 30 and a share near 50% it runs about
 * 17 points either way (docs/REPORT.md "Norm colours").
 */
export const NORM_MIN_N = 30;

export type Verdict = 'green' | 'orange' | 'red' | 'few' | 'uncertain';

/**
 * The norm colour a council may read: 'few' ("te weinig antwoorden") when the base is below
 * NORM_MIN_N; 'uncertain' ("onzeker") when the 95% interval holds a value on the other side of
 * the green or the orange threshold than the figure itself (the colour could differ); else
 * the colour of the figure. `interval` in the norm's unit; null when there is none (the mean).
 */
export function normVerdict(
	value: number,
	n: number,
	interval: { low: number; high: number } | null,
	norm: Norm
): Verdict {
	if (n < NORM_MIN_N) return 'few';
	const colour = normColour(value, norm);
	if (
		interval &&
		(normColour(interval.low, norm) !== colour || normColour(interval.high, norm) !== colour)
	)
		return 'uncertain';
	return colour;
}
