import type { OpenedDocument } from '../documents/documents';

/**
 * A document always leaves as a download: never shown inline by the browser, never sniffed
 * into another type, never cached.
 */
export function documentResponse(doc: OpenedDocument): Response {
	const ascii = doc.name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
	return new Response(new Uint8Array(doc.bytes), {
		headers: {
			'content-type': doc.mime,
			'content-length': String(doc.bytes.length),
			'content-disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(doc.name)}`,
			'x-content-type-options': 'nosniff',
			'cache-control': 'no-store',
			'content-security-policy': "default-src 'none'; sandbox"
		}
	});
}
