export const LANGUAGE_COOKIE = 'wegwijs_lang';
