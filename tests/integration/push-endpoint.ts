import { createECDH, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import ece from 'http_ece';

// A real push service in miniature: an HTTPS endpoint on this machine (a test certificate for
// localhost) that receives what Wegwijs sends. A test holds the device's private key and auth
// secret, so it decrypts the message (RFC 8291, aes128gcm) as the phone would.

const fixtures = path.join(import.meta.dirname, '../fixtures');
const cert = readFileSync(path.join(fixtures, 'push-endpoint.crt'));

export interface Received {
	path: string;
	headers: Record<string, string | string[] | undefined>;
	body: Buffer;
}

export interface PushEndpoint {
	origin: string;
	/** Every push that arrived, in order. */
	received: Received[];
	/** Paths answered 410 Gone (a device the push service forgot). */
	gone: Set<string>;
	close(): Promise<void>;
}

export async function startPushEndpoint(): Promise<PushEndpoint> {
	const received: Received[] = [];
	const gone = new Set<string>();
	const server = https.createServer(
		{ cert, key: readFileSync(path.join(fixtures, 'push-endpoint.key')) },
		(req, res) => {
			const chunks: Buffer[] = [];
			req.on('data', (c: Buffer) => chunks.push(c));
			req.on('end', () => {
				received.push({ path: req.url!, headers: req.headers, body: Buffer.concat(chunks) });
				res.writeHead(gone.has(req.url!) ? 410 : 201).end();
			});
		}
	);
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	// Trust the test certificate, for this process only.
	https.globalAgent.options.ca = [cert];
	return {
		origin: `https://localhost:${(server.address() as AddressInfo).port}`,
		received,
		gone,
		close: () => new Promise<void>((resolve) => server.close(() => resolve()))
	};
}

/** A phone's push subscription on `origin`, with the keys to read what reaches it. */
export function device(origin: string, name: string) {
	const ecdh = createECDH('prime256v1');
	ecdh.generateKeys();
	const auth = randomBytes(16).toString('base64url');
	return {
		ecdh,
		auth,
		sub: {
			endpoint: `${origin}/push/${name}`,
			keys: { p256dh: ecdh.getPublicKey('base64url'), auth }
		}
	};
}

export function decrypt(d: ReturnType<typeof device>, r: Received) {
	const plain = ece.decrypt(r.body, {
		version: 'aes128gcm',
		privateKey: d.ecdh,
		authSecret: d.auth
	});
	return JSON.parse(plain.toString()) as { title: string; body: string; url: string };
}
