import { fileTypeFromBuffer } from 'file-type';
import sharp from 'sharp';
import { limiter, TurnTimeout } from './limit';

// What a client may send: photos (from the camera or the gallery) and PDFs. The type is read
// from the bytes, never from the name or the browser's word for it.

export const DOCUMENT_MAX_BYTES = 10 * 1024 * 1024;
export const DOCUMENTS_PER_MESSAGE = 5;
/**
 * Longest side of a stored photo. A payslip (A4) photographed whole is then about 170 pixels
 * per inch of paper: 8-point print has letters about 10 pixels high, readable on a screen and
 * zoomable. 2400 px added little to read and cost more: a 12 MP phone photo is 4000 px wide,
 * and halving it exactly lets the JPEG decoder read it at half size (shrink-on-load, a quarter
 * of the pixels), the largest saving in time and memory.
 */
export const IMAGE_MAX_SIDE = 2000;
/**
 * Pixels an image may claim before it is decoded: a 50 MP camera passes, a bomb does not. A
 * larger photo is answered "take it at a lower resolution" (photo_too_large), read from its
 * header before it takes a turn to decode.
 */
export const IMAGE_MAX_PIXELS = 60_000_000;
/**
 * Photos decoded at once in this process; the rest wait. One decode takes the machine's cores
 * (libvips threads) and tens of MB, so five phones at once are served one after the other
 * instead of five decodes fighting for memory.
 */
const PHOTOS_AT_ONCE = 2;
/** Exported for the tests, which take its places to show what a full line does. */
export const photoTurn = limiter(PHOTOS_AT_ONCE);

/**
 * How long an upload waits for its turn to decode, and how long the decode itself may take.
 * Without a bound a phone waited as long as the line of photos before it (and the request held
 * its bytes in memory all that time). Past either bound the answer is photo_busy: "try again in
 * a few minutes"; the app's outbox keeps the photo and sends it again later (HTTP 503). A 12 MP
 * photo takes about a second to decode here, a 50 MP one a few.
 */
export const PHOTO_BOUNDS = { waitMs: 20_000, workSeconds: 20 };
export type PhotoBounds = typeof PHOTO_BOUNDS;

// Each upload is decoded once: libvips' cache of operations only holds memory here.
sharp.cache(false);

const IMAGE_TYPES = new Set(['image/jpeg', 'image/png', 'image/webp', 'image/heic', 'image/avif']);

export type InspectError =
	'empty_file' | 'file_too_large' | 'file_type' | 'photo_too_large' | 'photo_busy';

export interface CleanDocument {
	mime: 'image/jpeg' | 'application/pdf';
	bytes: Buffer;
}

/**
 * Checks an upload by its bytes and makes it safe to keep: an image is decoded and written
 * again as JPEG (turned upright, at most 2000 px, no EXIF/GPS/XMP/ICC left: sharp keeps no
 * metadata unless asked to), a PDF is kept as it is. SVG, HTML, executables and anything else
 * are refused.
 */
export async function inspect(
	bytes: Buffer,
	bounds: PhotoBounds = PHOTO_BOUNDS
): Promise<{ ok: true; doc: CleanDocument } | { ok: false; error: InspectError }> {
	if (bytes.length === 0) return { ok: false, error: 'empty_file' };
	if (bytes.length > DOCUMENT_MAX_BYTES) return { ok: false, error: 'file_too_large' };
	const type = await fileTypeFromBuffer(bytes);
	if (type?.mime === 'application/pdf') {
		return { ok: true, doc: { mime: 'application/pdf', bytes } };
	}
	if (!type || !IMAGE_TYPES.has(type.mime)) return { ok: false, error: 'file_type' };
	const size = await sharp(bytes)
		.metadata()
		.catch(() => null);
	if (!size?.width || !size.height) return { ok: false, error: 'file_type' };
	if (size.width * size.height > IMAGE_MAX_PIXELS) return { ok: false, error: 'photo_too_large' };
	try {
		const jpeg = await photoTurn(() => reencode(bytes, bounds.workSeconds), bounds.waitMs);
		return { ok: true, doc: { mime: 'image/jpeg', bytes: jpeg } };
	} catch (e) {
		if (e instanceof TurnTimeout || isSharpTimeout(e)) return { ok: false, error: 'photo_busy' };
		// Claims to be an image but does not decode: not kept.
		return { ok: false, error: 'file_type' };
	}
}

/** libvips stops a decode past `timeout` with "timeout: N% complete". */
function isSharpTimeout(e: unknown): boolean {
	return e instanceof Error && /^timeout:/m.test(e.message);
}

/**
 * Decoded top to bottom in one pass (`sequentialRead`: no whole copy of the photo in memory),
 * and written with plain libjpeg: mozjpeg's trellis search made a photo of a document a little
 * smaller at many times the time (most of the 7.8 s a noisy 12 MP photo took).
 */
function reencode(bytes: Buffer, seconds: number): Promise<Buffer> {
	return sharp(bytes, {
		limitInputPixels: IMAGE_MAX_PIXELS,
		sequentialRead: true,
		failOn: 'error'
	})
		.timeout({ seconds })
		.rotate()
		.resize(IMAGE_MAX_SIDE, IMAGE_MAX_SIDE, { fit: 'inside', withoutEnlargement: true })
		.jpeg({ quality: 80, mozjpeg: false })
		.toBuffer();
}
