import type { DataCopy } from '$lib/server/client/data-copy';

/** A data copy as a JSON file to keep or take elsewhere (AVG art. 20); never cached. */
export function dataCopyFile(copy: DataCopy, fileName: string): Response {
	return new Response(JSON.stringify(copy, null, 2), {
		headers: {
			'content-type': 'application/json; charset=utf-8',
			'content-disposition': `attachment; filename="${fileName}"`,
			'cache-control': 'no-store'
		}
	});
}
