/**
 * The route itself when `table` lists it, else its nearest listed parent
 * (`/(client)/plan/geschiedenis` → `/(client)/plan` → `/(client)`); undefined when none is.
 */
export function nearestRoute(table: Readonly<Record<string, unknown>>, routeId: string) {
	for (let id = routeId; id; id = id.slice(0, id.lastIndexOf('/'))) {
		if (Object.hasOwn(table, id)) return id;
	}
	return undefined;
}
