// In-process cost of making the bench's 10 MB phone photo safe to keep (documents/inspect.ts):
// the time per photo one after the other, and five sent at the same moment, with this
// process's peak RSS meanwhile (sampled every 10 ms; the decoding runs on libvips' threads, so
// the sampler keeps running). `npx tsx bench/document-photo.ts` (PHOTO_RUNS=5 by default;
// PHOTO_FILE=<path> keeps the generated photo there and reads it back on the next run).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { inspect } from '../src/lib/server/documents/inspect';
import { tenMegabytePhoto } from './conversation';

const runs = Number(process.env.PHOTO_RUNS ?? 5);
const mb = (b: number) => (b / 2 ** 20).toFixed(0);

function peakRss() {
	let peak = process.memoryUsage.rss();
	const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 10);
	return () => {
		clearInterval(timer);
		return Math.max(peak, process.memoryUsage.rss());
	};
}

async function once(photo: Buffer): Promise<{ ms: number; out: number }> {
	const start = performance.now();
	const r = await inspect(photo);
	if (!r.ok) throw new Error(r.error);
	return { ms: performance.now() - start, out: r.doc.bytes.length };
}

const file = process.env.PHOTO_FILE;
const photo = file && existsSync(file) ? readFileSync(file) : await tenMegabytePhoto();
if (file && !existsSync(file)) writeFileSync(file, photo);
const base = process.memoryUsage.rss();
console.log(`photo ${(photo.length / 10 ** 6).toFixed(1)} MB JPEG; RSS before ${mb(base)} MB`);

let stop = peakRss();
const times: number[] = [];
let out = 0;
for (let i = 0; i < runs; i++) {
	const r = await once(photo);
	times.push(r.ms);
	out = r.out;
}
times.sort((a, b) => a - b);
console.log(
	`one at a time (${runs}): p50 ${times[Math.floor(runs / 2)]!.toFixed(0)} ms, ` +
		`max ${times.at(-1)!.toFixed(0)} ms, stored ${(out / 10 ** 6).toFixed(2)} MB; ` +
		`peak RSS ${mb(stop())} MB`
);

stop = peakRss();
const start = performance.now();
const five = await Promise.all(Array.from({ length: 5 }, () => once(photo)));
const all = performance.now() - start;
console.log(
	`five at once: all done in ${all.toFixed(0)} ms, slowest ${Math.max(...five.map((r) => r.ms)).toFixed(0)} ms; ` +
		`peak RSS ${mb(stop())} MB`
);
