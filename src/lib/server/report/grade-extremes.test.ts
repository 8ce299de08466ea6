import { describe, expect, it } from 'vitest';
import { satisfactionOf } from './satisfaction';
import { linkYearToQuarters } from './period-link';
import { reportTables } from './report-tables';
import { tableCsv } from './report-csv';
import type { Report } from './report';
import type { ReportContext } from './context';
import type { Row } from './rows';

// A mean rapportcijfer of exactly 10 (or 1) tells that every respondent in the group gave a 10
// (or a 1), like a share of 100% (docs/REPORT.md "Extreme shares"): it is shown as words from
// N_MIN answers on, hidden below, and cannot be worked out as the dienst's sum of grades less
// the other gemeenten'.

const G = ['g1', 'g2', 'g3'];
const ctx = (selected: string | null): ReportContext => {
	const gemeenten = G.map((id) => ({ id, code: id, name: id, languages: ['nl'] }));
	return {
		gemeenten,
		selected: gemeenten.find((g) => g.id === selected) ?? null,
		quarters: ['2025-Q2'],
		from: '2025-04-01',
		to: '2025-06-30'
	};
};

/** Grades per gemeente and segment: [gemeente, segment, grade, count]; every split filled. */
function tally(grades: [string, string, number, number][]): Row[] {
	const out: Row[] = [];
	for (const [m, segment, value, n] of grades)
		for (const [split, c] of [
			['segment', segment],
			['language', 'nl'],
			['instrument', 'none'],
			['trigger', 'periodic']
		])
			out.push({ m, split, c, item: 'grade', value, n });
	return out;
}

// g1: 25 answers, every one a 10 (both segments). g2: 12 answers of 1. g3: mixed, large.
const LIST = tally([
	['g1', 'werk', 10, 13],
	['g1', 'perspectief', 10, 12],
	['g2', 'werk', 1, 12],
	['g3', 'werk', 7, 20],
	['g3', 'werk', 5, 15],
	['g3', 'perspectief', 8, 18],
	['g3', 'perspectief', 6, 11]
]);

const gradeOf = (selected: string | null) => satisfactionOf(LIST, ctx(selected), ['grade']).grade!;

const t = (key: string) => key;

/** The smallest report the tables need around a grade. */
function report(grade: ReturnType<typeof gradeOf>): Report {
	return {
		methods: { versions: [], invited: {}, invitedAnswered: {}, answered: {}, late: {} },
		satisfaction: [],
		grade: { ...grade, colourMean: null, colourFail: null },
		trend: { quarters: [], items: [] },
		uses: {
			byInstrument: { rows: [], total: { cells: {} } },
			bySegment: { rows: [], total: { cells: {} } }
		},
		effect: {
			outflow: { rows: [], total: { cells: {} } },
			during: { rows: [] },
			within6: { rows: [] },
			within12: { rows: [] },
			ladder: { rows: [], total: { cells: {} } }
		},
		bestand: {
			segment: { rows: [], total: { cells: {} } },
			age: { rows: [], total: { cells: {} } },
			duration: { rows: [], total: { cells: {} } },
			statushouder: { rows: [], total: { cells: {} } }
		},
		instrumentNames: {},
		itemTexts: {}
	} as unknown as Report;
}

describe('the mean rapportcijfer of a group that all gave the same extreme grade', () => {
	it('is words, not 10, from 20 answers on; hidden below 20 (not 1)', () => {
		const g1 = gradeOf('g1');
		expect(g1.n).toBe(25);
		expect(g1.mean).toBeNull();
		expect(g1.meanExtreme).toBe('all');
		const g2 = gradeOf('g2');
		expect(g2.n).toBe(12);
		expect(g2.mean).toBeNull();
		expect(g2.meanExtreme).toBe('hidden');
		// The segments of g1 (13 and 12 answers of 10): hidden.
		for (const s of g1.segments) {
			expect(s.mean, s.key).toBeNull();
			expect(s.meanExtreme, s.key).toBe('hidden');
		}
	});

	it('mixed grades keep their mean', () => {
		const list = tally([
			['g1', 'werk', 10, 20],
			['g1', 'werk', 8, 5],
			['g2', 'werk', 1, 11],
			['g2', 'werk', 4, 11],
			['g3', 'werk', 7, 20],
			['g3', 'werk', 5, 15]
		]);
		const mean = (x: string | null) => satisfactionOf(list, ctx(x), ['grade']).grade!;
		expect(mean('g1').mean).toBeCloseTo(240 / 25, 10);
		expect(mean('g2').mean).toBeCloseTo(55 / 22, 10);
		expect(mean('g3').mean).toBeCloseTo(215 / 35, 10);
		expect(mean(null).meanExtreme).toBeUndefined();
	});

	it('a mean that would read 10,0 (at least 9,95) is words too', () => {
		// 39 tens and one 9: 9,975.
		const list = tally([
			['g1', 'werk', 10, 39],
			['g1', 'werk', 9, 1],
			['g3', 'werk', 7, 30]
		]);
		const g1 = satisfactionOf(list, ctx('g1'), ['grade']).grade!;
		expect(g1.mean).toBeNull();
		expect(g1.meanExtreme).toBe('all');
	});

	it('the dienst less the other gemeenten does not give the sum of grades back', () => {
		// What a reader can add up: mean × n of every shown mean.
		const sum = (g: { n: number | null; mean: number | null }) =>
			g.n !== null && g.mean !== null ? Math.round(g.n * g.mean) : null;
		const dienst = sum(gradeOf(null));
		const others = ['g2', 'g3'].map((x) => sum(gradeOf(x)));
		const recoverable = dienst !== null && others.every((x) => x !== null);
		expect(recoverable).toBe(false);
	});

	it('page table and CSV show the words, never a 10', () => {
		const tables = reportTables(report(gradeOf('g1')), t);
		const grade = tables.find((x) => x.id === 'grade')!;
		expect(grade.rows[0]![1]).toEqual({ t: 'extreme', v: 'grade10' });
		const csv = tableCsv(grade, t);
		expect(csv).toContain('report.extreme.grade10');
		expect(csv).not.toMatch(/;10(,0)?[;\r]/);
		const hidden = reportTables(report(gradeOf('g2')), t).find((x) => x.id === 'grade')!;
		expect(hidden.rows[0]![1]).toEqual({ t: 'hidden', why: 'secondary' });
	});

	it('a year masks a mean masked in one of its quarters', () => {
		const quarter = report(gradeOf('g1'));
		const year = structuredClone(quarter);
		(year.grade as { mean: number | null }).mean = 9.2;
		delete (year.grade as { meanExtreme?: string }).meanExtreme;
		const linked = linkYearToQuarters(year, [quarter, quarter, quarter, quarter]);
		expect(linked.grade!.mean).toBeNull();
		expect((linked.grade as { meanExtreme?: string }).meanExtreme).toBe('hidden');
	});
});
