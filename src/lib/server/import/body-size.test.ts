import { describe, expect, it } from 'vitest';
import { bodySizeVerdict, FORM_BODY_BYTES, IMPORT_BODY_BYTES } from './body-size';

describe('body size per route', () => {
	it('lets an import up to its limit through, and refuses one byte more with the import message', () => {
		expect(bodySizeVerdict('/beheer/import', IMPORT_BODY_BYTES)).toBe('ok');
		expect(bodySizeVerdict('/beheer/import', IMPORT_BODY_BYTES + 1)).toBe('import');
		expect(bodySizeVerdict('/beheer/import', 100 * 1024 * 1024)).toBe('import');
	});
	it('keeps every other route at 11 MB although the server takes large imports', () => {
		expect(bodySizeVerdict('/km/clienten/nieuw', FORM_BODY_BYTES)).toBe('ok');
		expect(bodySizeVerdict('/km/clienten/nieuw', FORM_BODY_BYTES + 1)).toBe('form');
		expect(bodySizeVerdict('/beheer/import/x', FORM_BODY_BYTES + 1)).toBe('form');
	});
});
