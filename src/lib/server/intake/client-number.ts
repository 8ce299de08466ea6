/** Client numbers as benefit systems make them: letters, digits and dashes, at most 40. */
export const CLIENT_NUMBER = /^[A-Za-z0-9][A-Za-z0-9-]{0,39}$/;
