import type { Messages } from './index';

/**
 * The UI strings reach the browser in two parts per language: what every page can show, and
 * what only staff screens show. A client's phone never downloads the staff part.
 */
export const STAFF_NAMESPACES: readonly string[] = ['km', 'admin', 'report'];

export type MessagesPart = 'client' | 'staff';
export const MESSAGE_PARTS: readonly MessagesPart[] = ['client', 'staff'];

export function messagesPart(all: Messages, part: MessagesPart): Messages {
	const staff = (ns: string) => STAFF_NAMESPACES.includes(ns);
	return Object.fromEntries(
		Object.entries(all).filter(([ns]) => (part === 'staff' ? staff(ns) : !staff(ns)))
	);
}

/** Staff see staff screens; anyone else (a client, a visitor) only the client part. */
export function needsStaffPart(roles: readonly string[]): boolean {
	return roles.some((r) => r !== 'client');
}
