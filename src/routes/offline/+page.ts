// Built once at build time and precached by the service worker, which serves it whenever a
// page cannot be loaded and has no cached copy. It needs no request, person or database.
export const prerender = true;
