import { z } from 'zod';
import * as s from './schemas';
import { API_CALLS_PER_MINUTE } from './rate-limit';

// The OpenAPI document of /api/v1, generated from the zod schemas the endpoints parse with
// (zod 4's own JSON Schema output; OpenAPI 3.1 uses JSON Schema 2020-12 as is). Nothing here
// is written by hand except the paths and the words around them.

const RECORDS = [
	{
		path: '/klantmanagers',
		id: 'syncAssignments',
		request: 'SyncAssignmentsRequest',
		summary: "Assign klantmanagers to clients of the key's gemeente (file kind klantmanagers)"
	},
	{
		path: '/appointments',
		id: 'syncAppointments',
		request: 'SyncAppointmentsRequest',
		summary: "Create or update appointments by the benefit system's id (file kind afspraken)"
	},
	{
		path: '/instrument-uses',
		id: 'syncInstrumentUses',
		request: 'SyncInstrumentUsesRequest',
		summary:
			"Create or update instrument uses with their outcome by the benefit system's id (file kind instrumenten)"
	},
	{
		path: '/ladder-steps',
		id: 'syncLadderSteps',
		request: 'SyncLadderStepsRequest',
		summary: 'Record participatieladder steps by client and date (file kind ladder)'
	}
] as const;
const REQUESTS = [
	'SyncClient',
	'SyncClientsRequest',
	'SyncOutflowRequest',
	'SyncAssignment',
	'SyncAppointment',
	'SyncInstrumentUse',
	'SyncLadderStep',
	...RECORDS.map((r) => r.request)
] as const;
const RESPONSES = ['SyncClientsResult', 'SyncOutflowResult', 'Problem'] as const;

function components(io: 'input' | 'output', ids: readonly string[]) {
	const all = z.toJSONSchema(z.globalRegistry, {
		io,
		target: 'draft-2020-12',
		uri: (id) => `#/components/schemas/${id}`
	}).schemas;
	return Object.fromEntries(
		ids.map((id) => {
			const { $schema: _s, $id: _i, ...schema } = all[id] as Record<string, unknown>;
			return [id, schema];
		})
	);
}

const dryRun = {
	name: 'dryRun',
	in: 'query',
	required: false,
	schema: { type: 'boolean' },
	description: 'Check and count, write nothing.'
};

const ref = (id: string) => ({ $ref: `#/components/schemas/${id}` });
const problems = (...codes: number[]) =>
	Object.fromEntries(
		codes.map((c) => [
			String(c),
			{
				description: PROBLEM_TEXT[c] ?? 'Problem',
				content: { 'application/problem+json': { schema: ref('Problem') } }
			}
		])
	);
const PROBLEM_TEXT: Record<number, string> = {
	400: 'Invalid body: one error per field, with a JSON pointer; nothing was applied.',
	401: 'No key, an unknown key or a revoked key.',
	403: "The key's scope does not allow this call.",
	404: "No client with this number in the key's gemeente.",
	409: 'Conflicts with what Wegwijs already holds; nothing was applied.',
	413: 'Body larger than 2 MB.',
	415: 'Body is not application/json.',
	429: `More than ${API_CALLS_PER_MINUTE} calls a minute for this key; see Retry-After.`
};

export function openApiDocument() {
	// Touch the schemas module so its .meta({ id }) registrations have run.
	void s.syncClientsBody;
	return {
		openapi: '3.1.0',
		info: {
			title: 'Wegwijs sync API',
			version: '1',
			description:
				"For the benefit administration's nightly job. Each key belongs to one gemeente and one scope (clients, which also covers klantmanagers, appointments, instrument uses and ladder steps; or outflow); made and revoked in /beheer/api-sleutels. Calls are idempotent: sending the same data again changes nothing. See docs/API.md."
		},
		servers: [{ url: '/api/v1' }],
		security: [{ apiKey: [] }],
		paths: {
			'/clients': {
				put: {
					operationId: 'syncClients',
					summary: "Create or update clients of the key's gemeente, by client number",
					description:
						'The same rules as the CSV import (docs/IMPORT.md): all clients are written or none; an equal client is unchanged; nothing is deleted. Scope: clients.',
					parameters: [dryRun],
					requestBody: {
						required: true,
						content: { 'application/json': { schema: ref('SyncClientsRequest') } }
					},
					responses: {
						'200': {
							description: 'Applied (or checked, for a dry run).',
							content: { 'application/json': { schema: ref('SyncClientsResult') } }
						},
						...problems(400, 401, 403, 413, 415, 429)
					}
				}
			},
			...Object.fromEntries(
				RECORDS.map((r) => [
					r.path,
					{
						put: {
							operationId: r.id,
							summary: r.summary,
							description:
								"The same rules as the CSV file of this kind (docs/IMPORT.md), through the same import: all items are written or none; an equal item is unchanged; nothing is deleted. Client numbers must belong to the key's gemeente. Scope: clients.",
							parameters: [dryRun],
							requestBody: {
								required: true,
								content: { 'application/json': { schema: ref(r.request) } }
							},
							responses: {
								'200': {
									description: 'Applied (or checked, for a dry run).',
									content: { 'application/json': { schema: ref('SyncClientsResult') } }
								},
								...problems(400, 401, 403, 413, 415, 429)
							}
						}
					}
				])
			),
			'/outflow': {
				post: {
					operationId: 'syncOutflow',
					summary: 'Record that a client left the benefit (uitstroom)',
					description:
						'Ends running instrument uses with the given outcome, closes plans, cancels future appointments and tells the client. Sent again with the same date and reason: 200 unchanged. Scope: outflow.',
					requestBody: {
						required: true,
						content: { 'application/json': { schema: ref('SyncOutflowRequest') } }
					},
					responses: {
						'201': {
							description: 'Recorded.',
							content: { 'application/json': { schema: ref('SyncOutflowResult') } }
						},
						'200': {
							description: 'Already recorded with the same date and reason.',
							content: { 'application/json': { schema: ref('SyncOutflowResult') } }
						},
						...problems(400, 401, 403, 404, 409, 413, 415, 429)
					}
				}
			}
		},
		components: {
			securitySchemes: {
				apiKey: {
					type: 'http',
					scheme: 'bearer',
					description: 'Authorization: Bearer ww_<prefix>_<secret>'
				}
			},
			schemas: { ...components('input', REQUESTS), ...components('output', RESPONSES) }
		}
	};
}
