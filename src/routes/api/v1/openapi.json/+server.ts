import { json } from '@sveltejs/kit';
import { openApiDocument } from '$lib/server/api/openapi';
import type { RequestHandler } from './$types';

const document = openApiDocument();

/** The OpenAPI document, generated from the zod schemas the endpoints use. Public. */
export const GET: RequestHandler = () =>
	json(document, { headers: { 'cache-control': 'public, max-age=3600' } });
