// The app shell: an empty page that boots the client router. The service worker serves it
// for a client page opened without a connection; the router then shows that page from the
// offline copy. Prerendered, so it is in the precache.
export const prerender = true;
export const ssr = false;
