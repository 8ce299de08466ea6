import { createHash, generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto';
import { isoBase64URL, isoCBOR } from '@simplewebauthn/server/helpers';

// A software passkey for server-side tests: an ES256 key made with node:crypto, answering
// WebAuthn options the way a real authenticator does (attestation "none", signature over
// authenticatorData ‖ SHA-256(clientDataJSON)). Only the bytes the server checks are built.

const sha256 = (b: Uint8Array) => new Uint8Array(createHash('sha256').update(b).digest());
const u32 = (n: number) => {
	const b = new Uint8Array(4);
	new DataView(b.buffer).setUint32(0, n);
	return b;
};
const concat = (...parts: Uint8Array[]) => {
	const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
	let at = 0;
	for (const p of parts) {
		out.set(p, at);
		at += p.length;
	}
	return out;
};
const FLAG_UP = 0x01;
const FLAG_UV = 0x04;
const FLAG_AT = 0x40;

export class SoftAuthenticator {
	readonly credentialId = new Uint8Array(randomBytes(32));
	private readonly privateKey: KeyObject;
	private readonly publicJwk: { x: string; y: string };
	counter = 0;

	constructor(
		private readonly origin: string,
		/** Authenticators that keep no counter always say 0. */
		private readonly counts = true
	) {
		const pair = generateKeyPairSync('ec', { namedCurve: 'P-256' });
		this.privateKey = pair.privateKey;
		this.publicJwk = pair.publicKey.export({ format: 'jwk' }) as { x: string; y: string };
	}

	get id(): string {
		return isoBase64URL.fromBuffer(this.credentialId);
	}

	private rpIdHash() {
		return sha256(new TextEncoder().encode(new URL(this.origin).hostname));
	}

	private clientData(type: string, challenge: string, origin = this.origin) {
		return new TextEncoder().encode(
			JSON.stringify({ type, challenge, origin, crossOrigin: false })
		);
	}

	/** The answer to `navigator.credentials.create` for these options. */
	create(options: { challenge: string }, opts: { origin?: string } = {}) {
		const cose = new Map<number, number | Uint8Array>([
			[1, 2], // kty: EC2
			[3, -7], // alg: ES256
			[-1, 1], // crv: P-256
			[-2, isoBase64URL.toBuffer(this.publicJwk.x)],
			[-3, isoBase64URL.toBuffer(this.publicJwk.y)]
		]);
		const idLength = new Uint8Array([
			this.credentialId.length >> 8,
			this.credentialId.length & 255
		]);
		const authData = concat(
			this.rpIdHash(),
			new Uint8Array([FLAG_UP | FLAG_UV | FLAG_AT]),
			u32(this.counter),
			new Uint8Array(16), // AAGUID: none
			idLength,
			this.credentialId,
			isoCBOR.encode(cose)
		);
		const attestationObject = isoCBOR.encode(
			new Map<string, unknown>([
				['fmt', 'none'],
				['attStmt', new Map()],
				['authData', authData]
			]) as Parameters<typeof isoCBOR.encode>[0]
		);
		return {
			id: this.id,
			rawId: this.id,
			type: 'public-key',
			response: {
				clientDataJSON: isoBase64URL.fromBuffer(
					this.clientData('webauthn.create', options.challenge, opts.origin)
				),
				attestationObject: isoBase64URL.fromBuffer(attestationObject),
				transports: ['internal']
			},
			clientExtensionResults: {}
		};
	}

	/** The answer to `navigator.credentials.get`; the counter goes up unless told what to say. */
	get(options: { challenge: string }, opts: { origin?: string; counter?: number } = {}) {
		if (this.counts) this.counter++;
		const counter = opts.counter ?? (this.counts ? this.counter : 0);
		const authData = concat(this.rpIdHash(), new Uint8Array([FLAG_UP | FLAG_UV]), u32(counter));
		const clientDataJSON = this.clientData('webauthn.get', options.challenge, opts.origin);
		const signature = sign('sha256', concat(authData, sha256(clientDataJSON)), this.privateKey);
		return {
			id: this.id,
			rawId: this.id,
			type: 'public-key',
			response: {
				clientDataJSON: isoBase64URL.fromBuffer(clientDataJSON),
				authenticatorData: isoBase64URL.fromBuffer(authData),
				signature: isoBase64URL.fromBuffer(new Uint8Array(signature))
			},
			clientExtensionResults: {}
		};
	}
}
