import { byteRange } from '../content/byte-range';

/**
 * A stored recording as an HTTP answer, honouring `Range` (an <audio> element seeks with it and
 * Safari needs it). `cache`: the Cache-Control header.
 */
export function audioResponse(
	file: { mime: string; data: Uint8Array },
	rangeHeader: string | null,
	cache: string
): Response {
	const size = file.data.byteLength;
	const headers: Record<string, string> = {
		'content-type': file.mime,
		'accept-ranges': 'bytes',
		'cache-control': cache,
		'x-content-type-options': 'nosniff'
	};
	const range = byteRange(rangeHeader, size);
	if (range === 'unsatisfiable')
		return new Response(null, {
			status: 416,
			headers: { ...headers, 'content-range': `bytes */${size}` }
		});
	if (!range)
		return new Response(file.data as BodyInit, {
			headers: { ...headers, 'content-length': String(size) }
		});
	const part = file.data.subarray(range.start, range.end + 1);
	return new Response(part as BodyInit, {
		status: 206,
		headers: {
			...headers,
			'content-length': String(part.byteLength),
			'content-range': `bytes ${range.start}-${range.end}/${size}`
		}
	});
}
