import { describe, expect, it } from 'vitest';
import { emailChannel, inboxChannel, NOTICE_KINDS, renderNotice } from './notifications';
import type { Transporter } from 'nodemailer';
import type { Db } from '../db/open';

describe('notice texts', () => {
	it('shows the appointment time on an Amsterdam clock in the reader’s language', () => {
		const notice = { kind: 'appointmentMoved' as const, params: { when: '2026-07-03T08:30:00Z' } };
		expect(renderNotice('nl', notice).text).toBe(
			'Je afspraak is nu op vrijdag 3 juli 2026 om 10:30.'
		);
		const ar = renderNotice('ar', notice).text;
		expect(ar).toContain('10:30');
		expect(ar).toMatch(/[\u0600-\u06FF]/);
	});

	it('has a title and a body for every kind in every language, never a bare key', () => {
		for (const lang of ['nl', 'en', 'ar']) {
			for (const kind of NOTICE_KINDS) {
				const { subject, text } = renderNotice(lang, {
					kind,
					params: { when: '2026-12-03T09:00:00Z', name: 'Sanne', version: '2' }
				});
				expect(subject).not.toContain('notifications.');
				expect(text).not.toContain('notifications.');
			}
		}
	});

	it('speaks every language Wegwijs has, never Dutch in its place', () => {
		const dutch = renderNotice('nl', { kind: 'requestAnswered', params: {} }).subject;
		for (const lang of ['en', 'ar', 'fa', 'prs', 'ti', 'tr', 'uk', 'so'] as const) {
			const subject = renderNotice(lang, { kind: 'requestAnswered', params: {} }).subject;
			expect(subject, lang).not.toBe(dutch);
			expect(subject, lang).not.toBe('notifications.requestAnswered.subject');
		}
	});
});

describe('channels', () => {
	const person = (email: string | null, notifyEmail?: boolean) => ({
		id: 'u',
		email,
		language: 'nl',
		preferences: { notifyEmail }
	});
	it('e-mails only people with an address who asked for e-mail; the inbox takes everyone', () => {
		const mail = emailChannel({ transport: null, from: 'a@b.example' });
		expect(mail.accepts(person('x@y.example', true))).toBe(true);
		expect(mail.accepts(person('x@y.example'))).toBe(false);
		expect(mail.accepts(person(null, true))).toBe(false);
		expect(inboxChannel.accepts(person(null))).toBe(true);
	});
});

describe('e-mail', () => {
	it('links absolutely from ORIGIN, in the reader’s language, with a plain-text part and no message text', async () => {
		const sent: Record<string, string>[] = [];
		const transport = {
			sendMail: async (m: Record<string, string>) => void sent.push(m)
		} as unknown as Transporter;
		const mail = emailChannel({
			transport,
			from: 'Wegwijs <noreply@x.example>',
			origin: 'https://wegwijs.example'
		});
		await mail.deliver(
			null as unknown as Db,
			{ id: 'u', email: 'k@x.example', language: 'tr', preferences: { notifyEmail: true } },
			{ kind: 'newMessage', params: {}, link: '/berichten' }
		);
		const m = sent[0]!;
		expect(m.subject).toBe(renderNotice('tr', { kind: 'newMessage', params: {} }).subject);
		expect(m.subject).not.toBe(renderNotice('nl', { kind: 'newMessage', params: {} }).subject);
		expect(m.text).toContain('https://wegwijs.example/berichten');
		expect(m.text).not.toMatch(/(^|\s)\/berichten/);
		expect(m.html).toContain('href="https://wegwijs.example/berichten"');
	});

	it('leaves a link out rather than send one a mail program cannot open', async () => {
		const sent: Record<string, string>[] = [];
		const transport = {
			sendMail: async (m: Record<string, string>) => void sent.push(m)
		} as unknown as Transporter;
		const mail = emailChannel({ transport, from: 'a@b.example', origin: null });
		await mail.deliver(
			null as unknown as Db,
			{ id: 'u', email: 'k@x.example', language: 'nl', preferences: { notifyEmail: true } },
			{ kind: 'newMessage', params: {}, link: '/berichten' }
		);
		expect(sent[0]!.text).not.toContain('/berichten');
	});
});
