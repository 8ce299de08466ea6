import { describe, expect, it } from 'vitest';
import {
	bounds,
	cellId,
	lineTerms,
	pinned,
	suppress,
	tableLines,
	type Line,
	type Visibility
} from './suppression';

/**
 * The attacker: knows every shown figure and that each line adds up. Solves any line with one
 * unknown left, again and again, and returns what they could work out.
 */
function attack(cells: Map<string, number>, lines: Line[], state: Map<string, Visibility>) {
	const known = new Map<string, number>();
	for (const [id, n] of cells) if (state.get(id) === 'shown') known.set(id, n);
	for (let progress = true; progress;) {
		progress = false;
		for (const line of lines) {
			const members = [line.total, ...line.parts].filter((id) => cells.has(id));
			const unknown = members.filter((id) => !known.has(id));
			if (unknown.length !== 1) continue;
			const [id] = unknown as [string];
			const partsSum = line.parts.reduce((s, p) => s + (p === id ? 0 : (known.get(p) ?? 0)), 0);
			known.set(id, id === line.total ? partsSum : known.get(line.total)! - partsSum);
			progress = true;
		}
	}
	return [...cells.keys()].filter((id) => state.get(id) !== 'shown' && known.has(id));
}

function grid(rows: string[], cols: string[], values: number[][]) {
	const cells = new Map<string, number>();
	rows.forEach((r, i) => cols.forEach((c, j) => cells.set(cellId(r, c), values[i]![j]!)));
	for (const r of rows)
		cells.set(
			cellId(r, '*'),
			cols.reduce((s, c) => s + cells.get(cellId(r, c))!, 0)
		);
	for (const c of [...cols, '*']) {
		cells.set(
			cellId('*', c),
			rows.reduce((s, r) => s + cells.get(cellId(r, c))!, 0)
		);
	}
	return cells;
}

describe('suppress', () => {
	it('hides a cell under 10 and shows 10 and zero', () => {
		const cells = new Map([
			['a', 9],
			['b', 10],
			['c', 0]
		]);
		const state = suppress(cells, []);
		expect(Object.fromEntries(state)).toEqual({ a: 'primary', b: 'shown', c: 'shown' });
	});

	it('one small segment next to a total: a second cell is hidden so the total gives nothing away', () => {
		const cells = new Map([
			['total', 59],
			['werk', 4],
			['perspectief', 30],
			['meedoen', 25]
		]);
		const lines = [{ total: 'total', parts: ['werk', 'perspectief', 'meedoen'] }];
		const state = suppress(cells, lines);
		expect(state.get('werk')).toBe('primary');
		expect(state.get('meedoen')).toBe('secondary');
		expect(state.get('perspectief')).toBe('shown');
		expect(state.get('total')).toBe('shown');
		expect(attack(cells, lines, state)).toEqual([]);
	});

	it('a zero next to a small cell does not protect it', () => {
		const cells = new Map([
			['total', 40],
			['a', 0],
			['b', 3],
			['c', 37]
		]);
		const lines = [{ total: 'total', parts: ['a', 'b', 'c'] }];
		const state = suppress(cells, lines);
		expect(state.get('c')).toBe('secondary');
		expect(attack(cells, lines, state)).toEqual([]);
	});

	it('a gemeente with one client: the dienst total does not give it away', () => {
		const cells = new Map([
			['*', 101],
			['klein', 1],
			['midden', 40],
			['groot', 60]
		]);
		const lines = [{ total: '*', parts: ['klein', 'midden', 'groot'] }];
		const state = suppress(cells, lines);
		expect(state.get('klein')).toBe('primary');
		expect(state.get('midden')).toBe('secondary');
		expect(attack(cells, lines, state)).toEqual([]);
	});

	it('gemeente × segment with margins: hiding within the gemeente is not enough, the dienst column would leak', () => {
		const rows = ['a', 'b', 'c'];
		const cols = ['werk', 'perspectief', 'meedoen'];
		const cells = grid(rows, cols, [
			[4, 30, 25],
			[20, 40, 33],
			[15, 22, 50]
		]);
		const lines = tableLines(rows, cols);
		// Only hiding inside gemeente a (one line) still leaks through the werk column.
		const naive = new Map(suppress(cells, [lines[0]!]));
		expect(attack(cells, lines, naive)).toContain(cellId('a', 'werk'));
		const state = suppress(cells, lines);
		expect(attack(cells, lines, state)).toEqual([]);
		expect(state.get(cellId('a', 'werk'))).toBe('primary');
	});

	it('hides a total only when no part is left: the size of each gemeente and of the dienst stay visible', () => {
		// Gemeente a has 1 client in meedoen; gemeente b none in perspectief.
		const rows = ['a', 'b'];
		const cols = ['werk', 'perspectief', 'meedoen'];
		const cells = grid(rows, cols, [
			[13, 11, 1],
			[12, 0, 22]
		]);
		const lines = tableLines(rows, cols);
		const state = suppress(cells, lines);
		for (const total of ['a|*', 'b|*', '*|*']) expect(state.get(total), total).toBe('shown');
		expect(attack(cells, lines, state)).toEqual([]);
		expect(
			pinned(
				cells,
				lines.map((l) => ({ terms: lineTerms(l) })),
				state
			)
		).toEqual([]);
	});

	it('the dienst total per segment stays visible when the gemeenten can be protected among themselves', () => {
		// Small gemeente a (2 in werk) and b (2 in perspectief): hiding inside the gemeenten is enough.
		const rows = ['a', 'b', 'c'];
		const cols = ['werk', 'perspectief'];
		const cells = grid(rows, cols, [
			[2, 0],
			[13, 2],
			[20, 10]
		]);
		const lines = tableLines(rows, cols);
		const state = suppress(cells, lines);
		for (const total of ['*|werk', '*|perspectief', '*|*'])
			expect(state.get(total), total).toBe('shown');
		expect(attack(cells, lines, state)).toEqual([]);
		expect(
			pinned(
				cells,
				lines.map((l) => ({ terms: lineTerms(l) })),
				state
			)
		).toEqual([]);
	});

	it('two splits of the same total (segment and language) are both protected', () => {
		const rows = ['a', 'b'];
		const cells = new Map<string, number>();
		const add = (r: string, c: string, n: number) => cells.set(cellId(r, c), n);
		add('a', '*', 50);
		add('b', '*', 60);
		add('*', '*', 110);
		for (const [c, na, nb] of [
			['seg:werk', 20, 25],
			['seg:meedoen', 30, 35],
			['lang:nl', 45, 52],
			['lang:ar', 5, 8]
		] as const) {
			add('a', c, na);
			add('b', c, nb);
			add('*', c, na + nb);
		}
		const lines = [
			...tableLines(rows, ['seg:werk', 'seg:meedoen']),
			...tableLines(rows, ['lang:nl', 'lang:ar'])
		];
		const state = suppress(cells, lines);
		expect(state.get(cellId('a', 'lang:ar'))).toBe('primary');
		expect(state.get(cellId('b', 'lang:ar'))).toBe('primary');
		expect(attack(cells, lines, state)).toEqual([]);
	});

	it('random tables never leak a hidden cell to the attacker', () => {
		let seed = 7;
		const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
		for (let t = 0; t < 300; t++) {
			const rows = ['a', 'b', 'c', 'd'].slice(0, 2 + Math.floor(rnd() * 3));
			const cols = ['w', 'p', 'm', 'x'].slice(0, 2 + Math.floor(rnd() * 3));
			const values = rows.map(() => cols.map(() => Math.floor(rnd() ** 2 * 40)));
			const cells = grid(rows, cols, values);
			const lines = tableLines(rows, cols);
			const state = suppress(cells, lines);
			expect(attack(cells, lines, state)).toEqual([]);
			// Nor to a reader who knows the bounds the rule gives away (1–9, 10 or more).
			const equations = lines.map((l) => ({ terms: lineTerms(l) }));
			expect(pinned(cells, equations, state), JSON.stringify(values)).toEqual([]);
			for (const [id, n] of cells) if (n > 0 && n < 10) expect(state.get(id)).not.toBe('shown');
		}
	});
});

describe('suppress at its edges', () => {
	it('when no other part can be hidden (zeros), the total is hidden instead', () => {
		const cells = new Map([
			['total', 12],
			['werk', 4],
			['perspectief', 0]
		]);
		const state = suppress(cells, [{ total: 'total', parts: ['werk', 'perspectief'] }]);
		expect(Object.fromEntries(state)).toEqual({
			total: 'secondary',
			werk: 'primary',
			perspectief: 'shown'
		});
	});

	it('a line may name cells the table does not have; they neither hide nor protect', () => {
		const cells = new Map([
			['total', 40],
			['a', 30],
			['b', 10]
		]);
		const state = suppress(cells, [{ total: 'total', parts: ['a', 'b', 'missing'] }]);
		expect([...state.values()].every((v) => v === 'shown')).toBe(true);
	});

	it('a line whose only hidden cell is a zero total hides nothing more', () => {
		const cells = new Map([
			['total', 0],
			['a', 0]
		]);
		expect(Object.fromEntries(suppress(cells, [{ total: 'total', parts: ['a'] }]))).toEqual({
			total: 'shown',
			a: 'shown'
		});
	});

	it('a table with margins has a line per row and per column, totals marked *', () => {
		expect(tableLines(['g1'], ['werk'])).toEqual([
			{ total: 'g1|*', parts: ['g1|werk'] },
			{ total: '*|*', parts: ['*|werk'] },
			{ total: '*|werk', parts: ['g1|werk'] },
			{ total: '*|*', parts: ['g1|*'] }
		]);
	});
});

describe('suppress when nothing is left to hide', () => {
	it('a small total whose parts are all zero stays hidden alone (nothing else to pick)', () => {
		const cells = new Map([
			['total', 5],
			['a', 0]
		]);
		expect(Object.fromEntries(suppress(cells, [{ total: 'total', parts: ['a'] }]))).toEqual({
			total: 'primary',
			a: 'shown'
		});
	});

	it('a line whose total is not a cell of the table never adds that total', () => {
		const cells = new Map([['a', 5]]);
		const state = suppress(cells, [{ total: 'not-a-cell', parts: ['a'] }]);
		expect(Object.fromEntries(state)).toEqual({ a: 'primary' });
	});
});

describe('suppress against an attacker who knows the rule (a hidden cell is 1–9 or, secondary, 10 or more)', () => {
	it('two hidden cells that can only be 1 each: a third cell is hidden', () => {
		// 1 + 1 + 30 = 32: the two hidden cells add up to 2 and each is at least 1.
		const cells = new Map([
			['total', 32],
			['werk', 1],
			['perspectief', 1],
			['meedoen', 30]
		]);
		const line = { total: 'total', parts: ['werk', 'perspectief', 'meedoen'] };
		const state = suppress(cells, [line]);
		expect(state.get('meedoen')).toBe('secondary');
		expect(pinned(cells, [{ terms: lineTerms(line) }], state)).toEqual([]);
	});

	it('the cell hidden beside a pinned one is in its own table; another table is left alone', () => {
		// An unrelated split by age band (listed first), and 1 + 1 + 30 = 32 by segment.
		const cells = new Map([
			['total', 32],
			['werk', 1],
			['perspectief', 1],
			['meedoen', 30],
			['age:*', 50],
			['age:18-26', 20],
			['age:27+', 30]
		]);
		const lines = [
			{ total: 'age:*', parts: ['age:18-26', 'age:27+'] },
			{ total: 'total', parts: ['werk', 'perspectief', 'meedoen'] }
		];
		const state = suppress(cells, lines);
		expect(state.get('meedoen')).toBe('secondary');
		for (const id of ['age:*', 'age:18-26', 'age:27+']) expect(state.get(id), id).toBe('shown');
		expect(
			pinned(
				cells,
				lines.map((l) => ({ terms: lineTerms(l) })),
				state
			)
		).toEqual([]);
	});

	it('two hidden cells of 9: their sum 18 pins both (each at most 9), so more is hidden', () => {
		const cells = new Map([
			['total', 68],
			['a', 9],
			['b', 9],
			['c', 50]
		]);
		const line = { total: 'total', parts: ['a', 'b', 'c'] };
		const state = suppress(cells, [line]);
		expect(state.get('c')).toBe('secondary');
		expect(pinned(cells, [{ terms: lineTerms(line) }], state)).toEqual([]);
	});

	it('an extra equation (inflow − outflow = growth of the bestand) is protected too', () => {
		// inflow 9, outflow 1, the bestand grew by 8: inflow − outflow = 8 pins both.
		const cells = new Map([
			['inflow', 9],
			['outflow', 1],
			['size', 108],
			['before', 100]
		]);
		const identity = {
			terms: [
				['size', -1],
				['before', 1],
				['inflow', 1],
				['outflow', -1]
			] as [string, number][],
			fixed: ['size', 'before']
		};
		// With "< 10" on both they are pinned, and the bestand cannot be hidden…
		expect(pinned(cells, [identity], suppress(cells, [], { equations: [identity] }))).toEqual([
			'inflow',
			'outflow'
		]);
		// …so both are published as "verborgen", which bounds neither.
		const state = suppress(cells, [], { equations: [identity], kinds: false });
		expect(Object.fromEntries(state)).toEqual({
			inflow: 'secondary',
			outflow: 'secondary',
			size: 'shown',
			before: 'shown'
		});
		expect(pinned(cells, [identity], state, false)).toEqual([]);
	});
});

describe('pinned: what a reader who knows the rule works out', () => {
	it('a "verborgen" cell is at least 10: 11 = "< 10" + "verborgen" gives both away', () => {
		const cells = new Map([
			['total', 11],
			['a', 1],
			['b', 10]
		]);
		const state = new Map<string, Visibility>([
			['total', 'shown'],
			['a', 'primary'],
			['b', 'secondary']
		]);
		const line = { terms: lineTerms({ total: 'total', parts: ['a', 'b'] }) };
		expect(pinned(cells, [line], state)).toEqual(['a', 'b']);
	});

	it('a reader chains relations: b from the second line, then a from the first', () => {
		// 13 = a + b and 15 = b + 5: b is 10, so a is 3.
		const cells = new Map([
			['a', 3],
			['b', 10],
			['c', 5],
			['first', 13],
			['second', 15]
		]);
		const state = new Map<string, Visibility>([
			['a', 'primary'],
			['b', 'secondary'],
			['c', 'shown'],
			['first', 'shown'],
			['second', 'shown']
		]);
		const lines = [
			{ total: 'first', parts: ['a', 'b'] },
			{ total: 'second', parts: ['b', 'c'] }
		];
		expect(
			pinned(
				cells,
				lines.map((l) => ({ terms: lineTerms(l) })),
				state
			)
		).toEqual(['a', 'b']);
	});

	it('a line that names a cell the table does not have still gives the others away', () => {
		const cells = new Map([
			['total', 11],
			['a', 1],
			['b', 10]
		]);
		const state = new Map<string, Visibility>([
			['total', 'shown'],
			['a', 'primary'],
			['b', 'secondary']
		]);
		const line = { terms: lineTerms({ total: 'total', parts: ['a', 'b', 'not-a-cell'] }) };
		expect(pinned(cells, [line], state)).toEqual(['a', 'b']);
	});

	it('a hidden total whose parts are all shown is worked out by adding them up', () => {
		const cells = new Map([
			['total', 5],
			['a', 5],
			['b', 0]
		]);
		const state = new Map<string, Visibility>([
			['total', 'primary'],
			['a', 'shown'],
			['b', 'shown']
		]);
		const line = { terms: lineTerms({ total: 'total', parts: ['a', 'b'] }) };
		expect(pinned(cells, [line], state)).toEqual(['total']);
	});

	it('a relation with a coefficient (people = singles + 2 × couples) is solved for the cell, written either way round', () => {
		// The report's own relations have coefficients +1 and −1 only; an Equation may have any.
		const cells = new Map([
			['people', 20],
			['singles', 14],
			['couples', 3]
		]);
		for (const sign of [1, -1]) {
			const relation = {
				terms: [
					['singles', sign],
					['couples', 2 * sign],
					['people', -sign]
				] as [string, number][]
			};
			// Singles shown: couples = (20 − 14) / 2 = 3.
			const singlesShown = new Map<string, Visibility>([
				['people', 'shown'],
				['singles', 'shown'],
				['couples', 'primary']
			]);
			expect(pinned(cells, [relation], singlesShown), `sign ${sign}`).toEqual(['couples']);
			// Singles hidden beside it ("verborgen", at least 10): couples is 1–5 and singles 10–18.
			const singlesHidden = new Map<string, Visibility>([
				['people', 'shown'],
				['singles', 'secondary'],
				['couples', 'primary']
			]);
			expect(pinned(cells, [relation], singlesHidden), `sign ${sign}`).toEqual([]);
		}
	});
});

describe('suppress with a rule of its own and room to keep (sums of euros)', () => {
	const line = { total: '*', parts: ['a', 'b', 'c', 'd'] };
	const sumOf = (values: Record<string, number>) =>
		new Map([...Object.entries(values), ['*', Object.values(values).reduce((s, x) => s + x, 0)]]);
	const room = (cells: Map<string, number>, state: Map<string, Visibility>, id: string) => {
		const { lo, hi } = bounds(cells, [{ terms: lineTerms(line) }], state, false);
		const v = cells.get(id)!;
		return Math.min(hi.get(id)! - v, v - lo.get(id)!);
	};

	it('hides only the cells its rule names (5 cents is no count of 5), all as "verborgen"', () => {
		const cells = sumOf({ a: 5, b: 500_000, c: 700_000, d: 0 });
		const none = suppress(cells, [line], { primary: [], kinds: false });
		expect([...none.values()].every((v) => v === 'shown')).toBe(true);
		const state = suppress(cells, [line], { primary: ['b'], kinds: false });
		expect(state.get('b')).toBe('secondary');
		// One more beside it (the smallest), so the total less the others does not give it.
		expect(state.get('a')).toBe('secondary');
		expect(state.get('c')).toBe('shown');
		expect(state.get('d')).toBe('shown');
	});

	it('gives a protected cell a partner large enough for its room, not just the smallest', () => {
		const cells = sumOf({ a: 1_000, b: 10, c: 400, d: 5_000 });
		const protection = new Map([['a', 300]]);
		const state = suppress(cells, [line], { primary: ['a'], protection, kinds: false });
		expect([...state].filter(([, v]) => v !== 'shown').map(([id]) => id)).toEqual(['a', 'c']);
		expect(room(cells, state, 'a')).toBeGreaterThanOrEqual(300);
		// Without the room to keep, the smallest part protects it against being pinned only.
		const plain = suppress(cells, [line], { primary: ['a'], kinds: false });
		expect(plain.get('b')).toBe('secondary');
		expect(room(cells, plain, 'a')).toBeLessThan(300);
	});

	it('hides more when no single cell gives the room', () => {
		const cells = sumOf({ a: 1_000, b: 100, c: 150, d: 0 });
		const protection = new Map([['a', 300]]);
		const state = suppress(cells, [line], { primary: ['a'], protection, kinds: false });
		expect(room(cells, state, 'a')).toBeGreaterThanOrEqual(300);
	});
});
