// Deterministic randomness for generated data: the same seed gives the same data set.

// ── Randomness and dates ──────────────────────────────────────────────────────

/** Tiny deterministic PRNG (mulberry32): same seed, same data set. */
export function mulberry32(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

export class Rng {
	readonly next: () => number;
	constructor(seed: number) {
		this.next = mulberry32(seed);
	}
	/** Integer in [min, max], both included. */
	int(min: number, max: number): number {
		return min + Math.floor(this.next() * (max - min + 1));
	}
	chance(p: number): boolean {
		return this.next() < p;
	}
	pick<T>(items: readonly T[]): T {
		return items[Math.floor(this.next() * items.length)]!;
	}
	weighted<T>(entries: readonly (readonly [T, number])[]): T {
		let total = 0;
		for (const [, w] of entries) total += w;
		let r = this.next() * total;
		for (const [value, w] of entries) {
			r -= w;
			if (r < 0) return value;
		}
		return entries[entries.length - 1]![0];
	}
	/** Standard normal (Box–Muller). */
	normal(): number {
		const u = 1 - this.next();
		return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * this.next());
	}
	shuffle<T>(items: T[]): T[] {
		for (let i = items.length - 1; i > 0; i--) {
			const j = Math.floor(this.next() * (i + 1));
			[items[i], items[j]] = [items[j]!, items[i]!];
		}
		return items;
	}
	hex(length: number): string {
		let s = '';
		while (s.length < length) s += Math.floor(this.next() * 16).toString(16);
		return s;
	}
}

export function maxDate(a: Date, b: Date): Date {
	return a.getTime() >= b.getTime() ? a : b;
}
export function minDate(a: Date, b: Date): Date {
	return a.getTime() <= b.getTime() ? a : b;
}
export function between(rng: Rng, from: Date, to: Date): Date {
	if (to.getTime() <= from.getTime()) return from;
	return new Date(from.getTime() + Math.floor(rng.next() * (to.getTime() - from.getTime())));
}
