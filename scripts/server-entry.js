// The built app behind compression: adapter-node's handler (build/handler.js) does not
// compress rendered pages, __data.json or JSON answers; this entry serves it as
// build/index.js does (PORT, HOST, graceful shutdown on SIGINT/SIGTERM) with the `compression`
// middleware in front. Brotli or gzip as the browser asks; headers set by the app (security
// headers, Cache-Control: no-store) pass untouched, `Vary: Accept-Encoding` is added. Static
// files keep their precompressed .br/.gz copies (sirv sets Content-Encoding itself, and
// compression leaves an answer that is already encoded alone).
import http from 'node:http';
import process from 'node:process';
import compression from 'compression';

// A client's document may be 10 MB (issue #16); adapter-node refuses larger bodies before the
// app sees them (its default is 512 kB). Set BODY_SIZE_LIMIT to change it (e.g. 52M for imports).
process.env.BODY_SIZE_LIMIT ??= '11M';

const { handler } = await import(new URL('../build/handler.js', import.meta.url).href);

/** Brotli quality 4 (the middleware's default) and gzip level 6: cheap on a busy server. */
const compress = compression({ threshold: 1024 });

const host = process.env.HOST ?? '0.0.0.0';
const port = Number(process.env.PORT ?? 3000);
const shutdownSeconds = Number(process.env.SHUTDOWN_TIMEOUT ?? 30);

const server = http.createServer((req, res) => {
	compress(req, res, (err) => {
		if (err) {
			res.statusCode = 500;
			res.end();
			return;
		}
		handler(req, res);
	});
});
if (process.env.KEEP_ALIVE_TIMEOUT)
	server.keepAliveTimeout = Number(process.env.KEEP_ALIVE_TIMEOUT) * 1000;
if (process.env.HEADERS_TIMEOUT) server.headersTimeout = Number(process.env.HEADERS_TIMEOUT) * 1000;

server.listen({ host, port }, () => console.log(`Listening on http://${host}:${port}`));

let closing;
/** As build/index.js: stop accepting, finish running requests, then tell the app. */
function shutdown(reason) {
	if (closing) return;
	server.closeIdleConnections();
	server.close((error) => {
		if (error) return;
		clearTimeout(closing);
		process.emit('sveltekit:shutdown', reason);
	});
	closing = setTimeout(() => server.closeAllConnections(), shutdownSeconds * 1000);
	closing.unref();
}
server.on('request', (req) => req.on('close', () => closing && server.closeIdleConnections()));
process.on('SIGTERM', () => shutdown('SIGTERM'));
process.on('SIGINT', () => shutdown('SIGINT'));
