// Serves the built app (`npm start` builds first). Migrations run and demo data is seeded by
// the server itself at start-up, see src/hooks.server.ts.
import './security-headers.js';

process.env.PORT ??= '3000';
process.env.ORIGIN ??= `http://localhost:${process.env.PORT}`;
// On SIGTERM adapter-node stops listening, lets running requests finish for at most this many
// seconds, then emits sveltekit:shutdown (timers stop, the database closes, the process exits).
process.env.SHUTDOWN_TIMEOUT ??= '5';
console.log(`Wegwijs: http://localhost:${process.env.PORT}`);
await import('./server-entry.js');
