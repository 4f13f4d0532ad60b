/**
 * What validate-form.ts reports about a submission: one error per field, with a stable code the
 * portal turns into a sentence in the reader's language (the definition holds the labels and the
 * pattern's message, so the server sends no prose), and the numbers the sentence needs.
 */

export type FormErrorCode =
  /** Applies and is required, but not given ('' , null, [] and whitespace count as not given). */
  | 'required'
  /** The wrong JSON type, or a string that is not a number, date, phone number… of this kind. */
  | 'type'
  /** Below `params.min` (a number, or a date `YYYY-MM-DD` with `today` already resolved). */
  | 'min'
  /** Above `params.max`. */
  | 'max'
  /** Fewer than `params.min` characters (Unicode code points after NFC and trim). */
  | 'min_length'
  /** More than `params.max` characters. */
  | 'max_length'
  /** Does not match the field's pattern; the definition's `pattern.message` says why. */
  | 'pattern'
  /** Not one of the field's options. */
  | 'option'
  /** A key the form does not have. */
  | 'unknown_field';

export interface FormError {
  /** The field's id; for `unknown_field`, the key as sent. */
  field: string;
  code: FormErrorCode;
  params?: Record<string, string | number>;
}
