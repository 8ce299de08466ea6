// How long a client's texts may be, counted in characters after trimming. Apart from the
// schemas (schema.ts, which needs zod) so that a form in the browser can show the limit
// without pulling zod into the page's first-load JavaScript (#19).

export const NOTE_MAX = 500;
export const OPEN_ANSWER_MAX = 1000;
export const MESSAGE_MAX = 2000;
/** Files one message carries at most (each at most 10 MB, checked on the server). */
export const DOCUMENTS_MAX = 5;
