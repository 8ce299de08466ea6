import { describe, expect, it } from 'vitest';
import { parseForm } from '../../forms/form-data';
import { handhavingSchema, parseCorrection, withdrawSchema } from './handhaving-form';

const form = (fields: Record<string, string>) => {
	const f = new FormData();
	for (const [k, v] of Object.entries(fields)) f.append(k, v);
	return f;
};

// What the no-JavaScript form sends: every field, also those of the kinds not chosen.
const all = {
	kind: 'maatregel',
	decidedOn: '2026-11-20',
	ground: 'arbeid',
	percentage: '100',
	periodStart: '2026-12-01',
	periodEnd: '2026-12-31',
	amount: '',
	reason: ' Niet gekomen. '
};

describe('the handhaving form', () => {
	it('reads a maatregel and ignores the amount field', () => {
		expect(parseForm(handhavingSchema, form(all))).toEqual({
			ok: true,
			data: { ...all, percentage: 100, reason: 'Niet gekomen.', amount: undefined }
		});
	});

	it('reads a boete or terugvordering in cents and ignores the maatregel fields', () => {
		for (const kind of ['boete', 'terugvordering'])
			expect(parseForm(handhavingSchema, form({ ...all, kind, amount: '1.250,50' }))).toEqual({
				ok: true,
				data: { kind, decidedOn: '2026-11-20', amountCents: 125_050, reason: 'Niet gekomen.' }
			});
	});

	it('refuses a missing or unknown kind with a message on the kind', () => {
		for (const kind of ['', 'waarschuwing']) {
			const r = parseForm(handhavingSchema, form({ ...all, kind }));
			expect(r.ok).toBe(false);
			if (!r.ok) expect(r.errors.kind).toEqual({ key: 'errors.required' });
		}
	});

	it('takes a percentage of 0 to 100, whole numbers only', () => {
		for (const ok of ['0', '20', '100'])
			expect(parseForm(handhavingSchema, form({ ...all, percentage: ok })).ok, ok).toBe(true);
		for (const bad of ['101', '-1', '50.5', '1e2', 'abc']) {
			const r = parseForm(handhavingSchema, form({ ...all, percentage: bad }));
			expect(r.ok, bad).toBe(false);
			if (!r.ok) expect(r.errors.percentage).toEqual({ key: 'km.handhaving.errors.percentage' });
		}
		const empty = parseForm(handhavingSchema, form({ ...all, percentage: '' }));
		expect(!empty.ok && empty.errors.percentage).toEqual({ key: 'errors.required' });
	});

	it('puts a period error on its last day and keeps what was typed', () => {
		const r = parseForm(handhavingSchema, form({ ...all, periodEnd: '2026-11-30' }));
		expect(r.ok).toBe(false);
		if (!r.ok) {
			expect(r.errors.periodEnd).toEqual({ key: 'km.handhaving.errors.period_end_before_start' });
			expect(r.values).toMatchObject({ ...all, periodEnd: '2026-11-30' });
		}
		const long = parseForm(handhavingSchema, form({ ...all, periodEnd: '2027-12-01' }));
		expect(!long.ok && long.errors.periodEnd).toEqual({
			key: 'km.handhaving.errors.period_too_long'
		});
	});

	it('refuses an amount that is not one, or out of range', () => {
		const at = (amount: string) => {
			const r = parseForm(handhavingSchema, form({ ...all, kind: 'boete', amount }));
			return r.ok ? null : r.errors.amount;
		};
		expect(at('12,345')).toEqual({ key: 'km.handhaving.errors.amount' });
		expect(at('0')).toEqual({ key: 'km.handhaving.errors.amountRange' });
		expect(at('1000000,01')).toEqual({ key: 'km.handhaving.errors.amountRange' });
		expect(at('')).toEqual({ key: 'errors.required' });
	});

	it('needs a reason and a real date', () => {
		const r = parseForm(handhavingSchema, form({ ...all, reason: '   ', decidedOn: '2026-02-30' }));
		expect(!r.ok && r.errors).toMatchObject({
			reason: { key: 'errors.required' },
			decidedOn: { key: 'errors.invalid' }
		});
	});

	it('a correction needs the entry and its revision as well as the fields', () => {
		const r = parseCorrection(form({ ...all, id: 'nope', percentage: '200' }));
		expect(!r.ok && Object.keys(r.errors).sort()).toEqual(['id', 'percentage', 'revision']);
		const ok = parseCorrection(
			form({ ...all, id: '7f9c2a52-3c1e-4b7a-9d51-0f3a8f1c2b3d', revision: '2' })
		);
		expect(ok.ok && ok.data).toMatchObject({
			id: '7f9c2a52-3c1e-4b7a-9d51-0f3a8f1c2b3d',
			revision: 2,
			percentage: 100
		});
	});

	it('withdrawing needs a day and a reason', () => {
		const r = parseForm(
			withdrawSchema,
			form({ id: '7f9c2a52-3c1e-4b7a-9d51-0f3a8f1c2b3d', revision: '1' })
		);
		expect(!r.ok && Object.keys(r.errors).sort()).toEqual(['withdrawnOn', 'withdrawnReason']);
	});
});
