// `$app/state` for pages rendered here outside a SvelteKit app: nobody signed in, so components
// that read the page state (read-aloud reads the person's preference) get their defaults.
// Use: vi.mock('$app/state', () => import('./app-state-stub'));
export const page = {
	data: { user: null },
	url: new URL('http://localhost/'),
	params: {},
	route: { id: null },
	form: null,
	status: 200,
	error: null,
	state: {}
};
export const navigating = { type: null };
export const updated = { current: false };
