import { and, asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../db/open';
import { norm } from '../db/schema';
import * as audit from '../audit/audit';

// The raad's targets per indicator per year. Percentages are whole percents; the
// rapportcijfer is stored in tenths (7,0 is 70) because the norm columns are integers.

export const NORM_INDICATORS = [
	{ code: 'agree.serious', unit: 'pct', higherIsBetter: true },
	{ code: 'agree.together', unit: 'pct', higherIsBetter: true },
	{ code: 'agree.easy', unit: 'pct', higherIsBetter: true },
	{ code: 'agree.fits', unit: 'pct', higherIsBetter: true },
	{ code: 'agree.closer', unit: 'pct', higherIsBetter: true },
	{ code: 'agree.rights', unit: 'pct', higherIsBetter: true },
	{ code: 'grade.mean', unit: 'grade', higherIsBetter: true },
	{ code: 'grade.fail', unit: 'pct', higherIsBetter: false },
	{ code: 'response.rate', unit: 'pct', higherIsBetter: true },
	{ code: 'effect.work6', unit: 'pct', higherIsBetter: true },
	{ code: 'effect.work12', unit: 'pct', higherIsBetter: true },
	{ code: 'inflow.work12', unit: 'pct', higherIsBetter: true },
	{ code: 'duration.over4', unit: 'pct', higherIsBetter: false },
	{ code: 'plan.agreed', unit: 'pct', higherIsBetter: true },
	{ code: 'answer.question', unit: 'pct', higherIsBetter: true }
] as const;
export type NormIndicator = (typeof NORM_INDICATORS)[number]['code'];

export interface NormRow {
	indicator: string;
	year: number;
	green: number;
	orange: number;
	higherIsBetter: boolean;
}

export async function normsForYear(db: Db, year: number): Promise<NormRow[]> {
	return db
		.select({
			indicator: norm.indicator,
			year: norm.year,
			green: norm.green,
			orange: norm.orange,
			higherIsBetter: norm.higherIsBetter
		})
		.from(norm)
		.where(eq(norm.year, year))
		.orderBy(asc(norm.indicator));
}

const number = (max: number) =>
	z
		.string()
		.trim()
		.min(1, 'errors.required')
		.regex(/^\d{1,3}([.,]\d)?$/, 'report.norms.errors.number')
		.transform((v) => Number(v.replace(',', '.')))
		.refine((v) => v >= 0 && v <= max, 'report.norms.errors.range');

/** The norm form: both thresholds, in the indicator's unit; green must be the stricter one. */
export function normFormSchema(indicator: (typeof NORM_INDICATORS)[number]) {
	const max = indicator.unit === 'grade' ? 10 : 100;
	return z
		.object({
			year: z.coerce.number().int().min(2000).max(2100),
			green: number(max),
			orange: number(max)
		})
		.refine((v) => (indicator.higherIsBetter ? v.green >= v.orange : v.green <= v.orange), {
			path: ['orange'],
			message: indicator.higherIsBetter
				? 'report.norms.errors.orangeAbove'
				: 'report.norms.errors.orangeBelow'
		});
}

export function indicatorOf(code: string) {
	return NORM_INDICATORS.find((i) => i.code === code) ?? null;
}

/** A norm's bounds as the audit shows them: "green / orange" in the indicator's own unit. */
function boundsText(row: { indicator: string; green: number; orange: number }): string {
	const scale = indicatorOf(row.indicator)?.unit === 'grade' ? 10 : 1;
	return `${row.green / scale} / ${row.orange / scale}`;
}

async function currentNorm(db: Db, indicator: string, year: number) {
	const [row] = await db
		.select({ indicator: norm.indicator, green: norm.green, orange: norm.orange })
		.from(norm)
		.where(and(eq(norm.indicator, indicator), eq(norm.year, year)));
	return row ?? null;
}

/** Sets (or replaces) the norm for one indicator and year; on record with before and after. */
export async function setNorm(
	db: Db,
	input: { indicator: NormIndicator; year: number; green: number; orange: number; userId: string }
): Promise<void> {
	const ind = indicatorOf(input.indicator)!;
	const scale = ind.unit === 'grade' ? 10 : 1;
	const values = {
		indicator: input.indicator,
		year: input.year,
		green: Math.round(input.green * scale),
		orange: Math.round(input.orange * scale),
		higherIsBetter: ind.higherIsBetter,
		setBy: input.userId
	};
	const before = await currentNorm(db, input.indicator, input.year);
	await db
		.insert(norm)
		.values(values)
		.onConflictDoUpdate({
			target: [norm.indicator, norm.year],
			set: {
				green: values.green,
				orange: values.orange,
				setBy: values.setBy,
				higherIsBetter: values.higherIsBetter
			}
		});
	await audit.record(db, {
		actorId: input.userId,
		clientId: null,
		action: 'norm.update',
		detail: {
			name: input.indicator,
			year: input.year,
			before: before ? boundsText(before) : null,
			after: boundsText(values)
		}
	});
}

export async function removeNorm(
	db: Db,
	indicator: string,
	year: number,
	userId: string
): Promise<void> {
	const before = await currentNorm(db, indicator, year);
	if (!before) return;
	await db.delete(norm).where(and(eq(norm.indicator, indicator), eq(norm.year, year)));
	await audit.record(db, {
		actorId: userId,
		clientId: null,
		action: 'norm.remove',
		detail: { name: indicator, year, before: boundsText(before) }
	});
}
