import { describe, expect, it } from 'vitest';
import { openApiDocument } from './openapi';
import {
	syncAppointmentsBody,
	syncAssignmentsBody,
	syncClientsBody,
	syncInstrumentUsesBody,
	syncLadderStepsBody,
	syncOutflowBody
} from './schemas';

// The document is generated from the schemas the endpoints parse with: these tests check that
// it describes what the endpoints really accept, so a change to a schema shows up in it.

const doc = openApiDocument();
type Schema = {
	properties?: Record<string, unknown>;
	required?: string[];
	additionalProperties?: boolean;
};
const schema = (id: string) => doc.components.schemas[id] as Schema;

describe('the OpenAPI document of /api/v1', () => {
	it('is OpenAPI 3.1 with every route, a bearer key and problem answers', () => {
		expect(doc.openapi).toBe('3.1.0');
		expect(Object.keys(doc.paths).sort()).toEqual([
			'/appointments',
			'/clients',
			'/instrument-uses',
			'/klantmanagers',
			'/ladder-steps',
			'/outflow'
		]);
		expect(doc.components.securitySchemes.apiKey).toMatchObject({ type: 'http', scheme: 'bearer' });
		const paths = doc.paths as Record<string, Record<string, { responses: object }>>;
		const ops = Object.values(paths).flatMap((p) => Object.values(p));
		expect(ops).toHaveLength(6);
		for (const op of ops) {
			expect(Object.keys(op.responses)).toEqual(
				expect.arrayContaining(['400', '401', '403', '429'])
			);
			expect(JSON.stringify((op.responses as Record<string, unknown>)['401'])).toContain(
				'application/problem+json'
			);
		}
	});

	it('holds every field of the zod schemas, the same required ones, and no extra fields', () => {
		const client = schema('SyncClient');
		const shape = syncClientsBody.shape.clients.element.shape;
		expect(Object.keys(client.properties!).sort()).toEqual(Object.keys(shape).sort());
		// Input view: fields with a default may be left out.
		expect(client.required!.sort()).toEqual(['benefitStart', 'birthDate', 'clientNumber', 'name']);
		expect(client.additionalProperties).toBe(false);
		const outflow = schema('SyncOutflowRequest');
		expect(Object.keys(outflow.properties!).sort()).toEqual(
			Object.keys(syncOutflowBody.shape).sort()
		);
		expect(outflow.required!.sort()).toEqual(['clientNumber', 'date', 'reason']);
		// The reasons are the database's own list.
		expect(JSON.stringify(outflow.properties!.reason)).toContain('andere_uitkering');
	});

	it('describes each item of the other import kinds as its zod schema does', () => {
		const cases = [
			['SyncAssignment', syncAssignmentsBody.shape.assignments.element.shape],
			['SyncAppointment', syncAppointmentsBody.shape.appointments.element.shape],
			['SyncInstrumentUse', syncInstrumentUsesBody.shape.instrumentUses.element.shape],
			['SyncLadderStep', syncLadderStepsBody.shape.ladderSteps.element.shape]
		] as const;
		for (const [id, shape] of cases) {
			expect(Object.keys(schema(id).properties!).sort(), id).toEqual(Object.keys(shape).sort());
			expect(schema(id).additionalProperties, id).toBe(false);
		}
		expect(schema('SyncAppointment').required!.sort()).toEqual([
			'clientNumber',
			'date',
			'endTime',
			'id',
			'kind',
			'purpose',
			'staffEmail',
			'startTime'
		]);
		expect(JSON.stringify(schema('SyncInstrumentUse').properties!.outcome)).toContain(
			'stopped_early'
		);
	});

	it('every $ref points to a schema in the document', () => {
		const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"#\/components\/schemas\/(\w+)"/g)].map(
			(m) => m[1]!
		);
		expect(refs.length).toBeGreaterThan(5);
		for (const r of refs) expect(doc.components.schemas, r).toHaveProperty(r);
	});
});
