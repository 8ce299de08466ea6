import { describe, expect, it } from 'vitest';
import { pickVoice } from './read-aloud';

const voice = (lang: string, localService = true) => ({ lang, localService, default: false });

describe('read-aloud voice', () => {
	it('picks a voice for the page language, preferring one on the phone', () => {
		const v = pickVoice([voice('en-US'), voice('ar-SA', false), voice('ar-EG')], 'ar');
		expect(v?.lang).toBe('ar-EG');
	});
	it('gives no voice rather than a wrong one', () => {
		expect(pickVoice([voice('en-US'), voice('am-ET')], 'ti')).toBeNull();
	});
	it('uses only an Afghan Persian voice for Dari, never an Iranian one', () => {
		expect(pickVoice([voice('fa-IR')], 'prs')).toBeNull();
		expect(pickVoice([voice('fa-IR'), voice('fa-AF')], 'prs')?.lang).toBe('fa-AF');
	});
	it('accepts Dutch from Belgium when there is no Dutch from the Netherlands', () => {
		expect(pickVoice([voice('nl_BE')], 'nl')?.lang).toBe('nl_BE');
	});
});
