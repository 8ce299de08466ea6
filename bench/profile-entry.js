// For bench/profile.ts: the server entry with a CPU profiler switched by SIGUSR2 (first
// signal starts it, the next one writes <PROFILE_DIR>/<n>.cpuprofile), so that start-up,
// migrations and seeding stay out of the profile of a page under load.
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';

const session = new Session();
session.connect();
await session.post('Profiler.enable');
await session.post('Profiler.setSamplingInterval', { interval: 200 });
let running = false;
let n = 0;
process.on('SIGUSR2', async () => {
	if (!running) {
		running = true;
		await session.post('Profiler.start');
		return;
	}
	running = false;
	const { profile } = await session.post('Profiler.stop');
	writeFileSync(`${process.env.PROFILE_DIR}/${n++}.cpuprofile`, JSON.stringify(profile));
});
// PROFILE_ENTRY: another server to profile the same way (bench/profile.ts --bare).
await import(process.env.PROFILE_ENTRY ?? '../scripts/server-entry.js');
