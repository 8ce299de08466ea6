// The headers every answer carries, also the files adapter-node serves without our hooks: the
// prerendered /offline and /shell pages and the static assets (#14). src/hooks.server.ts sets
// the same values on every rendered answer; here they are set only where an answer lacks them.
import { ServerResponse } from 'node:http';

export const SECURITY_HEADERS = {
	'X-Content-Type-Options': 'nosniff',
	'Referrer-Policy': 'same-origin',
	'X-Frame-Options': 'DENY',
	'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), interest-cohort=()'
};

const writeHead = ServerResponse.prototype.writeHead;
/** Node calls writeHead for every answer (implicitly too), just before the headers go out. */
ServerResponse.prototype.writeHead = function (...args) {
	for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
		if (!this.hasHeader(name)) this.setHeader(name, value);
	}
	return writeHead.apply(this, args);
};
