// HTTP Range for recorded audio: phones seek in an <audio> element with `Range: bytes=…`, and
// Safari plays nothing from a server that ignores it.

export type ByteRange = { start: number; end: number };

/**
 * The one byte range asked for in a `Range` header for a body of `size` bytes: null for the
 * whole body (no header, another unit, several ranges, or nonsense: sent whole, as RFC 9110
 * allows), 'unsatisfiable' for a range that starts past the end (answered with 416).
 */
export function byteRange(header: string | null, size: number): ByteRange | null | 'unsatisfiable' {
	const m = header?.trim().match(/^bytes=(\d*)-(\d*)$/);
	if (!m || (m[1] === '' && m[2] === '')) return null;
	if (m[1] === '') {
		// bytes=-500: the last 500 bytes.
		const suffix = Number(m[2]);
		if (suffix === 0) return 'unsatisfiable';
		return { start: Math.max(0, size - suffix), end: size - 1 };
	}
	const start = Number(m[1]);
	const end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
	if (start >= size) return 'unsatisfiable';
	if (end < start) return null;
	return { start, end };
}
