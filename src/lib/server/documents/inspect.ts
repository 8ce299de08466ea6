import { fileTypeFromBuffer } from 'file-type';
import sharp from 'sharp';

// What a client may send: photos (from the camera or the gallery) and PDFs. The type is read
// from the bytes, never from the name or the browser's word for it.

export const DOCUMENT_MAX_BYTES = 10 * 1024 * 1024;
export const DOCUMENTS_PER_MESSAGE = 5;
/** Longest side of a stored photo: a payslip stays readable, a 50 MP photo shrinks. */
const IMAGE_MAX_SIDE = 2400;

const IMAGE_TYPES = new Set(['image/jpeg', 'image/png', 'image/webp', 'image/heic', 'image/avif']);

export type InspectError = 'empty_file' | 'file_too_large' | 'file_type';

export interface CleanDocument {
	mime: 'image/jpeg' | 'application/pdf';
	bytes: Buffer;
}

/**
 * Checks an upload by its bytes and makes it safe to keep: an image is decoded and written
 * again as JPEG (turned upright, at most 2400 px, no EXIF/GPS/XMP/ICC left: sharp keeps no
 * metadata unless asked to), a PDF is kept as it is. SVG, HTML, executables and anything else
 * are refused.
 */
export async function inspect(
	bytes: Buffer
): Promise<{ ok: true; doc: CleanDocument } | { ok: false; error: InspectError }> {
	if (bytes.length === 0) return { ok: false, error: 'empty_file' };
	if (bytes.length > DOCUMENT_MAX_BYTES) return { ok: false, error: 'file_too_large' };
	const type = await fileTypeFromBuffer(bytes);
	if (type?.mime === 'application/pdf') {
		return { ok: true, doc: { mime: 'application/pdf', bytes } };
	}
	if (!type || !IMAGE_TYPES.has(type.mime)) return { ok: false, error: 'file_type' };
	try {
		const jpeg = await sharp(bytes, { limitInputPixels: 60_000_000, failOn: 'error' })
			.rotate()
			.resize(IMAGE_MAX_SIDE, IMAGE_MAX_SIDE, { fit: 'inside', withoutEnlargement: true })
			.jpeg({ quality: 82, mozjpeg: true })
			.toBuffer();
		return { ok: true, doc: { mime: 'image/jpeg', bytes: jpeg } };
	} catch {
		// Claims to be an image but does not decode (or is absurdly large): not kept.
		return { ok: false, error: 'file_type' };
	}
}
