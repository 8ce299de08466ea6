/**
 * At most `n` pieces of work at once; the rest wait their turn in the order they came. A place
 * is handed straight to the next in line, and freed when the work fails too.
 */
export function limiter(n: number) {
	let running = 0;
	const queue: (() => void)[] = [];
	return async function run<T>(work: () => Promise<T>): Promise<T> {
		if (running < n) running++;
		else await new Promise<void>((resolve) => queue.push(resolve));
		try {
			return await work();
		} finally {
			const next = queue.shift();
			if (next) next();
			else running--;
		}
	};
}
