import { describe, expect, it } from 'vitest';
import { isSafeVideoLink } from './video-link';
import { appointmentSchema } from './appointment-form';
import type { AppointmentView } from './appointment-view';
import { toIcs } from './calendar-file';

const form = (videoUrl: string) =>
	appointmentSchema.safeParse({
		date: '2031-03-03',
		start: '10:00',
		minutes: '30',
		kind: 'video',
		place: '',
		videoUrl,
		purpose: 'Gesprek',
		bring: ''
	});

const BAD = [
	'javascript:alert(1)',
	'data:text/html,<script>alert(1)</script>',
	'file:///etc/passwd',
	'http://video.example/room',
	'https://video.example/a b',
	'https://video.example/\nX-Evil: 1',
	'https://'
];

describe('video links', () => {
	it('accepts only https links without spaces or control characters', () => {
		expect(isSafeVideoLink('https://video.wegwijs.example/lars-visser-a1')).toBe(true);
		for (const bad of BAD) expect(isSafeVideoLink(bad), bad).toBe(false);
	});
	it('refuses the same links in the appointment form', () => {
		expect(form('https://meet.example/abc?pw=1').success).toBe(true);
		expect(form('').success).toBe(true);
		for (const bad of BAD) expect(form(bad).success, bad).toBe(false);
	});
	it('still makes the calendar file when a stored link breaks the rule', () => {
		const a = {
			id: '00000000-0000-4000-8000-000000000001',
			startsAt: '2031-03-03T09:00:00.000Z',
			endsAt: '2031-03-03T09:30:00.000Z',
			status: 'planned',
			videoUrl: 'https://video.example/a b'
		} as unknown as AppointmentView;
		const ics = toIcs(a, { title: 'Afspraak', description: 'x' });
		expect(ics).toContain('BEGIN:VEVENT');
		expect(ics).not.toContain('video.example');
	});
});
