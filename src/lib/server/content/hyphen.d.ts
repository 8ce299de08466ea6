// The `hyphen` package (devDependency, for the readability test) ships no types.
declare module 'hyphen/nl/index.js' {
	const nl: {
		hyphenateSync(text: string, options?: { hyphenChar?: string; minWordLength?: number }): string;
	};
	export default nl;
}
