// Links the names of one document: short forms to the full names they stand for, acronyms to
// their expansions, and one kind for every mention of one name.
import { lexicon, normKey, type Lexicon } from '../lexicon/lexicon';
import type { NameCandidate, NameKind } from '../names/recognizeNames';
import { wordAfter, wordBefore } from '../names/tokens';

/** A name with the document-local entity it belongs to. */
export interface LinkedName {
  start: number;
  end: number;
  text: string;
  kind: NameKind;
  /** Key of the entity inside this document: the normalized key of its fullest form. */
  localId: string;
  /** True when this mention is a short form of a fuller name of the same document. */
  short: boolean;
  /** Word tokens (lowercase) of the mention, for linking across documents. */
  words: string[];
}

interface Ent {
  id: string;
  kind: NameKind;
  /** Full (multi-word) form of a person; single-word only when no fuller form was seen. */
  words: string[];
  /** First position, for preferring the nearest preceding full name. */
  positions: number[];
}

const KIND_ORDER: NameKind[] = ['person', 'organization', 'place'];
const PLACE_PREPS = new Set(['in', 'at', 'into', 'from', 'to', 'entered', 'leaving', 'left', 'inside', 'outside']);

function wordsOf(c: NameCandidate): string[] {
  return c.words;
}

/** East Asian order: the family name comes first ("Lee Jae-myung", "Xi Jinping"). */
export function familyFirst(lex: Lexicon, words: string[], hyphenSecond?: boolean): boolean {
  if (words.length < 2 || !lex.eastAsianSurnames.has(words[0])) return false;
  if (hyphenSecond || words[1].includes('-')) return true;
  if (words.length === 3 && words.every(w => w.length <= 5)) return true;
  return !lex.given.has(words[1]) || lex.eastAsianSurnames.has(words[1]) === false && words[1].length <= 4;
}

/** Place names used as actors ("North Korea fired", "Sweden defeated"): governments and teams. */
function actorPlaces(text: string, lex: Lexicon, cands: NameCandidate[]): Set<string> {
  const score = new Map<string, number>();
  for (const c of cands) {
    if (c.kind !== 'place' || !lex.places.has(c.key)) continue;
    let v = score.get(c.key) ?? 0;
    const after = wordAfter(text, c.end);
    const before = wordBefore(text, c.start);
    if (lex.actorVerbs.has(after)) v += 1;
    else if (before === 'in' || before === 'at' || before === 'into' || before === 'to' || before === 'near' || before === 'across') v -= 1;
    score.set(c.key, v);
  }
  const out = new Set<string>();
  for (const [k, v] of score) if (v >= 2) out.add(k);
  return out;
}

/**
 * Links the names of one document. `surnames`: family names of the persons named in full anywhere
 * in the corpus; a lone word guessed to be something else is taken for that person's name.
 */
export function linkDocument(text: string, cands: NameCandidate[], surnames?: ReadonlySet<string>): LinkedName[] {
  const lex = lexicon();
  if (surnames) {
    for (const c of cands) {
      if (!c.strong && c.kind !== 'person' && c.words.length === 1 && surnames.has(c.key)) c.kind = 'person';
    }
  }
  const actors = actorPlaces(text, lex, cands);
  if (actors.size) for (const c of cands) if (actors.has(c.key)) { c.kind = 'organization'; c.strong = true; }
  // 1. one kind per name: strong evidence first, then the majority
  const votes = new Map<string, number[]>();
  for (const c of cands) {
    let v = votes.get(c.key);
    if (!v) votes.set(c.key, v = [0, 0, 0]);
    v[KIND_ORDER.indexOf(c.kind)] += c.strong ? 10 : 1;
  }
  const kindOf = new Map<string, NameKind>();
  for (const [k, v] of votes) {
    let best = 0;
    for (let i = 1; i < 3; i++) if (v[i] > v[best]) best = i;
    kindOf.set(k, KIND_ORDER[best]);
  }
  for (const c of cands) c.kind = kindOf.get(c.key)!;

  // 2. full names: person names of several words, organizations and places of several words
  const personBySurname = new Map<string, NameCandidate[]>();
  const multiByFirstWords = new Map<string, NameCandidate[]>();
  const byInitials = new Map<string, NameCandidate[]>();
  for (const c of cands) {
    const w = wordsOf(c);
    if (c.kind === 'person' && w.length >= 2) {
      // a lone word stands for the family name, or for an East Asian family name written first: "Trump", "Xi", "Li"
      push(personBySurname, w[w.length - 1], c);
      if (w[0] !== w[w.length - 1] && lex.eastAsianSurnames.has(w[0])) push(personBySurname, w[0], c);
    }
    if (w.length >= 2) {
      if (c.kind !== 'person') {
        for (let k = 1; k < w.length; k++) push(multiByFirstWords, w.slice(0, k).join(' '), c);
        // "Church of Scientology" -> "Scientology"
        if (c.ofAt > 0) push(multiByFirstWords, w.slice(c.ofAt).join(' '), c);
      }
      const ini = c.initials;
      if (ini.length >= 2) push(byInitials, ini, c);
    }
  }

  // 3. each mention's entity: the full form it is short for, else itself
  const fullOf = new Map<NameCandidate, NameCandidate>();
  for (const c of cands) {
    const w = wordsOf(c);
    if (c.acronym) {
      const exp = nearest(byInitials.get(c.key), c.start);
      if (exp && exp !== c) { fullOf.set(c, exp); continue; }
    }
    if (w.length === 1 && (c.kind === 'person' || !c.strong || !lex.countries.has(c.key))) {
      const persons = personBySurname.get(w[0]);
      if (persons && !lex.countries.has(c.key) && !(lex.places.has(c.key) && c.strong && c.kind !== 'person' && persons.length === 0)) {
        const full = nearest(persons, c.start);
        if (full) { fullOf.set(c, full); continue; }
      }
    }
    if (!c.titled && (!c.strong || (c.kind === 'person' ? PLACE_PREPS.has(wordBefore(text, c.start)) : !lex.places.has(c.key)))) {
      const longer = multiByFirstWords.get(w.join(' '));
      if (longer && longer.length) {
        const full = nearest(longer, c.start);
        if (full) { fullOf.set(c, full); continue; }
      }
    }
  }
  // acronyms defined by their expansion also give the expansion their kind, and vice versa
  const out: LinkedName[] = [];
  for (const c of cands) {
    let full = fullOf.get(c) ?? c;
    for (let hops = 0; hops < 3 && fullOf.has(full); hops++) full = fullOf.get(full)!;
    const kind = full === c ? c.kind : full.kind;
    const canon = lex.aliases.get(full.key) ?? entityKey(lex, kind, full);
    out.push({ start: c.start, end: c.end, text: c.text, kind, localId: `${kind}:${canon}`, short: full !== c, words: wordsOf(full) });
  }
  return out;
}

function push<K, V>(m: Map<K, V[]>, k: K, v: V): void {
  const a = m.get(k);
  if (a) a.push(v);
  else m.set(k, [v]);
}

/** The candidate nearest before `pos`, else the first one after it (lists are in text order). */
function nearest(list: NameCandidate[] | undefined, pos: number): NameCandidate | undefined {
  if (!list || !list.length) return undefined;
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid].start < pos) lo = mid + 1;
    else hi = mid;
  }
  if (lo > 0) return list[lo - 1];
  return list[lo].start === pos ? list[lo + 1] ?? list[lo] : list[lo];
}

export type { Ent };
export { normKey };

/** Family names of the persons named with several words among `cands`, added to `into`. */
export function collectSurnames(cands: readonly NameCandidate[], into: Set<string>): void {
  const lex = lexicon();
  for (const c of cands) {
    if (c.kind !== 'person' || c.words.length < 2 || !c.strong) continue;
    const w = c.words;
    into.add(familyFirst(lex, w, c.hyphenSecond) ? w[0] : w[w.length - 1]);
  }
}

const SUFFIXES = new Set(['jr', 'sr', 'ii', 'iii', 'iv']);
/** Generic heads that vary between mentions of one institution ("Betty Ford Center", "Betty Ford Clinic"). */
const GENERIC_HEADS = new Set(['center', 'centre', 'clinic', 'rehab', 'hospital', 'facility', 'treatment', 'recovery', 'institute', 'inc', 'corp', 'corporation', 'co', 'ltd', 'company', 'group', 'plc', 'llc']);

/**
 * The key under which mentions of one entity meet across documents: a person's first and last
 * name without initials or suffixes ("W. Mark Felt" = "Mark Felt"); an institution without its
 * generic head ("Betty Ford Center" = "Betty Ford Clinic"), unless what remains is a place.
 */
export function entityKey(lex: Lexicon, kind: NameKind, c: NameCandidate): string {
  const w = c.words;
  if (w.length < 2) return c.key;
  if (kind === 'person') {
    if (lex.eastAsianSurnames.has(w[0])) return c.key;
    const core = w.filter(x => x.length > 1 && !SUFFIXES.has(x));
    if (core.length < 2) return c.key;
    return normKey(core[0] + core[core.length - 1]);
  }
  let n = w.length;
  while (n > 1 && GENERIC_HEADS.has(w[n - 1])) n--;
  if (n === w.length) return c.key;
  const core = normKey(w.slice(0, n).join(''));
  if (lex.places.has(core) || lex.common.has(core) || lex.given.has(core) || lex.orgs.has(core)) return c.key;
  return core + '~';
}
