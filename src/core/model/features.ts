// The features of the capitalized words that may form names, as hash buckets. Only the tokens of
// candidate runs (capitalized words joined by spaces or name connectors, see names/tokens.ts) get
// features; the rules' own spans and kinds are features too, as is what the rest of the document
// says about the same word.
import { lexicon, normKey, type Lexicon } from '../lexicon/lexicon';
import { LineKind, tokKey, type Tok } from '../names/tokens';
import { clusterOf, clusterPrefix } from './clusters';
import { bucket, EMPTY_HASH, hashChar, hashString } from './hash';

/** What the features of one document are computed from. */
export interface DocumentInput {
  text: string;
  /** Runs of capitalized words in text order, as scanRuns gives them. */
  runs: readonly Tok[][];
  /** The rules' names, in text order, not overlapping. */
  rules: readonly RuleName[];
  /** Family names of the persons the rules found named in full. */
  surnames: ReadonlySet<string>;
}

/** What the features read of a name the rules found (a NameCandidate of names/recognizeNames.ts). */
export interface RuleName {
  readonly start: number;
  readonly end: number;
  readonly kind: string;
  readonly strong: boolean;
  readonly titled: boolean;
  readonly words: readonly string[];
  readonly why?: number;
}

/** Feature buckets of the tokens of one run: token i has ids[offs[i] .. offs[i + 1]). */
export interface RunFeatures {
  ids: Int32Array;
  offs: Int32Array;
  n: number;
}

// templates: each a distinct number mixed into the hash of its value
const enum T {
  Bias,
  Word,
  Shape,
  ShapePos,
  Pre3,
  Suf3,
  Suf2,
  P1,
  P2,
  N1,
  N2,
  P1Word,
  Pos,
  ConnBefore,
  ConnAfter,
  Gaz,
  GazMask,
  PrevMask,
  NextMask,
  Multi,
  Rule,
  RuleTitled,
  DocLower,
  DocMidCap,
  DocKind,
  DocSurname,
  DocTitled,
  DocSent,
  First,
  Last,
  WordSent,
  Length,
  Pre1,
  Pre2,
  Pre4,
  Suf1,
  Suf4,
  Pattern,
  WordN1,
  P1N1,
  PrevTok,
  NextTok,
  RuleWhy,
  RuleWhyPos,
  DocP1,
  DocN1,
  Cluster,
  ClusterP1,
  ClusterN1,
}

/** Depths of the word cluster tree read for a word (its path's prefixes), and for the words around it. */
const CLUSTER_DEPTHS = [4, 8, 12];
const CONTEXT_CLUSTER_DEPTHS = [4, 8];

// lexicon flags of a word
const GIVEN = 1,
  PLACE = 2,
  COUNTRY = 4,
  ORG = 8,
  ALIAS = 16,
  ORG_HEAD = 32,
  PLACE_HEAD = 64,
  TITLE = 128,
  PERSON_TITLE = 256,
  COMMON = 512,
  VERY_COMMON = 1024,
  FUNCTION = 2048,
  DEMONYM = 4096,
  NEVER = 8192,
  EAST_ASIAN = 16384,
  PARTICLE = 32768,
  PLACE_PREFIX = 65536,
  ORG_PREFIX = 131072,
  EVENT_HEAD = 262144;
const FLAG_COUNT = 19;
/** The flags shown to the neighbours of a word. */
const NEIGHBOUR_MASK = GIVEN | PLACE | ORG | COMMON | TITLE | ORG_HEAD | PLACE_HEAD | FUNCTION;

/** Evidence about one word (by the hash of its lowercase form) from the whole document. */
interface WordEvidence {
  /** The word's lowercase form (the first one of this hash met), and its lexicon flags once asked for (-1 before). */
  word: string;
  flags: number;
  /** Capitalized in the middle of a body sentence, how often. */
  midCap: number;
  /** Found in lowercase somewhere. */
  lower: boolean;
  /** How often the rules put it in a person, organization, place name. */
  kinds: [number, number, number];
  /** In a name the rules found after a person's title. */
  titled: boolean;
  /** The distinct words before and after its occurrences (at most CONTEXTS each). */
  before: number[];
  after: number[];
}

/** Distinct neighbouring words kept per word of a document. */
const CONTEXTS = 6;

const KIND_INDEX: Record<string, number> = { person: 0, organization: 1, place: 2 };

/** Computes features run by run for one document; tables shared by its runs are built once. */
export class FeatureExtractor {
  private readonly lex: Lexicon = lexicon();
  private readonly evidence = new Map<number, WordEvidence>();
  /** Per run of the document: for each token, the hash and start of the word before it, and the hash and end of the word after it. */
  private readonly contexts = new WeakMap<readonly Tok[], Int32Array>();
  /** Index of the first rule name that may cover the next token asked about. */
  private rule = 0;
  private ids = new Int32Array(256);
  private offs = new Int32Array(16);
  // scratch per run
  private hashes = new Int32Array(16);
  private flags = new Int32Array(16);
  private multi = new Int32Array(16);
  /** Per token of the last run: the rules' label (0 outside their names, else B or I of their kind, as tagger.ts numbers labels). */
  ruleLabels = new Int8Array(16);
  /** Start of the word found by the last prevWord/nextWord call. */
  private at = 0;

  constructor(
    private readonly doc: DocumentInput,
    private readonly bits: number,
  ) {
    this.collectEvidence();
  }

  /** Features of the tokens of `run`, a run of `doc.runs`, asked for in text order. */
  run(run: readonly Tok[]): RunFeatures {
    const n = run.length;
    const { text } = this.doc;
    if (this.hashes.length < n) {
      const size = n * 2;
      this.hashes = new Int32Array(size);
      this.flags = new Int32Array(size);
      this.multi = new Int32Array(size);
      this.ruleLabels = new Int8Array(size);
      this.offs = new Int32Array(size + 1);
    }
    const { hashes, flags, multi } = this;
    for (let i = 0; i < n; i++) {
      hashes[i] = hashString(run[i].lower);
      flags[i] = this.flagsOf(run[i], this.evidence.get(hashes[i]));
    }
    this.multiWordEntries(run);
    const bits = this.bits;
    let k = 0;
    const add = (template: number, value: number) => {
      if (k === this.ids.length) {
        const grown = new Int32Array(k * 2);
        grown.set(this.ids);
        this.ids = grown;
      }
      this.ids[k++] = bucket(template, value, bits);
    };
    const ctx = this.contexts.get(run) ?? this.contextOf(run);
    const firstHash = hashes[0];
    const lastHash = hashes[n - 1];
    for (let i = 0; i < n; i++) {
      const t = run[i];
      this.offs[i] = k;
      const w = hashes[i];
      const shape = shapeOf(t);
      const place = (t.sent ? 1 : 0) | (t.line << 1);
      const pos = n === 1 ? 0 : i === 0 ? 1 : i === n - 1 ? 2 : 3;
      add(T.Bias, 0);
      add(T.Word, w);
      add(T.Shape, shape);
      add(T.ShapePos, shape * 8 + place);
      add(T.Length, Math.min(t.t.length, 12));
      add(T.Pre3, affix(t.lower, 0, 3));
      add(T.Suf3, affix(t.lower, t.lower.length - 3, t.lower.length));
      add(T.Suf2, affix(t.lower, t.lower.length - 2, t.lower.length));
      if (t.sent || t.line !== LineKind.Body) add(T.WordSent, w ^ place);
      const len = t.lower.length;
      add(T.Pre1, affix(t.lower, 0, 1));
      add(T.Pre2, affix(t.lower, 0, 2));
      add(T.Pre4, affix(t.lower, 0, 4));
      add(T.Suf1, affix(t.lower, len - 1, len));
      add(T.Suf4, affix(t.lower, len - 4, len));
      add(T.Pattern, pattern(t.t));
      const c = 4 * i;
      const p1 = ctx[c];
      const p2 = ctx[c + 1] > 0 ? this.prevWord(text, ctx[c + 1]) : EMPTY_HASH;
      const n1 = ctx[c + 2];
      const n2 = ctx[c + 3] < text.length ? this.nextWord(text, ctx[c + 3]) : EMPTY_HASH;
      add(T.P1, p1);
      add(T.P2, p2);
      add(T.N1, n1);
      add(T.N2, n2);
      add(T.P1Word, Math.imul(p1, 31) ^ w);
      add(T.WordN1, Math.imul(w, 31) ^ n1);
      add(T.P1N1, Math.imul(p1, 31) ^ n1);
      // the word's cluster at each depth (0: not among the table's frequent words), and its neighbours'
      const cw = clusterOf(w);
      if (cw === 0) add(T.Cluster, 0);
      else for (const d of CLUSTER_DEPTHS) add(T.Cluster, clusterPrefix(cw, d));
      const cp = clusterOf(p1);
      const cn = clusterOf(n1);
      for (const d of CONTEXT_CLUSTER_DEPTHS) {
        add(T.ClusterP1, cp && clusterPrefix(cp, d));
        add(T.ClusterN1, cn && clusterPrefix(cn, d));
      }
      // the words next to it in the run
      add(T.PrevTok, i > 0 ? hashes[i - 1] : 5);
      add(T.NextTok, i + 1 < n ? hashes[i + 1] : 5);
      add(T.Pos, pos * 8 + Math.min(n, 7));
      add(T.ConnBefore, i > 0 ? hashString(t.conn) : 1);
      add(T.ConnAfter, i + 1 < n ? hashString(run[i + 1].conn) : 1);
      const f = flags[i];
      for (let b = 0; b < FLAG_COUNT; b++) if (f & (1 << b)) add(T.Gaz, b);
      add(T.GazMask, f & NEIGHBOUR_MASK);
      add(T.PrevMask, i > 0 ? flags[i - 1] & NEIGHBOUR_MASK : -1);
      add(T.NextMask, i + 1 < n ? flags[i + 1] & NEIGHBOUR_MASK : -1);
      add(T.Multi, multi[i]);
      const r = this.ruleAt(t);
      // r - 1 is the position (0 single, 1 first: a name begins) + 4 * kind, + 12 when strong
      this.ruleLabels[i] = r === 0 ? 0 : 1 + 2 * (((r - 1) % 12) >> 2) + (((r - 1) & 3) >= 2 ? 1 : 0);
      add(T.Rule, r);
      if (r) add(T.RuleTitled, this.doc.rules[this.rule].titled ? r : -r);
      if (r) {
        // which rule gave the kind: each weighed by what it is worth
        const why = this.doc.rules[this.rule].why ?? 0;
        add(T.RuleWhy, why * 64 + ((r - 1) >> 2));
        add(T.RuleWhyPos, why * 64 + r);
      }
      this.addEvidence(add, t, w, place);
      if (n > 1) {
        add(T.First, firstHash);
        add(T.Last, lastHash);
      }
    }
    this.offs[n] = k;
    return { ids: this.ids, offs: this.offs, n };
  }

  private addEvidence(add: (template: number, value: number) => void, t: Tok, w: number, place: number): void {
    const e = this.evidence.get(w);
    if (!e) return;
    const midCap = e.midCap - (!t.sent && t.line === LineKind.Body ? 1 : 0);
    add(T.DocLower, e.lower ? 1 : 0);
    add(T.DocMidCap, Math.min(midCap, 3));
    const [p, o, l] = e.kinds;
    const kind = p + o + l === 0 ? 0 : p >= o && p >= l ? 1 : o >= l ? 2 : 3;
    add(T.DocKind, kind);
    add(T.DocSurname, this.doc.surnames.has(t.lower) ? 1 : 0);
    add(T.DocTitled, e.titled ? 1 : 0);
    add(T.DocSent, place * 16 + (e.lower ? 8 : 0) + (midCap > 0 ? 4 : 0) + kind);
    for (const h of e.before) add(T.DocP1, h);
    for (const h of e.after) add(T.DocN1, h);
  }

  /**
   * The rules' verdict on token t: 0 outside their names, else its position in the name (single,
   * first, middle, last), the name's kind and whether the rules call it strong.
   */
  private ruleAt(t: Tok): number {
    const rules = this.doc.rules;
    while (this.rule < rules.length && rules[this.rule].end <= t.s) this.rule++;
    if (this.rule === rules.length) return 0;
    const c = rules[this.rule];
    if (c.start > t.s) return 0;
    const first = c.start === t.s;
    const last = c.end <= t.e;
    const position = first ? (last ? 0 : 1) : last ? 2 : 3;
    return 1 + position + 4 * KIND_INDEX[c.kind] + (c.strong ? 12 : 0);
  }

  /** Marks tokens that begin (kind * 2 + 1) or continue (kind * 2 + 2) a multi-word lexicon entry. */
  private multiWordEntries(run: readonly Tok[]): void {
    const { lex, multi } = this;
    const { text } = this.doc;
    const n = run.length;
    multi.fill(0, 0, n);
    for (let i = 0; i + 1 < n; i++) {
      if (!lex.multiStarts.has(run[i].lower)) continue;
      for (let j = Math.min(n, i + lex.maxWords); j > i + 1; j--) {
        const key = normKey(text.slice(run[i].s, run[j - 1].e));
        const kind = lex.places.has(key) ? 0 : lex.orgs.has(key) ? 1 : lex.aliases.has(key) ? 2 : -1;
        if (kind < 0) continue;
        multi[i] = kind * 2 + 1;
        for (let m = i + 1; m < j; m++) multi[m] = kind * 2 + 2;
        i = j - 1;
        break;
      }
    }
  }

  /** The lexicon flags of a token, computed once per word of the document (kept in its evidence `e`). */
  private flagsOf(t: Tok, e: WordEvidence | undefined): number {
    const same = e !== undefined && e.word === t.lower;
    if (same && e.flags >= 0) return e.flags;
    const lex = this.lex;
    const w = t.lower;
    const k = tokKey(t);
    let f = 0;
    if (lex.given.has(w)) f |= GIVEN;
    if (lex.places.has(k)) f |= PLACE;
    if (lex.countries.has(k)) f |= COUNTRY;
    if (lex.orgs.has(k)) f |= ORG;
    if (lex.aliases.has(k)) f |= ALIAS;
    if (lex.orgHeads.has(w)) f |= ORG_HEAD;
    if (lex.placeHeads.has(w)) f |= PLACE_HEAD;
    if (lex.titles.has(w)) f |= TITLE;
    if (lex.personTitles.has(w)) f |= PERSON_TITLE;
    if (lex.common.has(w)) f |= COMMON;
    if (lex.veryCommon.has(w)) f |= VERY_COMMON;
    if (lex.functionWords.has(w)) f |= FUNCTION;
    if (lex.demonyms.has(k)) f |= DEMONYM;
    if (lex.neverNames.has(w)) f |= NEVER;
    if (lex.eastAsianSurnames.has(w)) f |= EAST_ASIAN;
    if (lex.particles.has(w)) f |= PARTICLE;
    if (lex.placePrefixes.has(w)) f |= PLACE_PREFIX;
    if (lex.orgPrefixes.has(w)) f |= ORG_PREFIX;
    if (lex.eventHeads.has(w)) f |= EVENT_HEAD;
    if (same) e.flags = f;
    return f;
  }

  /** Gathers, per word of the runs, what the document says about it. */
  private collectEvidence(): void {
    const { runs, rules, text } = this.doc;
    const ev = this.evidence;
    const get = (h: number, word: string): WordEvidence => {
      let e = ev.get(h);
      if (!e) ev.set(h, (e = { word, flags: -1, midCap: 0, lower: false, kinds: [0, 0, 0], titled: false, before: [], after: [] }));
      return e;
    };
    for (const run of runs) {
      const ctx = this.contextOf(run);
      for (let i = 0; i < run.length; i++) {
        const t = run[i];
        const e = get(hashString(t.lower), t.lower);
        if (!t.sent && t.line === LineKind.Body) e.midCap++;
        const p1 = ctx[4 * i];
        if (e.before.length < CONTEXTS && !e.before.includes(p1)) e.before.push(p1);
        const n1 = ctx[4 * i + 2];
        if (e.after.length < CONTEXTS && !e.after.includes(n1)) e.after.push(n1);
      }
    }
    for (const c of rules) {
      for (const w of c.words) {
        const e = ev.get(hashString(w));
        if (!e) continue;
        e.kinds[KIND_INDEX[c.kind]]++;
        if (c.titled) e.titled = true;
      }
    }
    // lowercase words of the text that are also capitalized words of the runs
    const len = text.length;
    for (let i = 0; i < len; i++) {
      let c = text.charCodeAt(i);
      if (c < 97 || c > 122) continue;
      if (i > 0 && isWordChar(text.charCodeAt(i - 1))) {
        while (i < len && isWordChar(text.charCodeAt(i))) i++;
        continue;
      }
      let h = EMPTY_HASH;
      for (; i < len; i++) {
        c = text.charCodeAt(i);
        if (!isWordChar(c)) break;
        h = hashChar(h, c);
      }
      const e = ev.get(h);
      if (e) e.lower = true;
    }
  }

  /** The words around each token of `run` (see `contexts`), read once per run. */
  private contextOf(run: readonly Tok[]): Int32Array {
    const { text } = this.doc;
    const ctx = new Int32Array(4 * run.length);
    for (let i = 0; i < run.length; i++) {
      ctx[4 * i] = this.prevWord(text, run[i].s);
      ctx[4 * i + 1] = this.at;
      ctx[4 * i + 2] = this.nextWord(text, run[i].e);
      ctx[4 * i + 3] = this.at;
    }
    this.contexts.set(run, ctx);
    return ctx;
  }

  /** Hash of the word (or punctuation mark, or line end) before `pos`; its start in `this.at`. */
  private prevWord(text: string, pos: number): number {
    let i = pos - 1;
    while (i >= 0 && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i--;
    if (i < 0) {
      this.at = 0;
      return 2;
    }
    const c = text.charCodeAt(i);
    if (!isWordChar(c)) {
      this.at = i;
      return hashChar(EMPTY_HASH, c === 13 ? 10 : c);
    }
    const end = i + 1;
    while (i > 0 && isWordChar(text.charCodeAt(i - 1)) && end - i < 24) i--;
    this.at = i;
    let h = EMPTY_HASH;
    for (let j = i; j < end; j++) h = hashChar(h, digitAsZero(text.charCodeAt(j)));
    return h;
  }

  /** Hash of the word (or punctuation mark, or line end) after `pos`; its end in `this.at`. */
  private nextWord(text: string, pos: number): number {
    let i = pos;
    const len = text.length;
    while (i < len && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i++;
    if (i >= len) {
      this.at = len;
      return 3;
    }
    const c = text.charCodeAt(i);
    if (!isWordChar(c)) {
      this.at = i + 1;
      return hashChar(EMPTY_HASH, c === 13 ? 10 : c);
    }
    let h = EMPTY_HASH;
    const start = i;
    for (; i < len && isWordChar(text.charCodeAt(i)) && i - start < 24; i++) h = hashChar(h, digitAsZero(text.charCodeAt(i)));
    this.at = i;
    return h;
  }
}

/** The word's letters as classes (X upper, x lower, d digit, the mark itself otherwise), repeats collapsed. */
function pattern(s: string): number {
  let h = EMPTY_HASH;
  let last = -1;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const k = c >= 65 && c <= 90 ? 88 : c >= 97 && c <= 122 ? 120 : c >= 48 && c <= 57 ? 100 : c > 127 ? (s[i] !== s[i].toLowerCase() ? 88 : 120) : c;
    if (k !== last) h = hashChar(h, k === 88 ? 1 : k);
    last = k;
  }
  return h;
}

/** Digits read as 0: "(1964)" and "(2007)" are one context. */
function digitAsZero(c: number): number {
  return c >= 49 && c <= 57 ? 48 : c;
}

/** Letters, digits and apostrophes (ASCII, and any non-ASCII character but typographic punctuation). */
function isWordChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 39 || (c > 127 && (c < 0x2000 || c > 0x206f));
}

/** The hash of lower[s, e) (clamped to the word). */
function affix(lower: string, s: number, e: number): number {
  let h = EMPTY_HASH;
  for (let i = Math.max(0, s); i < e; i++) h = hashChar(h, lower.charCodeAt(i));
  return h;
}

/** The shape of a word: capitals, dots, digits, hyphens, inner capitals, apostrophes, length. */
function shapeOf(t: Tok): number {
  const s = t.t;
  let digit = 0;
  let hyphen = 0;
  let inner = 0;
  let apostrophe = 0;
  for (let i = 1; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) digit = 1;
    else if (c === 45) hyphen = 1;
    else if (c === 39 || c === 0x2019) apostrophe = 1;
    else if (c >= 65 && c <= 90 && !t.caps) inner = 1;
  }
  const len = s.length <= 3 ? 0 : s.length <= 6 ? 1 : 2;
  return (t.caps ? 1 : 0) | (t.initial ? 2 : 0) | (t.dotted ? 4 : 0) | (digit << 3) | (hyphen << 4) | (inner << 5) | (apostrophe << 6) | (len << 7);
}
