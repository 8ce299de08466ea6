import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { AUDIT_ACTIONS, AUDIT_FACTS } from './audit';

const nl = JSON.parse(readFileSync('messages/nl.json', 'utf8'));
const at = (path: string) => path.split('.').reduce((o, k) => o?.[k], nl);

describe('the audit log in words', () => {
	it('has a Dutch sentence for every action and a label for every fact shown', () => {
		for (const a of AUDIT_ACTIONS) expect(typeof at(`security.auditAction.${a}`), a).toBe('string');
		for (const f of AUDIT_FACTS) expect(typeof at(`security.auditFact.${f}`), f).toBe('string');
	});
});
