import { sql, type SQL } from 'drizzle-orm';

/**
 * Names as the caseload search compares them: without accents, in lower case, hyphens as
 * spaces, apostrophes dropped ("Wójcik" → "wojcik", "Al-Ḥasan" → "al hasan", "N'Diaye" →
 * "ndiaye"). The database keeps this form in generated columns (translate() and lower(), on
 * PGlite and PostgreSQL alike: no unaccent extension needed); the search term gets the same
 * mapping here.
 */
const LETTERS =
	'àáâãäåāăąǎạảấầẩẫậắằẳẵặçćĉċčďđḍèéêëēĕėęěẹẻẽếềểễệĝğġģǧḥĥħìíîïĩīĭįıǐịỉĵķĺļľŀłñńņňṇòóôõöøōŏőǒọỏốồổỗộớờởỡợŕŗřśŝşšșṣţťŧțṭùúûüũūŭůűųǔụủứừửữựŵýÿŷỳỹźżžẓ';
const SPECIAL: Record<string, string> = { đ: 'd', ħ: 'h', ı: 'i', ł: 'l', ŀ: 'l', ø: 'o', ŧ: 't' };
const base = (c: string) => SPECIAL[c] ?? c.normalize('NFD').replace(/\p{M}/gu, '');

const pairs: [string, string][] = [];
for (const c of LETTERS) {
	pairs.push([c, base(c)]);
	const upper = c.toUpperCase();
	if (upper !== c && [...upper].length === 1) pairs.push([upper, base(c)]);
}
pairs.push(['-', ' ']);
/** Characters translate() maps, one for one, then the ones it drops (apostrophes). */
const FROM = pairs.map((p) => p[0]).join('') + "'’‘`ʼ";
const TO = pairs.map((p) => p[1]).join('');

/** The search form of a name, as the database's generated columns hold it. */
export function searchName(text: string): string {
	let out = '';
	for (const c of text) {
		const i = FROM.indexOf(c);
		out += i < 0 ? c : i < TO.length ? TO[i] : '';
	}
	return out.toLowerCase().replace(/\s+/g, ' ').trim();
}

/** The same mapping in SQL, for a generated column over `column`. */
export function searchNameSql(column: string): SQL {
	const quote = (s: string) => `'${s.replace(/'/g, "''")}'`;
	return sql.raw(
		`btrim(regexp_replace(lower(translate(${column}, ${quote(FROM)}, ${quote(TO)})), '\\s+', ' ', 'g'))`
	);
}
