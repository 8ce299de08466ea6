/**
 * The one form-error type, shared by server actions and the components that show the errors.
 * Browser-safe: no server imports. A field error is a translation key plus its values; it is
 * translated where it is shown, in the reader's language.
 */
export interface FieldError {
	key: string;
	values?: Record<string, string | number>;
}

/** Errors per field name; `form` holds an error about the form as a whole. */
export type FieldErrors = Record<string, FieldError>;

/** One error on one field, e.g. `fieldError('start', 'km.errors.overlap')`. */
export function fieldError(
	field: string,
	key: string,
	values?: Record<string, string | number>
): FieldErrors {
	return { [field]: values ? { key, values } : { key } };
}
