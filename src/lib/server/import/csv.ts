import { Readable } from 'node:stream';
import { parse } from 'csv-parse';

/**
 * Reads a CSV file as benefit systems export it, streaming: UTF-8 with or without BOM, or
 * Windows-1252 (decided on the first chunk: when that is not valid UTF-8); comma or semicolon
 * (the one the header line has more of); a header row whose names are compared without case,
 * spaces, dashes or underscores. Yields each record with its line number in the file.
 */
export async function* readCsv(
	chunks: AsyncIterable<Uint8Array>
): AsyncGenerator<{ line: number; record: Record<string, string> }> {
	const text = decode(chunks)[Symbol.asyncIterator]();
	// Enough text to see the header line and choose the delimiter.
	let head = '';
	let done = false;
	while (!done && head.length < 4096 && !/\n/.test(head)) {
		const next = await text.next();
		if (next.done) done = true;
		else head += next.value;
	}
	if (head.replace(/^\uFEFF/, '').trim() === '') throw new CsvError('empty');
	const firstLine = head.split(/\r?\n/, 1)[0] ?? '';
	const delimiter =
		(firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
	let parser: ReturnType<typeof parse> | null = null;
	async function* all() {
		yield head;
		if (done) return;
		try {
			for (let n = await text.next(); !n.done; n = await text.next()) yield n.value;
		} catch (e) {
			// A decoding error later in the file ends the parse with that error.
			parser?.destroy(e as Error);
		}
	}
	parser = Readable.from(all(), { objectMode: false }).pipe(
		parse({
			delimiter,
			bom: true,
			columns: (header: string[]) => header.map(normaliseHeader),
			skip_empty_lines: true,
			relax_column_count: true,
			// Quotes inside an unquoted cell (=HYPERLINK("…")) are kept as characters.
			relax_quotes: true,
			trim: true,
			info: true,
			// A field longer than this is not a client file (and keeps memory bounded).
			max_record_size: 64 * 1024
		})
	);
	try {
		for await (const r of parser as AsyncIterable<{
			record: Record<string, string>;
			info: { lines: number };
		}>)
			yield { line: r.info.lines, record: r.record };
	} catch (e) {
		if (e instanceof CsvError) throw e;
		throw toCsvError(e);
	}
}

const SNIFF_BYTES = 64 * 1024;

/** UTF-8 (BOM or not), or Windows-1252 when the first 64 kB are not valid UTF-8. */
async function* decode(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<string> {
	let decoder: TextDecoder | null = null;
	let sniff: Uint8Array[] = [];
	let sniffed = 0;
	const choose = (bytes: Uint8Array) => {
		try {
			new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: true });
			return new TextDecoder('utf-8', { fatal: true });
		} catch {
			return new TextDecoder('windows-1252');
		}
	};
	const joined = () => {
		const all = new Uint8Array(sniffed);
		let at = 0;
		for (const c of sniff) {
			all.set(c, at);
			at += c.length;
		}
		return all;
	};
	for await (const chunk of chunks) {
		let bytes = chunk;
		if (!decoder) {
			sniff.push(chunk);
			sniffed += chunk.length;
			if (sniffed < SNIFF_BYTES) continue;
			bytes = joined();
			sniff = [];
			decoder = choose(bytes);
		}
		try {
			yield decoder.decode(bytes, { stream: true });
		} catch {
			throw new CsvError('encoding');
		}
	}
	if (!decoder && sniffed > 0) {
		const bytes = joined();
		decoder = choose(bytes);
		try {
			yield decoder.decode(bytes, { stream: true });
		} catch {
			throw new CsvError('encoding');
		}
	}
	if (decoder) {
		try {
			const rest = decoder.decode();
			if (rest) yield rest;
		} catch {
			throw new CsvError('encoding');
		}
	}
}

export class CsvError extends Error {
	constructor(
		readonly reason: 'empty' | 'encoding' | 'malformed',
		readonly line?: number
	) {
		super(`csv: ${reason}`);
	}
}

function toCsvError(e: unknown): CsvError {
	const line = (e as { lines?: number }).lines;
	return new CsvError('malformed', typeof line === 'number' ? line : undefined);
}

/** "Geboorte datum", "geboorte_datum" and "GeboorteDatum" are the same column; so are "Cliëntnummer" and "clientnummer". */
export function normaliseHeader(h: string): string {
	return h
		.replace(/^\uFEFF/, '')
		.normalize('NFD')
		.replace(/\p{M}/gu, '')
		.toLowerCase()
		.replace(/[\s_\-.]/g, '');
}

/** A date as dd-mm-jjjj, d-m-jjjj, dd/mm/jjjj or ISO jjjj-mm-dd, as ISO; null when not a real day. */
export function parseDay(value: string): string | null {
	const v = value.trim();
	let y: number, m: number, d: number;
	let match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
	if (match) [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
	else if ((match = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(v)))
		[d, m, y] = [Number(match[1]), Number(match[2]), Number(match[3])];
	else return null;
	const date = new Date(Date.UTC(y, m - 1, d));
	if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d)
		return null;
	return date.toISOString().slice(0, 10);
}

/** An ISO day as the files write it, dd-mm-jjjj (for messages about a row). */
export function fileDay(iso: string): string {
	const [y, m, d] = iso.split('-');
	return `${d}-${m}-${y}`;
}
