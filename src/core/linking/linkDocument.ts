// Links the names of one document: short forms to the full names they stand for, acronyms to
// their expansions, and one kind for every mention of one name.
import { lexicon, normKey, normKeyOfLowercase, type Lexicon } from '../lexicon/lexicon';
import type { NameCandidate, NameKind, WordSet } from '../names/nameCandidate';
import { teamNameAt } from '../names/teams';
import { wordBefore } from '../names/tokens';

/** An entity as one document names it. */
export interface LocalEntity {
  /** `kind:key` of the entity inside the document: the normalized key of its fullest form. */
  readonly localId: string;
  readonly kind: NameKind;
  /** Set when its kind rests on guesses only, no lexicon entry, head word, title or dateline. */
  readonly guessed?: true;
  /** Lowercase words of its fullest form, as its first mention that is no lone person word gives them. */
  words: string[];
  /** Surface forms of its mentions, each once, and how often each occurs (`counts[i]` for `forms[i]`). */
  readonly forms: string[];
  readonly counts: number[];
}

/**
 * The names of one document linked within it: what linking across documents reads, and what a
 * corpus index keeps per document.
 */
export interface DocumentNames {
  entities: LocalEntity[];
  /** Entities named by a full form (anything but a lone person word), in order of first such mention. */
  full: number[];
  /** Entities named by a lone person word ("Reid"), in order of first such mention. */
  lone: number[];
  /** Four numbers per name, in text order: start, end, index into `entities`, index into its `forms`. */
  spans: Int32Array;
}

const KIND_ORDER: NameKind[] = ['person', 'organization', 'place'];
/** A mention's vote for its kind when it rests on evidence; a guess votes CUE_VOTE, a bare guess 1. */
const EVIDENCE_VOTE = 1 << 10;
/** Forms of one entity beyond which they are looked up in a map rather than a list. */
const MANY_FORMS = 16;
const PLACE_PREPS = new Set(['in', 'at', 'into', 'from', 'to', 'entered', 'leaving', 'left', 'inside', 'outside']);

/**
 * Links the names of one document. `surnames`: family names of the persons named in full anywhere
 * in the corpus; a lone word guessed to be something else is taken for that person's name.
 */
export function linkDocument(text: string, cands: NameCandidate[], surnames?: WordSet): DocumentNames {
  const lex = lexicon();
  if (surnames) {
    for (const c of cands) {
      if (!c.strong && c.kind !== 'person' && c.words.length === 1 && surnames.has(c.key)) c.kind = 'person';
    }
  }
  const n = cands.length;
  // the tables below share one scratch array: [0, n) each name's slot, [n, 5n) per slot the votes
  // for each kind and the kind chosen, [5n, 6n) fullOf, [6n, 7n) entityOf
  const table = scratch(7 * n);
  oneKindPerName(text, cands, table);
  linkShortForms(text, lex, cands, fullNames(lex, cands), table);
  return documentEntities(lex, cands, table);
}

/**
 * A mention's vote for its kind when a cue gave it ("in Faaborg", "the Chathams", "Mayor ..."): it
 * outweighs a few bare guesses of the same name ("Faaborg is", "Faaborg has").
 */
const CUE_VOTE = 4;

/**
 * A guess on no evidence at all, which the model did not weigh: the kind the rules give a lone
 * unknown word (why 42 of names/recognizeNames.ts) or unknown words (43) when nothing else tells;
 * and a place guessed from "at" alone (41), which comes before a workplace as often ("a job at
 * Quorvex").
 */
function isBareGuess(text: string, c: NameCandidate): boolean {
  if (c.kindScores !== undefined) return false;
  if (c.why === 41) return c.kind === 'place' && wordBefore(text, c.start) === 'at';
  return (c.why === 42 && c.kind === 'organization') || (c.why === 43 && c.kind === 'person');
}

/** 1. One kind per name: strong evidence first, then the majority, a cue outweighing bare guesses (the slots and votes of `table`). */
function oneKindPerName(text: string, cands: NameCandidate[], table: Int32Array): void {
  const n = cands.length;
  const slotOfKey = new Map<string, number>();
  table.fill(0, n, 5 * n);
  for (let i = 0; i < n; i++) {
    const c = cands[i];
    let slot = slotOfKey.get(c.key);
    if (slot === undefined) {
      slot = n + 4 * slotOfKey.size;
      slotOfKey.set(c.key, slot);
      table[slot + 3] = -1;
    }
    table[i] = slot;
    table[slot + KIND_ORDER.indexOf(c.kind)] += c.strong ? EVIDENCE_VOTE : isBareGuess(text, c) ? 1 : CUE_VOTE;
  }
  for (let i = 0; i < n; i++) {
    const v = table[i];
    if (table[v + 3] < 0) {
      let best = 0;
      for (let k = 1; k < 3; k++) if (table[v + k] > table[v + best]) best = k;
      table[v + 3] = best;
    }
    cands[i].kind = KIND_ORDER[table[v + 3]];
  }
}

/**
 * 2. The full names: person names of several words, organizations and places of several words, by
 * the short forms that may stand for them (lists of indices into `cands`, in text order).
 */
interface FullNames {
  /** A person's family name (or East Asian family name written first): "Trump", "Xi", "Li". */
  personBySurname: Map<string, number[]>;
  /** An organization's or place's first words, the words after its "of", a team's own name. */
  multiByFirstWords: Map<string, number[]>;
  /** The initials of a name of several words, for acronyms. */
  byInitials: Map<string, number[]>;
}

/** The full names of a document's names (see FullNames). A name repeats: its prefixes are made once. */
function fullNames(lex: Lexicon, cands: readonly NameCandidate[]): FullNames {
  const prefixMemo = new Map<string, string[]>();
  const prefixesOf = (c: NameCandidate): string[] => {
    const w = c.words;
    const all = w.join(' ');
    let prefixes = prefixMemo.get(all);
    if (!prefixes) {
      prefixes = [];
      for (let k = 1, at = 0; k < w.length; k++) prefixes.push(all.slice(0, (at += w[k - 1].length + (k > 1 ? 1 : 0))));
      prefixMemo.set(all, prefixes);
    }
    return prefixes;
  };
  const personBySurname = new Map<string, number[]>();
  const multiByFirstWords = new Map<string, number[]>();
  const byInitials = new Map<string, number[]>();
  for (let i = 0; i < cands.length; i++) {
    const c = cands[i];
    const w = c.words;
    if (c.kind === 'person' && w.length >= 2) {
      // a lone word stands for the family name, or for an East Asian family name written first: "Trump", "Xi", "Li"
      push(personBySurname, w[w.length - 1], i);
      if (w[0] !== w[w.length - 1] && lex.eastAsianSurnames.has(w[0])) push(personBySurname, w[0], i);
    }
    if (w.length >= 2) {
      if (c.kind !== 'person') {
        for (const prefix of prefixesOf(c)) push(multiByFirstWords, prefix, i);
        // "Church of Scientology" -> "Scientology"
        if (c.ofAt > 0) push(multiByFirstWords, w.slice(c.ofAt).join(' '), i);
        // "New Orleans Saints" -> "Saints"
        const team = teamNameAt(lex, w);
        if (team > 0) push(multiByFirstWords, w.slice(team).join(' '), i);
      }
      const ini = c.initials;
      if (ini.length >= 2) push(byInitials, ini, i);
      if (c.initialsBeforeAnd) push(byInitials, c.initialsBeforeAnd, i);
    }
  }
  return { personBySurname, multiByFirstWords, byInitials };
}

/**
 * 3. Each mention's entity: the full form it is short for (fullOf in `table`, an index into `cands`),
 * else itself (-1).
 */
function linkShortForms(text: string, lex: Lexicon, cands: readonly NameCandidate[], names: FullNames, table: Int32Array): void {
  const { personBySurname, multiByFirstWords, byInitials } = names;
  const n = cands.length;
  const fullOf = 5 * n;
  table.fill(-1, fullOf, 6 * n);
  for (let i = 0; i < n; i++) {
    const c = cands[i];
    const w = c.words;
    if (c.acronym) {
      const exp = nearest(cands, byInitials.get(c.key), c.start);
      if (exp >= 0 && exp !== i) {
        table[fullOf + i] = exp;
        continue;
      }
    }
    if (w.length === 1 && (c.kind === 'person' || !c.strong || !lex.countries.has(c.key))) {
      const persons = personBySurname.get(w[0]);
      if (persons && !lex.countries.has(c.key) && !(lex.places.has(c.key) && c.strong && c.kind !== 'person' && persons.length === 0)) {
        const full = nearest(cands, persons, c.start);
        if (full >= 0) {
          table[fullOf + i] = full;
          continue;
        }
      }
    }
    if (!c.titled && (!c.strong || (c.kind === 'person' ? PLACE_PREPS.has(wordBefore(text, c.start)) : !lex.places.has(c.key)))) {
      const longer = multiByFirstWords.get(w.length === 1 ? w[0] : w.join(' '));
      if (longer && longer.length) {
        const full = nearest(cands, longer, c.start);
        if (full >= 0 && !(w.length === 1 && c.strong && lex.orgs.has(c.key) && !genericTail(cands[full].words, 1))) {
          table[fullOf + i] = full;
          continue;
        }
      }
    }
  }
}

/** 4. The entities of the document, their forms, and each mention's span, entity and form. */
function documentEntities(lex: Lexicon, cands: readonly NameCandidate[], table: Int32Array): DocumentNames {
  // acronyms defined by their expansion also give the expansion their kind, and vice versa
  const n = cands.length;
  const fullOf = 5 * n;
  const entities: LocalEntity[] = [];
  const full: number[] = [];
  const lone: number[] = [];
  const spans = new Int32Array(n * 4);
  const entityOf = 6 * n; // by index of the full form
  table.fill(-1, entityOf, 7 * n);
  const byCanon = KIND_ORDER.map(() => new Map<string, number>());
  // per entity: bit 1 once named by a lone person word, bit 2 once named in full
  const seen: number[] = [];
  // the forms of entities with many, by text: looking each up in a list would grow with the square
  // of their number (a text can spell one name in thousands of ways of capitalizing it)
  const formIndex = new Map<number, Map<string, number>>();
  for (let i = 0; i < n; i++) {
    const c = cands[i];
    let fi = i;
    for (let hops = 0; hops <= 3 && table[fullOf + fi] >= 0; hops++) fi = table[fullOf + fi];
    const f = cands[fi];
    let e = table[entityOf + fi];
    if (e < 0) {
      const canon = lex.aliases.get(f.key) ?? entityKey(lex, f.kind, f);
      const byKind = byCanon[KIND_ORDER.indexOf(f.kind)];
      e = byKind.get(canon) ?? -1;
      if (e < 0) {
        e = entities.length;
        byKind.set(canon, e);
        // most entities have one form: arrays made by a literal have no room to spare
        const localId = `${f.kind}:${canon}`;
        entities.push(
          table[table[fi] + KIND_ORDER.indexOf(f.kind)] >= EVIDENCE_VOTE
            ? { localId, kind: f.kind, words: f.words, forms: [c.text], counts: [0] }
            : { localId, kind: f.kind, words: f.words, forms: [c.text], counts: [0], guessed: true },
        );
        seen.push(0);
      }
      table[entityOf + fi] = e;
    }
    const entity = entities[e];
    const index = formIndex.get(e);
    let form = index ? (index.get(c.text) ?? -1) : entity.forms.indexOf(c.text);
    if (form < 0) {
      form = entity.forms.length;
      entity.forms.push(c.text);
      entity.counts.push(1);
      if (index) index.set(c.text, form);
      else if (form >= MANY_FORMS) formIndex.set(e, new Map(entity.forms.map((f, i) => [f, i])));
    } else entity.counts[form]++;
    if (f.kind === 'person' && f.words.length === 1) {
      if (!(seen[e] & 1)) {
        seen[e] |= 1;
        lone.push(e);
      }
    } else if (!(seen[e] & 2)) {
      seen[e] |= 2;
      full.push(e);
      entity.words = f.words;
    }
    spans[i * 4] = c.start;
    spans[i * 4 + 1] = c.end;
    spans[i * 4 + 2] = e;
    spans[i * 4 + 3] = form;
  }
  return { entities, full, lone, spans };
}

// Typed arrays are costly to create: linkDocument's tables live in one, reused from call to call
// (up to a size: the tables of a huge text are not kept).
const KEPT_SCRATCH = 1 << 16;
let scratchTable = new Int32Array(1024);
function scratch(size: number): Int32Array {
  if (size > KEPT_SCRATCH) return new Int32Array(size);
  if (scratchTable.length < size) scratchTable = new Int32Array(Math.min(KEPT_SCRATCH, Math.max(size, 2 * scratchTable.length)));
  return scratchTable;
}

function push<K, V>(m: Map<K, V[]>, k: K, v: V): void {
  const a = m.get(k);
  if (a) a.push(v);
  else m.set(k, [v]);
}

/** Index of the candidate nearest before `pos`, else of the first one after it (lists are in text order); -1 for none. */
function nearest(cands: readonly NameCandidate[], list: number[] | undefined, pos: number): number {
  if (!list || !list.length) return -1;
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cands[list[mid]].start < pos) lo = mid + 1;
    else hi = mid;
  }
  if (lo > 0) return list[lo - 1];
  return cands[list[lo]].start === pos ? (list[lo + 1] ?? list[lo]) : list[lo];
}

const SUFFIXES = new Set(['jr', 'sr', 'ii', 'iii', 'iv']);
/** Generic heads that vary between mentions of one institution ("Betty Ford Center", "Betty Ford Clinic"). */
const GENERIC_HEADS = new Set([
  'center',
  'centre',
  'clinic',
  'rehab',
  'hospital',
  'facility',
  'treatment',
  'recovery',
  'institute',
  'inc',
  'corp',
  'corporation',
  'co',
  'ltd',
  'company',
  'group',
  'plc',
  'llc',
]);

/**
 * Whether the words of a name after its first `from` are generic heads only ("Microsoft Corp."):
 * a known organization alone ("Microsoft") is short for that name, never for another that begins
 * with it ("Microsoft Word", "Microsoft Security Response Center").
 */
function genericTail(words: readonly string[], from: number): boolean {
  for (let k = from; k < words.length; k++) if (!GENERIC_HEADS.has(words[k].replace(/\.$/, ''))) return false;
  return true;
}

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
    // the first and last words that are neither initials nor suffixes
    const isCore = (x: string) => x.length > 1 && !SUFFIXES.has(x);
    let a = 0;
    while (a < w.length && !isCore(w[a])) a++;
    let b = w.length - 1;
    while (b > a && !isCore(w[b])) b--;
    if (b <= a) return c.key;
    return normKeyOfLowercase(w[a] + w[b]); // words are lowercase
  }
  let n = w.length;
  while (n > 1 && GENERIC_HEADS.has(w[n - 1])) n--;
  if (n === w.length) return c.key;
  const core = normKey(w.slice(0, n).join(''));
  if (lex.places.has(core) || lex.common.has(core) || lex.given.has(core) || lex.orgs.has(core)) return c.key;
  return core + '~';
}
