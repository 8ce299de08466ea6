import { describe, expect, it } from 'vitest';
import { openApiDocument } from './openapi';
import { syncClientsBody, syncOutflowBody } from './schemas';

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
	it('is OpenAPI 3.1 with both routes, a bearer key and problem answers', () => {
		expect(doc.openapi).toBe('3.1.0');
		expect(Object.keys(doc.paths).sort()).toEqual(['/clients', '/outflow']);
		expect(doc.components.securitySchemes.apiKey).toMatchObject({ type: 'http', scheme: 'bearer' });
		for (const op of [doc.paths['/clients'].put, doc.paths['/outflow'].post]) {
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

	it('every $ref points to a schema in the document', () => {
		const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"#\/components\/schemas\/(\w+)"/g)].map(
			(m) => m[1]!
		);
		expect(refs.length).toBeGreaterThan(5);
		for (const r of refs) expect(doc.components.schemas, r).toHaveProperty(r);
	});
});
