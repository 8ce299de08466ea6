// Serves the built app (`npm start` builds first). Migrations run and demo data is seeded by
// the server itself at start-up, see src/hooks.server.ts.
process.env.PORT ??= '3000';
process.env.ORIGIN ??= `http://localhost:${process.env.PORT}`;
console.log(`Wegwijs: http://localhost:${process.env.PORT}`);
await import('./server-entry.js');
