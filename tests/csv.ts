// Reading back the CSV exports in tests.

/** CSV as csv-stringify writes it (BOM and ';' or plain ',', CRLF, "" inside quotes) back into fields. */
export function parseCsv(text: string): string[][] {
	const rows: string[][] = [];
	let row: string[] = [];
	let field = '';
	let quoted = false;
	const s = text.replace(/^\uFEFF/, '');
	// The Dutch format (with its BOM) is separated by semicolons, plain CSV by commas.
	const separator = text.startsWith('\uFEFF') ? ';' : ',';
	for (let i = 0; i < s.length; i++) {
		const c = s[i]!;
		if (quoted && c === '"' && s[i + 1] === '"') {
			field += '"';
			i++;
		} else if (c === '"') {
			quoted = !quoted;
		} else if (!quoted && c === separator) {
			row.push(field);
			field = '';
		} else if (!quoted && c === '\r' && s[i + 1] === '\n') {
			row.push(field);
			rows.push(row);
			row = [];
			field = '';
			i++;
		} else {
			field += c;
		}
	}
	if (field || row.length) rows.push([...row, field]);
	return rows;
}
