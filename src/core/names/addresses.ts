// Web mail's own words that are no names: a word glued into an e-mail address, a web address or an
// attachment's file name ("Kevin.A.Boone@accenture.com", "UnleadedStocks.pdf", "Lisa_resume.doc"),
// and the labels of a signature's contact lines ("Fax : 216-292-7207", "E-Mail : hilary@gs.com").

/** An attachment's extension at the end of a word. */
const FILE_NAME = /\.(?:pdf|docx?|xlsx?|pptx?|txt|rtf|csv|wpd|zip|jpe?g|png|gif|html?|mp3)$/i;
/** An e-mail address's domain at the end of a word (not "Name@ENRON" of a mail header, which names the sender). */
const EMAIL = /@[\w-]+(?:\.[\w-]+)+$/;
const WEB = /^(?:https?:\/\/|www\.)/i;
/** Punctuation around a word that is not part of it, Markdown's emphasis included ("_The Post_"). */
const OUTER = /^[(<["'“‘_*]+|[)>\]"'”’.,;:!?_*]+$/g;
/** The longest word read on either side of a name: text without spaces (minified, CJK) costs no more. */
const MAX_REACH = 256;

/**
 * True when the name at `s`..`e` is part of an e-mail address, a web address or a file name: the
 * word it stands in, from space to space (no longer than MAX_REACH each side). A domain alone ("Secunia.com", "People.com") is left: it
 * names a company as often as not.
 */
export function isInAddress(text: string, s: number, e: number): boolean {
  const from = Math.max(0, s - MAX_REACH);
  const to = Math.min(text.length, e + MAX_REACH);
  let a = s;
  while (a > 0 && !endsWord(text.charCodeAt(a - 1))) if (--a === from && from > 0) return false;
  let b = e;
  while (b < text.length && !endsWord(text.charCodeAt(b))) if (++b === to && to < text.length) return false;
  if (a === s && b === e) return false;
  const word = text.slice(a, b).replace(OUTER, '');
  return word.includes('_') || FILE_NAME.test(word) || EMAIL.test(word) || WEB.test(word);
}

/** Spaces, and the brackets of a Markdown link, which end a word: "[John Smith](https://...)". */
function endsWord(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9 || c === 160 || c === 40 || c === 41 || c === 91 || c === 93;
}

/** Labels of contact lines, lowercase. */
const CONTACT_LABELS = new Set(['fax', 'facsimile', 'telephone', 'phone', 'tel', 'e-mail', 'email', 'cell', 'mobile', 'pager']);
/** What follows a contact label: a colon or not, then a telephone number (seven digits or more, not "Mobile: 3 dead") or an e-mail address. */
const CONTACT_AFTER = /^\s*:?\s*(?:\(?\s*\+?\d(?:[\s().-]*\d){6}|[\w.+-]+@)/;

/**
 * True when `words` (lowercase) end in a contact line's label ("Fax", "E-Mail") that a number or an
 * address follows at `e`, any word before it holding a digit (a room, "EB3326 Telephone : ...").
 */
export function isContactLabel(text: string, words: readonly string[], e: number): boolean {
  return CONTACT_LABELS.has(words[words.length - 1]) && words.slice(0, -1).every(w => /\d/.test(w)) && CONTACT_AFTER.test(text.slice(e, e + 40));
}
