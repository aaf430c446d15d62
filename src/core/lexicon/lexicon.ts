// Lookup tables built once, at first use, from the compact lists in generated.ts and words.ts.
import { CITIES, COMMON_WORDS, COUNTRIES, DEMONYMS, GIVEN_NAMES } from './generated';
import * as W from './words';

/** Decodes a front-coded list (see scripts/makeLexicon.mjs). */
export function frontDecode(coded: string): string[] {
  const out: string[] = [];
  let prev = '';
  let i = 0;
  const n = coded.length;
  while (i < n) {
    let j = coded.indexOf('|', i);
    if (j < 0) j = n;
    const shared = parseInt(coded[i], 36);
    prev = prev.slice(0, shared) + coded.slice(i + 1, j);
    out.push(prev);
    i = j + 1;
  }
  return out;
}

const split = (s: string): string[] => s.split('|').filter(Boolean);

export interface Lexicon {
  /** Lowercase common English words. */
  common: Set<string>;
  /** The most common English words, lowercase. */
  veryCommon: Set<string>;
  /** Lowercase closed-class words. */
  functionWords: Set<string>;
  /** The function words of at most four letters a-z, as letterCode numbers (looked up without a substring). */
  shortFunctionWords: Set<number>;
  given: Set<string>;
  /** Lowercase key -> place; countries, cities, regions. Keys are `key()` of the name. */
  places: Set<string>;
  countries: Set<string>;
  /** Lowercase key of known organizations. */
  orgs: Set<string>;
  demonyms: Set<string>;
  titles: Set<string>;
  personTitles: Set<string>;
  personCuesBefore: Set<string>;
  placeCuesBefore: Set<string>;
  orgCuesAfter: Set<string>;
  orgHeads: Set<string>;
  placeHeads: Set<string>;
  placePrefixes: Set<string>;
  orgPrefixes: Set<string>;
  placeOfPrefixes: Set<string>;
  eventHeads: Set<string>;
  neverNames: Set<string>;
  eastAsianSurnames: Set<string>;
  particles: Set<string>;
  notOrgAcronyms: Set<string>;
  /** Normalized alias -> canonical normalized key. */
  aliases: Map<string, string>;
  /** Canonical normalized key -> display name. */
  aliasNames: Map<string, string>;
  /** Longest number of words of a multi-word lexicon entry. */
  maxWords: number;
  /** Lowercase first word -> true when some multi-word place/org entry starts with it. */
  multiStarts: Set<string>;
}

const NON_ALNUM = /[^a-z0-9]+/g;
const MARKS = /[\u0300-\u036f]/g;
const NON_ALNUM_U = /[^\p{L}\p{N}]+/gu;
const FOLD: Record<string, string> = { ß: 'ss', ø: 'o', ł: 'l', đ: 'd', æ: 'ae', œ: 'oe', ı: 'i', þ: 'th' };

// The keys of the names met lately, by their lowercase form (direct-mapped: a name evicts the one in its slot).
const KEY_SLOTS = 1024;
const recentLower: string[] = new Array<string>(KEY_SLOTS).fill('');
const recentKeys: string[] = new Array<string>(KEY_SLOTS).fill('');

/** Case-, diacritic-, punctuation- and spacing-insensitive key of a name. */
export function normKey(s: string): string {
  // names repeat: an ASCII name's key is looked up first
  let h = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c > 127) return normKeyOfLowercase(s.toLowerCase());
    h = (Math.imul(h, 31) + (c >= 65 && c <= 90 ? c + 32 : c)) | 0;
  }
  const slot = (h ^ (h >>> 13)) & (KEY_SLOTS - 1);
  if (sameLowercase(recentLower[slot], s)) return recentKeys[slot];
  const lower = s.toLowerCase();
  const key = normKeyOfLowercase(lower);
  // a string with no capital may be a slice of a whole text, which the cache would keep alive
  if (lower !== s) {
    recentLower[slot] = lower;
    recentKeys[slot] = key;
  }
  return key;
}

/** Whether `lower` is the lowercase form of `s`, an ASCII string. */
function sameLowercase(lower: string, s: string): boolean {
  if (lower.length !== s.length) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (lower.charCodeAt(i) !== (c >= 65 && c <= 90 ? c + 32 : c)) return false;
  }
  return true;
}

/** normKey of a string already in lowercase. */
export function normKeyOfLowercase(lower: string): string {
  let plain = true;
  for (let i = 0; i < lower.length; i++) {
    const c = lower.charCodeAt(i);
    if (c > 127)
      return lower
        .normalize('NFD')
        .replace(MARKS, '')
        .replace(/[ßøłđæœıþ]/g, c => FOLD[c])
        .replace(NON_ALNUM_U, '');
    if (!((c >= 97 && c <= 122) || (c >= 48 && c <= 57))) plain = false;
  }
  return plain ? lower : lower.replace(NON_ALNUM, '');
}

/**
 * How many first words of a name (lowercase words; not all of them) name a known place: 2 for
 * "san diego chargers" and for "kansas city chiefs" (the lexicon leaves out "X City"), else 0.
 */
export function leadingPlaceWords(lex: Lexicon, words: readonly string[]): number {
  const n = words.length;
  const first = normKeyOfLowercase(words[0]);
  // most names start with no place, or with a one-word place that begins no longer entry
  if (lex.places.has(first) && !lex.multiStarts.has(words[0]) && words[1] !== 'city') return n > 1 ? 1 : 0;
  const most = Math.min(n - 1, lex.maxWords);
  // the keys of the first 1, 2... words joined by spaces: a key keeps letters and digits only, so
  // an ASCII phrase's key is its words' keys end to end (no joined phrase to make and clean)
  const keys: string[] = [first];
  let ascii = isAscii(words[0]);
  for (let j = 1; j < most; j++) {
    ascii &&= isAscii(words[j]);
    keys.push(ascii ? keys[j - 1] + normKeyOfLowercase(words[j]) : normKeyOfLowercase(words.slice(0, j + 1).join(' ')));
  }
  for (let k = most; k >= 1; k--) {
    if (lex.places.has(keys[(words[k - 1] === 'city' && k > 1 ? k - 1 : k) - 1])) return k;
  }
  return 0;
}

function isAscii(word: string): boolean {
  for (let i = 0; i < word.length; i++) if (word.charCodeAt(i) > 127) return false;
  return true;
}

/** A word of letters a-z as a number (letters in base 27): distinct words give distinct numbers. */
function letterCode(word: string): number {
  let code = 0;
  for (let i = 0; i < word.length; i++) code = code * 27 + word.charCodeAt(i) - 96;
  return code;
}

let cached: Lexicon | undefined;

export function lexicon(): Lexicon {
  if (cached) return cached;
  // the names of the lexicon are many and met once: not through normKey's cache of recent names
  const keyOf = (s: string) => normKeyOfLowercase(s.toLowerCase());
  const lowerSet = (s: string) => new Set(split(s).map(w => w.toLowerCase()));
  const places = new Set<string>();
  const countries = new Set<string>();
  const orgs = new Set<string>();
  const multiStarts = new Set<string>();
  let maxWords = 1;
  const addMulti = (name: string) => {
    const words = name.split(' ');
    if (words.length > 1) {
      multiStarts.add(words[0].toLowerCase());
      if (words.length > maxWords) maxWords = words.length;
    }
  };
  for (const c of frontDecode(CITIES)) {
    places.add(keyOf(c));
    addMulti(c);
  }
  for (const p of split(W.KNOWN_PLACES)) {
    places.add(keyOf(p));
    addMulti(p);
  }
  for (const entry of COUNTRIES.split('|')) {
    for (const name of entry.slice(entry.indexOf(':') + 1).split(';')) {
      countries.add(keyOf(name));
      places.add(keyOf(name));
      addMulti(name);
    }
  }
  for (const o of split(W.KNOWN_ORGS)) {
    orgs.add(keyOf(o));
    addMulti(o);
  }
  const aliases = new Map<string, string>();
  const aliasNames = new Map<string, string>();
  for (const group of W.ALIASES) {
    const forms = split(group);
    const canon = keyOf(forms[0]);
    aliasNames.set(canon, forms[0]);
    for (const f of forms) {
      aliases.set(keyOf(f), canon);
      addMulti(f);
    }
    // "New York City" is a place as "New York" is: a group with a known place names a place
    if (forms.some(f => places.has(keyOf(f)))) places.add(canon);
  }
  const demonymList = [...split(DEMONYMS), ...split(W.EXTRA_DEMONYMS)];
  for (const d of demonymList) addMulti(d);
  const demonyms = new Set<string>(demonymList.map(keyOf));
  // Places named like their demonym ("Djibouti") stay places.
  for (const p of countries) demonyms.delete(p);
  const common = new Set<string>();
  const veryCommon = new Set<string>();
  for (const w of frontDecode(COMMON_WORDS)) {
    if (w.charCodeAt(w.length - 1) === 33) {
      const bare = w.slice(0, -1);
      common.add(bare);
      veryCommon.add(bare);
    } else common.add(w);
  }
  const functionWords = lowerSet(W.FUNCTION_WORDS);
  cached = {
    common,
    veryCommon,
    functionWords,
    shortFunctionWords: new Set([...functionWords].filter(w => /^[a-z]{1,4}$/.test(w)).map(letterCode)),
    given: new Set(frontDecode(GIVEN_NAMES)),
    places,
    countries,
    orgs,
    demonyms,
    titles: lowerSet(W.TITLES),
    personTitles: lowerSet(W.PERSON_TITLES),
    personCuesBefore: lowerSet(W.PERSON_CUES_BEFORE),
    placeCuesBefore: lowerSet(W.PLACE_CUES_BEFORE),
    orgCuesAfter: lowerSet(W.ORG_CUES_AFTER),
    orgHeads: lowerSet(W.ORG_HEADS),
    placeHeads: lowerSet(W.PLACE_HEADS),
    placePrefixes: lowerSet(W.PLACE_PREFIXES),
    orgPrefixes: lowerSet(W.ORG_PREFIXES),
    placeOfPrefixes: lowerSet(W.PLACE_OF_PREFIXES),
    eventHeads: lowerSet(W.EVENT_HEADS),
    neverNames: lowerSet(W.NEVER_NAMES),
    eastAsianSurnames: lowerSet(W.EAST_ASIAN_SURNAMES),
    particles: lowerSet(W.NAME_PARTICLES),
    notOrgAcronyms: new Set(split(W.NOT_ORG_ACRONYMS)),
    aliases,
    aliasNames,
    maxWords,
    multiStarts,
  };
  return cached;
}
