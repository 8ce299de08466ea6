import type { ClientAction } from '$lib/actions/schema';
import type { Sealed } from './db';

import { offlineStoreReady } from './page-data';

// zod and the store load on first use, not with the page: the store once the layout has
// switched it to the signed-in client (after the page is idle), zod only when there is a
// queued item to check or a new one to queue.
const offlineStore = () => offlineStoreReady().then((m) => m?.offlineStore() ?? null);
const actionSchema = () => import('$lib/actions/schema').then((m) => m.clientAction);

// The offline queue. Every change a client makes goes in here first with its own
// Idempotency-Key, is shown as "wordt verstuurd", and is sent now or when the connection
// returns. The server applies each key once, so sending twice is harmless; a refused item
// stays visible with its reason and a way to retry or remove it: nothing is dropped silently.

export type OutboxStatus = 'pending' | 'sending' | 'failed';

/** A document queued with a message: sent first, on its own, under its own key. */
export interface OutboxFile {
	key: string;
	name: string;
	/** The bytes, base64 (sealed in IndexedDB with the rest of the item). */
	data: string;
	/** The server's id once it has it. */
	id?: string;
}

export interface OutboxItem {
	key: string;
	action: ClientAction;
	files?: OutboxFile[];
	createdAt: string;
	status: OutboxStatus;
	/** Translated reason from the server when it refused the action. */
	message?: string;
	/** The server's error code: why it refused, or (still pending) why it waits, photo_busy. */
	error?: string;
}

type Stored = { key: string; sealed: Sealed };

const RETRY_MS = 15_000;

function newKey(): string {
	return crypto.randomUUID().replaceAll('-', '');
}

class Outbox {
	items = $state<OutboxItem[]>([]);
	#flushing: Promise<void> | null = null;
	#listeners = new Set<(item: OutboxItem, result: Record<string, unknown>) => void>();
	#timer: ReturnType<typeof setTimeout> | undefined;
	/** Keys sent or removed in this page's life (a restore read before then must skip them). */
	#gone = new Set<string>();

	get pending() {
		return this.items.filter((i) => i.status !== 'failed');
	}

	get failed() {
		return this.items.filter((i) => i.status === 'failed');
	}

	/** Called after a successful send, e.g. to reload the page's data. */
	onSent(listener: (item: OutboxItem, result: Record<string, unknown>) => void): () => void {
		this.#listeners.add(listener);
		return () => this.#listeners.delete(listener);
	}

	/** Loads what was left queued (after a reload or a closed app) and sends it. */
	async restore(): Promise<void> {
		// Something queued while the store was being read (a page that marks read on mount)
		// must stay in the queue, also when nothing was stored: it was dropped then.
		const store = await offlineStore();
		const rows = store ? ((await store.db.getAll('outbox')) as Stored[]) : [];
		const items: OutboxItem[] = [];
		if (rows.length > 0) {
			const clientAction = await actionSchema();
			for (const row of rows) {
				const item = (await store!.vault.open(row.sealed)) as OutboxItem | null;
				if (item && clientAction.safeParse(item.action).success) {
					items.push({ ...item, status: item.status === 'sending' ? 'pending' : item.status });
				}
			}
		}
		// What is in memory is newer than what was read (sending, refused meanwhile), and what
		// was sent or removed while reading stays gone: a late restore must not bring it back.
		const known = new Set(this.items.map((i) => i.key));
		const fromStore = items.filter((i) => !known.has(i.key) && !this.#gone.has(i.key));
		this.items = [...this.items, ...fromStore].sort((a, b) =>
			a.createdAt.localeCompare(b.createdAt)
		);
		void this.flush();
	}

	async enqueue(action: ClientAction, files: File[] = []): Promise<OutboxItem> {
		const item: OutboxItem = {
			key: newKey(),
			action: (await actionSchema()).parse(action),
			createdAt: new Date().toISOString(),
			status: 'pending',
			...(files.length
				? {
						files: await Promise.all(
							files.map(async (f) => ({ key: newKey(), name: f.name, data: await toBase64(f) }))
						)
					}
				: {})
		};
		this.items = [...this.items, item];
		await this.#persist(item);
		void this.flush();
		return item;
	}

	async retry(key: string): Promise<void> {
		this.#update(key, { status: 'pending', message: undefined, error: undefined });
		void this.flush();
	}

	async remove(key: string): Promise<void> {
		this.#gone.add(key);
		this.items = this.items.filter((i) => i.key !== key);
		const store = await offlineStore();
		await store?.db.delete('outbox', key);
	}

	/** Sends everything pending, one at a time in order. Safe to call often. */
	flush(): Promise<void> {
		this.#flushing ??= this.#send().finally(() => (this.#flushing = null));
		return this.#flushing;
	}

	async #send(): Promise<void> {
		// Not a snapshot of the queue: what is queued while this run is sending is sent by it
		// too (its own flush() got this run's promise). Each item once per run.
		// eslint-disable-next-line svelte/prefer-svelte-reactivity -- never shown, only this loop reads it
		const tried = new Set<string>();
		for (;;) {
			const item = this.items.find((i) => i.status === 'pending' && !tried.has(i.key));
			if (!item) return;
			tried.add(item.key);
			this.#update(item.key, { status: 'sending' });
			let response: Response;
			try {
				const uploaded = await this.#upload(item);
				if (uploaded instanceof Response) {
					response = uploaded;
				} else {
					item.action = uploaded;
					response = await fetch('/api/client/actions', {
						method: 'POST',
						headers: { 'content-type': 'application/json', 'idempotency-key': item.key },
						body: JSON.stringify(item.action)
					});
				}
			} catch {
				// No connection: keep it, try again later.
				this.#update(item.key, { status: 'pending' });
				this.#later();
				return;
			}
			const body = (await response.json().catch(() => ({}))) as Record<string, unknown>;
			if (response.ok) {
				await this.remove(item.key);
				for (const l of this.#listeners) l(item, body);
			} else if (response.status >= 500 || response.status === 401) {
				// Server down, busy or signed out: not the item's fault, keep it for later. Why it
				// waits stays with it (photo_busy: the page says the photo goes later by itself).
				this.#update(item.key, {
					status: 'pending',
					error: typeof body.error === 'string' ? body.error : undefined
				});
				this.#later();
				return;
			} else {
				const failed = {
					status: 'failed' as const,
					error: String(body.error ?? 'invalid'),
					message: typeof body.message === 'string' ? body.message : undefined
				};
				this.#update(item.key, failed);
				await this.#persist({ ...item, ...failed });
			}
		}
	}

	/**
	 * Sends the item's documents not sent yet, one request each, and returns the action with
	 * their ids, or the refusal of the first one the server did not take.
	 */
	async #upload(item: OutboxItem): Promise<ClientAction | Response> {
		if (!item.files?.length || item.action.type !== 'message') return item.action;
		for (const file of item.files) {
			if (file.id) continue;
			const form = new FormData();
			form.set('file', new Blob([fromBase64(file.data)]), file.name);
			const response = await fetch('/api/client/documents', {
				method: 'POST',
				headers: { 'idempotency-key': file.key },
				body: form
			});
			if (!response.ok) return response;
			const body = (await response.json()) as { id: string };
			file.id = body.id;
			await this.#persist(item);
		}
		return { ...item.action, documents: item.files.map((f) => f.id!) };
	}

	#later() {
		// Where the browser has Background Sync, the worker wakes us when the line returns.
		void navigator.serviceWorker?.ready
			.then((r) =>
				(
					r as ServiceWorkerRegistration & { sync?: { register(tag: string): Promise<void> } }
				).sync?.register('wegwijs-outbox')
			)
			.catch(() => undefined);
		clearTimeout(this.#timer);
		this.#timer = setTimeout(() => void this.flush(), RETRY_MS);
	}

	#update(key: string, patch: Partial<OutboxItem>) {
		this.items = this.items.map((i) => (i.key === key ? { ...i, ...patch } : i));
	}

	async #persist(item: OutboxItem): Promise<void> {
		const store = await offlineStore();
		if (!store) return;
		const stored: Stored = { key: item.key, sealed: await store.vault.seal(item) };
		await store.db.put('outbox', stored);
	}
}

async function toBase64(file: Blob): Promise<string> {
	const bytes = new Uint8Array(await file.arrayBuffer());
	let binary = '';
	for (let i = 0; i < bytes.length; i += 0x8000) {
		binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
	}
	return btoa(binary);
}

function fromBase64(data: string): Uint8Array<ArrayBuffer> {
	const binary = atob(data);
	const bytes = new Uint8Array(binary.length);
	for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
	return bytes;
}

export const outbox = new Outbox();
