/**
 * Text from documents, annotations and file names is untrusted: printed as it is, an escape
 * sequence (ESC, CSI), a carriage return or a bidirectional override could rewrite what a person
 * sees in a terminal. These functions show such characters as escapes instead.
 */

/** C0 controls, DEL, C1 controls, and the bidirectional embeddings, overrides and isolates. */
// eslint-disable-next-line no-control-regex -- control characters are what is escaped
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
/** The same, less the C0 controls that JSON escapes itself. */
const JSON_UNESCAPED = /[\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

const hex = (c: string, width: number) => c.charCodeAt(0).toString(16).toUpperCase().padStart(width, '0');

/** `text` with every control character written as `\xNN` (or `\uNNNN` above U+00FF): one line, nothing hidden. */
export function printable(text: string): string {
  return text.replace(CONTROL, c => (c.charCodeAt(0) <= 0xff ? `\\x${hex(c, 2)}` : `\\u${hex(c, 4)}`));
}

/**
 * JSON text with the control characters `JSON.stringify` leaves as they are (DEL, C1, bidi
 * controls) written as `\uNNNN` escapes: the same JSON value, safe on a terminal.
 */
export function printableJson(json: string): string {
  return json.replace(JSON_UNESCAPED, c => `\\u${hex(c, 4)}`);
}
