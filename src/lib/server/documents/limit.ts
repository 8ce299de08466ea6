/** A turn that did not come within the time the caller would wait. */
export class TurnTimeout extends Error {
	constructor(waitMs: number) {
		super(`no turn within ${waitMs} ms`);
		this.name = 'TurnTimeout';
	}
}

/**
 * At most `n` pieces of work at once; the rest wait their turn in the order they came. A place
 * is handed straight to the next in line, and freed when the work fails too. With `waitMs`,
 * a piece of work that has not had its turn by then leaves the line (TurnTimeout) and never
 * runs: a phone is not kept waiting without bound behind a queue of photos.
 */
export function limiter(n: number) {
	let running = 0;
	const queue: (() => void)[] = [];
	return async function run<T>(work: () => Promise<T>, waitMs?: number): Promise<T> {
		if (running < n) running++;
		else await waitTurn(queue, waitMs);
		try {
			return await work();
		} finally {
			const next = queue.shift();
			if (next) next();
			else running--;
		}
	};
}

function waitTurn(queue: (() => void)[], waitMs: number | undefined): Promise<void> {
	return new Promise<void>((resolve, reject) => {
		const turn = () => {
			clearTimeout(timer);
			resolve();
		};
		queue.push(turn);
		// (Declared before anything can call `turn`: that happens only after this function.)
		const timer =
			waitMs === undefined
				? undefined
				: setTimeout(() => {
						// Out of the line: the place it would have had goes to the next one.
						const at = queue.indexOf(turn);
						if (at >= 0) queue.splice(at, 1);
						reject(new TurnTimeout(waitMs));
					}, waitMs);
	});
}
