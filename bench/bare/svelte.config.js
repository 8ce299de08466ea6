// The floor for `npm run bench`: a bare SvelteKit app with Wegwijs's own versions of SvelteKit,
// Svelte, Vite and adapter-node (resolved from the repository's node_modules), one layout
// and one server-rendered page with seven steps of in-memory data. Nothing else.
import adapter from '@sveltejs/adapter-node';

/** @type {import('@sveltejs/kit').Config} */
export default { kit: { adapter: adapter() } };
