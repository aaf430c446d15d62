import { leadingPlaceWords, lexicon, normKey, normKeyOfLowercase, type Lexicon } from '../lexicon/lexicon';
import { isContactLabel, isInAddress } from './addresses';
import { collectSurnames } from './familyNames';
import type { NameCandidate, NameKind, WordSet } from './nameCandidate';
import { KIND_NAMES, NOT_A_NAME } from '../model/kinds';
import { kindProbabilities, type TaggerWeights } from '../model/tagger';
import { tagRuns, type SpanProbe } from '../model/tagRuns';
import { markTeams, teamShortForm } from './teams';
import { LineKind, scanRuns, tokKey, wordAfter, wordBefore, type Tok } from './tokens';

/** Tokens a name may be made of, each with its classification clues. */
interface Ctx {
  text: string;
  lex: Lexicon;
  /** normKey -> kind of names found in body sentences (not sentence-initial). */
  known: Map<string, NameKind>;
  /** Lowercase tokens of names found in body sentences. */
  knownToks: Set<string>;
  /** Lowercase tokens of persons' names found in body sentences. */
  personToks: Set<string>;
  out: NameCandidate[];
  /** Lowercase words of other documents' names (family names) that count as known here. */
  extra?: WordSet;
  /** Sentence-initial common words left out for want of evidence. */
  dropped: string[];
}

/** Codes of the rules that give a name its kind besides classify()'s (whose codes start at 10): NameCandidate.why. */
export const WHY = { byline: 1, knownPerson: 2, eventHead: 3, teamNumber: 4, surname: 5, team: 6 } as const;

const DATE_WORDS = new Set(
  'monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec'.split(
    '|',
  ),
);

const DAY_PARTS = new Set(['morning', 'afternoon', 'evening', 'night', 'noon', 'midnight', 'eve']);

/**
 * Finds the names of one text: candidates with kinds, in text order, not overlapping; and the
 * sentence-initial common words left out for want of evidence (with a model, also the words looked
 * up for the names it dropped, see modelNames): a caller that knows more (family names from other
 * documents) may run it again with `extra`.
 * The rules propose names; with a learned `model` (src/core/model/, the committed one is
 * nameModel()), the model may overrule the names they guessed (see modelNames). Without, the
 * rules' names alone.
 */
export function findNamesDetailed(text: string, extra?: WordSet, model?: TaggerWeights | null): { names: NameCandidate[]; dropped: string[] } {
  const rules = findNamesByRules(text, extra);
  if (!model) return { names: reread(text, rules.names, rules.runs), dropped: rules.dropped };
  const dropped = rules.dropped.slice();
  const names = reread(text, modelNames(text, rules, model, extra, dropped), rules.runs);
  return { names: model.corrections?.size ? corrected(text, names, model.corrections, rules.runs) : names, dropped };
}

/**
 * The names after what the text says of a guessed name where it stands (read once the rules, and
 * the model if any, have given their kinds, so that what the model learned from the rules is the
 * same): an acronym the text spells out in lowercase words is a term, no name ("second language
 * (L2)", "geographic information systems (GIS)"); a lone word guessed an organization where it
 * is cited as an author is a person ("Plonsky (2011)", "Marsden et al.", "(Simons and Fennig
 * 2018)"); an interjection of speech or chat is no name ("Uh", "Alright", "Nope"), nor a doctrine or its followers
 * ("Monotheism", "Zionists"). A name the lexicons or a
 * head word gave its kind is left as it is; but any name glued into an e-mail address, a web
 * address or a file name, or a contact line's label ("Fax : 216-292-7207"), is none (addresses.ts).
 * A unit numbered in its series takes its number ("65th Air Division", numberedUnit), and so does
 * a road, a terminal or a channel named by the number after it ("State Route 267", withNumberAfter);
 * a name, "and", then words that end with an organization's head word are one ("Franklin and
 * Megantic Railway", isAndBeforeHead); a name right after a noun such as "band" or "company" is
 * an organization ("the band Gigi", ORG_CUES).
 */
function reread(text: string, names: NameCandidate[], runs: readonly Tok[][]): NameCandidate[] {
  let terms: Set<string> | undefined;
  let counted: Map<string, boolean> | undefined;
  let districts: Set<string> | undefined;
  const out: NameCandidate[] = [];
  for (let c of names) {
    const guess = !c.strong || c.why === undefined;
    if (guess && c.acronym && text.includes('(') && (terms ??= termAcronyms(text)).has(c.text.replace(/\./g, '').replace(/s$/, ''))) continue;
    // an acronym the text uses in the singular and in the plural ("a CFL", "CFLs") counts things: a term
    if (guess && c.words.length === 1 && (c.acronym || PLURAL_ACRONYM.test(c.text)) && isCounted(text, c.text, (counted ??= new Map()))) continue;
    if (guess && c.words.length === 1 && (INTERJECTIONS.has(c.words[0]) || (!c.acronym && DOCTRINE.test(c.words[0])))) continue;
    // a people's or a language's name, before the noun it qualifies: "a Jóola language", "Moriori culture"
    if (guess && isPeopleNounAfter(text, c.end)) continue;
    // a greeting or an interjection is no first word of a person's name: "Hi David", "Uh Mitchell"
    if (c.kind === 'person' && c.words.length > 1 && INTERJECTIONS.has(c.words[0])) {
      const rest = withoutFirstWord(text, runs, c);
      if (rest) {
        out.push(rest);
        continue;
      }
    }
    if (guess && c.kind === 'organization' && c.words.length === 1 && !c.acronym && isCitation(text, c.start, c.end)) c.kind = 'person';
    // web mail's own words: an address or an attachment's name, a contact line's label
    if (isInAddress(text, c.start, c.end) || isContactLabel(text, c.words, c.end)) continue;
    // "North Oakland", "Old Oakland", "Upper Manhattan": a part of a known place that the lexicon
    // lacks, whatever kind it was guessed (a known whole, "South Korea", may act as a team)
    if (c.words.length > 1 && DISTRICT_WORDS.has(c.words[0]) && isDistrict(c.words)) {
      c.kind = 'place';
      (districts ??= new Set()).add(c.words.slice(1).join(' '));
    }
    if (isCueBefore(text, c.start) && !isFullPersonName(c)) {
      c.kind = 'organization';
      c.strong = true; // the text says it: the kind of the name's other mentions too (linking/linkDocument.ts)
    }
    if (c.words.length && UNIT_HEADS.has(c.words[c.words.length - 1])) c = numberedUnit(text, c) ?? c;
    if (c.words.length && NUMBERED_HEADS.has(c.words[c.words.length - 1])) c = withNumberAfter(text, c) ?? c;
    const prev = out.length ? out[out.length - 1] : undefined;
    const joined = prev && isAndBeforeHead(text, prev, c) ? joinedByAnd(text, runs, prev, c) : undefined;
    if (joined) out[out.length - 1] = joined;
    else out.push(c);
  }
  // and the place's own name is no family name of it ("Oakland" of "Old Oakland" guessed a person)
  if (districts) for (const c of out) if (c.why === WHY.surname && c.words.length === 1 && districts.has(c.words[0])) c.kind = 'place';
  return out;
}

/**
 * Whether `a`, " and ", then `b` are one name: `b` of three words at most ends with an
 * organization's head word that `a` lacks ("Franklin and Megantic Railway", "Fish and Wildlife
 * Service", "Bill and Melinda Gates Foundation"; not "Microsoft Corp. and Apple Inc.").
 */
function isAndBeforeHead(text: string, a: NameCandidate, b: NameCandidate): boolean {
  if (b.words.length > 3 || b.start - a.end !== 5 || text.slice(a.end, b.start) !== ' and ') return false;
  const lex = lexicon();
  // two names of their own: "U.S. and European Union", "New York Yankees and Boston Red Sox", "Tom Tennant and Oregon State Police"
  if (a.acronym || lex.orgs.has(a.key) || lex.orgs.has(b.key) || lex.places.has(normKeyOfLowercase(b.words[0]))) return false;
  return lex.orgHeads.has(b.words[b.words.length - 1]) && !a.words.some(w => isOrgHead(lex, w)) && !b.words.slice(0, -1).some(w => isOrgHead(lex, w));
}

/** The names `a` and `b` and the "and" between them as one, of `b`'s kind, made again from their run's tokens; undefined when not in one run. */
function joinedByAnd(text: string, runs: readonly Tok[][], a: NameCandidate, b: NameCandidate): NameCandidate | undefined {
  const tokens = runTokens(runs, a.start, b.end);
  if (!tokens) return undefined;
  const name = text.slice(a.start, b.end);
  return makeCandidate(tokens, name, b.kind, true, a.titled, normKey(name), undefined, b.why);
}

/** The name `c` without its first word, made again from its tokens in the text's `runs`; undefined when they are not found. */
function withoutFirstWord(text: string, runs: readonly Tok[][], c: NameCandidate): NameCandidate | undefined {
  const tokens = runTokens(runs, c.start, c.end);
  if (!tokens) return undefined;
  const seg = tokens.slice(1);
  const name = text.slice(seg[0].s, c.end);
  return makeCandidate(seg, name, c.kind, c.strong, false, seg.length === 1 ? tokKey(seg[0]) : normKey(name), undefined, c.why);
}

/** The tokens of one of the rules' `runs` from the one starting at `start` to the one ending at `end`, two at least; undefined when no run has them. */
function runTokens(runs: readonly Tok[][], start: number, end: number): Tok[] | undefined {
  const run = runs.find(r => r[0].s <= start && r[r.length - 1].e >= end);
  const from = run ? run.findIndex(t => t.s === start) : -1;
  const to = run ? run.findIndex(t => t.e === end) : -1;
  return run && from >= 0 && to > from ? run.slice(from, to + 1) : undefined;
}

/**
 * Lowercase nouns that say right after a name that it names a people or its language, neither a
 * person, an organization nor a place under any set's convention: "Eegimaa is a Jóola language",
 * "the Hohokam culture", "the Chamicuro people" (a known place keeps its kind: "Argentina people").
 */
const PEOPLE_NOUNS = new Set('language|languages|dialect|dialects|culture|cultures|people|peoples|tribe|tribes'.split('|'));

/** Whether one of PEOPLE_NOUNS follows `end`, one space apart (read in place, as isCueBefore reads before a name). */
function isPeopleNounAfter(text: string, end: number): boolean {
  const c = text.charCodeAt(end + 1);
  return text.charCodeAt(end) === 32 && c >= 97 && c <= 122 && PEOPLE_NOUNS.has(wordAfter(text, end + 1));
}

/**
 * Lowercase nouns that say right before a name that it names an organization: "the band Deadsy",
 * "telecoms company Interoute", "French newspaper Le Parisien" (not "publisher", "team" or "duo",
 * which come before persons: "publisher Robert Harrison", "the team Chuck Pagano used to coach").
 */
const ORG_CUES = new Set('band|company|firm|label|newspaper|magazine|brand|manufacturer|retailer|airline|agency|carmaker|automaker|broadcaster'.split('|'));

/** Whether one of ORG_CUES stands right before `start`; words of three letters and less, most words before names ("the", "of"), are passed over without a lookup. */
function isCueBefore(text: string, start: number): boolean {
  const c = text.charCodeAt(start - 5);
  return c >= 97 && c <= 122 && text.charCodeAt(start - 1) === 32 && ORG_CUES.has(wordBefore(text, start));
}

/** A person's name of a given name and more ("Robert Harrison"): "the company Bill Gates founded" speaks of a person. */
function isFullPersonName(c: NameCandidate): boolean {
  const lex = lexicon();
  return c.kind === 'person' && c.words.length > 1 && lex.given.has(c.words[0]) && !lex.particles.has(c.words[0]);
}

/**
 * Heads of units numbered in their series, whose number is part of the name: "65th Air Division",
 * "2nd Battalion", "501st Legion", "Twenty-fourth United States Congress", "Ninth Circuit" (a
 * spelled ordinal is a word of the rules' run already, see ORDINALS).
 */
const UNIT_HEADS = new Set(
  'division|wing|squadron|group|fleet|corps|army|brigade|battalion|regiment|legion|congress|infantry|cavalry|artillery|marines|command|force|flotilla|circuit'.split(
    '|',
  ),
);

/** Of UNIT_HEADS, those numbered with a cardinal too ("3 Air Division", "65 Fighter Wing"); not "300 Marines", "10 Air Force bases". */
const CARDINAL_UNIT_HEADS = new Set('division|wing|squadron|group|fleet|brigade|battalion|regiment'.split('|'));

/** A number before a name, at the end of the text before it: "65th ", "102d ", "Twenty-fourth ", "3 ". */
const NUMBER_BEFORE =
  /[\s("](?:(\d{1,4}(?:st|nd|rd|th|d))|(\d{1,3})|((?:Twenty|Thirty|Forty|Fifty|Sixty|Seventy|Eighty|Ninety)-(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)))[ \t]$/;

/**
 * The unit `c` (its last word one of UNIT_HEADS) with the ordinal or number that the text puts right
 * before it, an organization; undefined when none. Capitalized words only make the rules' runs, so
 * "65th Air Division" was found as "Air Division" under every set's convention of a numbered unit.
 */
function numberedUnit(text: string, c: NameCandidate): NameCandidate | undefined {
  // at the text's start, a space stands for the boundary before the number
  const m = NUMBER_BEFORE.exec((c.start > 18 ? '' : ' ') + text.slice(Math.max(0, c.start - 18), c.start));
  if (!m || (m[2] && !CARDINAL_UNIT_HEADS.has(c.words[c.words.length - 1]))) return undefined;
  const number = m[1] ?? m[2] ?? m[3];
  // "on March 4 Air Division ...": a day of a date
  if (m[2] && DATE_WORDS.has(wordBefore(text, c.start - number.length - 1).toLowerCase())) return undefined;
  const start = c.start - number.length - 1;
  const name = text.slice(start, c.end);
  return {
    ...c,
    start,
    text: name,
    kind: 'organization',
    strong: true,
    words: [number.toLowerCase(), ...c.words],
    ofAt: c.ofAt < 0 ? -1 : c.ofAt + 1,
    key: normKey(name),
  };
}

/**
 * Heads of names that go on with their number: "State Route 94", "Highway 301", "Terminal 2",
 * "Public School 4", "BBC Radio 1", "WCCO-TV Channel 4", "Cinema 21".
 */
const NUMBERED_HEADS = new Set('route|highway|hwy|interstate|freeway|terminal|pier|platform|school|radio|channel|cinema'.split('|'));

/** A number after a name, one word of it: not a score, a range, a date, a time or a count of a unit ("Route 94 -", "Radio 4:30", "Channel 4 , 000"). */
const NUMBER_AFTER = /^ (\d{1,4})(?![\p{L}\p{N}]|[ ]?[-–—:.,/][ ]?\d|[ ]?%)/u;

/** The name `c` (its last word one of NUMBERED_HEADS) with the number that follows it; undefined when none. */
function withNumberAfter(text: string, c: NameCandidate): NameCandidate | undefined {
  const m = NUMBER_AFTER.exec(text.slice(c.end, c.end + 12));
  if (!m) return undefined;
  const end = c.end + m[0].length;
  const name = text.slice(c.start, end);
  return { ...c, end, text: name, strong: true, words: [...c.words, m[1]], key: normKey(name) };
}

/** Words of the longest surface a reviewer confirmed that may start a name (a run of capitalized words). */
const MAX_CONFIRMED_WORDS = 6;

/**
 * The names after a workspace's explicit decisions (TaggerWeights.corrections): a surface decided no
 * name is dropped, one given a kind takes it, and is a name of that kind wherever it stands as
 * capitalized words of a run (`runs`) that no name covers, as the reviewer's decision holds in
 * every article whatever the weights say.
 */
function corrected(text: string, names: NameCandidate[], corrections: ReadonlyMap<string, string>, runs: readonly Tok[][]): NameCandidate[] {
  const out: NameCandidate[] = [];
  const kindOf = (key: string): NameKind | undefined => {
    const decided = corrections.get(key);
    return decided && (KIND_NAMES as readonly string[]).includes(decided) ? (decided as NameKind) : undefined;
  };
  for (const c of names) {
    const key = normKey(text.slice(c.start, c.end));
    if (corrections.get(key) === NOT_A_NAME) continue;
    const kind = kindOf(key);
    if (kind) {
      c.kind = kind;
      c.strong = true;
    }
    out.push(c);
  }
  const added: NameCandidate[] = [];
  let k = 0;
  for (const run of runs) {
    for (let i = 0; i < run.length; i++) {
      while (k < out.length && out[k].end <= run[i].s) k++;
      for (let j = Math.min(run.length, i + MAX_CONFIRMED_WORDS); j > i; j--) {
        const name = text.slice(run[i].s, run[j - 1].e);
        const kind = kindOf(normKey(name));
        if (!kind || (k < out.length && out[k].start < run[j - 1].e)) continue;
        added.push(makeCandidate(run.slice(i, j), name, kind, true, false, j === i + 1 ? tokKey(run[i]) : normKey(name)));
        i = j - 1;
        break;
      }
    }
  }
  return added.length ? out.concat(added).sort((x, y) => x.start - y.start) : out;
}

/** The names the rules find, the runs of capitalized words they were read from, and the family names of the persons among them. */
export function findNamesByRules(text: string, extra?: WordSet): { names: NameCandidate[]; dropped: string[]; runs: Tok[][]; surnames: Set<string> } {
  const lex = lexicon();
  const ctx: Ctx = { text, lex, known: new Map(), knownToks: new Set(), personToks: new Set(), out: [], extra, dropped: [] };
  const deferred: Tok[][] = [];
  const runs: Tok[][] = [];
  scanRuns(text, run => {
    // fast path: a lone capitalized function word ("The", "In") or date word names nothing
    if (run.length === 1 && (lex.functionWords.has(run[0].lower) || DATE_WORDS.has(run[0].lower)) && !run[0].caps) return;
    runs.push(run);
    if (run[0].line !== LineKind.Body || (run[0].sent && ambiguousStart(ctx, run))) deferred.push(run);
    else processRun(ctx, run, true);
  });
  // longer runs first: "Lee Jae Myung" makes the "Lee" of "Lee arrived" a name
  for (const run of deferred) if (run.length > 1) processRun(ctx, run, false);
  for (const run of deferred) if (run.length === 1) processRun(ctx, run, false);
  ctx.out.sort((a, b) => a.start - b.start);
  const surnames = new Set<string>();
  collectSurnames(ctx.out, surnames);
  surnamesArePersons(ctx.out, surnames);
  markTeams(text, lex, ctx.out, surnames);
  return { names: ctx.out, dropped: ctx.dropped, runs, surnames };
}

/**
 * How much higher the model must score another reading of a name the rules guessed (no name, or
 * another kind) to overrule them: in the tagger's score units, averaged over the name's mentions in
 * the document. The rules were written for news and the model learned from other genres: below
 * this margin the rules keep their guess. The smallest of 0, 5, 10, 20 at which the rules and the
 * model together lose nothing to the rules alone on the news sets of data/eval (README.md, "How
 * names are recognized", has the figures of each).
 */
const OVERRULE_MARGIN = 10;
/** The model's probability of a name of its own at which it is added, and is strong evidence for linking. */
const SURE = 0.95;
/**
 * Mentions of a guessed name in one document from which the model may change its kind but not
 * drop it: a word capitalized mid-sentence that often is a name ("Seacom", "Scientology"), though
 * the training sets, whose lone unknown capitalized words are often no name, taught otherwise.
 */
const MANY_MENTIONS = 5;

/**
 * Rules (NameCandidate.why, codes of classify()) whose names the model may overrule as it does a
 * guess, although the rules count them as evidence: a known place alone (22: "Durham" of "Durham
 * University" read alone, "Bryan" the person) and a name that starts with a given name or an initial
 * (29: "Camp Howe", "West Jersey"). Measured on all five evaluation sets (README.md, "How names are
 * recognized"): each of the others lost on some set.
 */
const OVERRULABLE = new Set([22, 29]);

/** Whether the model judges name c (a rule's name) as it judges a guess. */
function judged(c: NameCandidate): boolean {
  return !c.strong || OVERRULABLE.has(c.why ?? 0);
}

/**
 * The names of a text, the rules and the model together. A name the rules found on strong evidence
 * (a lexicon entry, a title, a head word) stands, but for the rules of OVERRULABLE. A name they
 * guessed stands too, with its kind,
 * unless the model scores another reading higher by OVERRULE_MARGIN, judging all the mentions of
 * the name in the document together (one verdict per name: "Scientology" is not dropped in one
 * sentence and kept in the next; a full name and its family name guessed alone, "Évariste Galois"
 * and "Galois", are one name); a guessed name made of the words of a strong name of the
 * document stands as a short form of it, and one with MANY_MENTIONS (an acronym excepted) is not dropped. Where no name
 * stands, the model's own names are added when it is SURE of them, unless the name is one it
 * dropped or an initial, a letter or a demonym alone; a span of its own that a guessed name covers exactly takes that candidate (which knows
 * the "76ers" of "Philadelphia 76ers").
 * A guessed word the model would drop stands too when other documents of the corpus name it in
 * full (`extra`: their family names and teams' own names, "Gupta" of "Sanjay Gupta", "Saints" of
 * "New Orleans Saints"); the words looked up for it are added to `asked`, so that a caller who
 * learns the corpus later runs the recognition again with them (linking/linkNames.ts).
 */
function modelNames(
  text: string,
  rules: { names: NameCandidate[]; runs: Tok[][]; surnames: Set<string> },
  model: TaggerWeights,
  extra: WordSet | undefined,
  asked: string[],
): NameCandidate[] {
  const lex = lexicon();
  const standing = rules.names.filter(c => !judged(c));
  const guessed = rules.names.filter(judged);
  const probes = probesOf(rules.runs, guessed);
  const found = tagRuns(model, { text, runs: rules.runs, rules: rules.names, surnames: rules.surnames }, uncovered(rules.runs, standing), probes);
  // the scores of each guessed name, averaged over its mentions and those of its family name when
  // that is guessed alone too: "Évariste Galois" and "Galois" are judged as one name
  const groups = familyGroups(guessed);
  const groupOf = (c: NameCandidate): string => groups.get(c.key) ?? c.key;
  const byKey = new Map<string, Float64Array>();
  const counts = new Map<string, number>();
  guessed.forEach((c, i) => {
    const s = probes[i].scores;
    if (!s) return;
    const g = groupOf(c);
    const sum = byKey.get(g) ?? byKey.set(g, new Float64Array(4)).get(g)!;
    for (let j = 0; j < 4; j++) sum[j] += s[j];
    counts.set(g, (counts.get(g) ?? 0) + 1);
  });
  for (const [key, sum] of byKey) for (let j = 0; j < 4; j++) sum[j] /= counts.get(key)!;
  // the words of the strong names of several words: a guessed name made of them is a short form of
  // one ("Scientology" of "Church of Scientology", "Warhol" of "Andy Warhol"), which linking reads
  const echoed = new Set<string>();
  for (const c of standing) if (c.words.length > 1) for (const w of c.words) echoed.add(w);
  // the initials of the names of several words: an acronym of one ("NPP" of "New People Party") is its short form too
  const initials = new Set<string>();
  for (const c of rules.names) {
    if (c.words.length < 2) continue;
    if (c.initials.length >= 2) initials.add(c.initials);
    if (c.initialsBeforeAnd) initials.add(c.initialsBeforeAnd);
  }
  const out: NameCandidate[] = [...standing];
  const rejected = new Set<string>();
  const byStart = new Map<number, NameCandidate>();
  for (const c of guessed) {
    byStart.set(c.start, c);
    const mean = byKey.get(groupOf(c));
    if (!mean || c.words.every(w => echoed.has(w)) || (c.acronym && initials.has(c.key))) {
      out.push(c);
      continue;
    }
    const ruled = 1 + KIND_NAMES.indexOf(c.kind);
    let other = ruled === 1 ? 2 : 1;
    for (let j = 0; j < 4; j++) if (j !== ruled && mean[j] > mean[other]) other = j;
    c.kindScores = kindProbabilities(mean);
    if (Math.max(mean[1], mean[2], mean[3]) - mean[0] >= OVERRULE_MARGIN) c.modelSure = true;
    // a name guessed again and again in a document is a name, whatever kind; but not an acronym,
    // which academic and web text repeat as terms ("GIS", "SUT", "GISB")
    if (other === 0 && !c.acronym && counts.get(groupOf(c))! >= MANY_MENTIONS) {
      out.push(c);
      continue;
    }
    if (mean[other] - mean[ruled] < OVERRULE_MARGIN) {
      out.push(c);
      continue;
    }
    if (other === 0) {
      if (!rejected.has(c.key) && (namedInCorpus(lex, c, extra, asked) || keptInCorpus(lex, c, extra, asked))) out.push(c);
      else rejected.add(c.key);
      continue;
    }
    c.kind = KIND_NAMES[other - 1];
    out.push(c);
  }
  out.sort((x, y) => x.start - y.start);
  const added: NameCandidate[] = [];
  let k = 0;
  for (const span of found) {
    if (span.sure < SURE) continue;
    const run = rules.runs[span.run];
    const first = run[span.a];
    const last = run[span.b - 1];
    while (k < out.length && out[k].end <= first.s) k++;
    if (k < out.length && out[k].start < last.e) continue;
    const kind = KIND_NAMES[span.kind];
    const rc = byStart.get(first.s);
    if (rc && rejected.has(rc.key)) continue;
    if (rc && (rc.end === last.e || (rc.end > last.e && (span.b === run.length || run[span.b].s >= rc.end)))) {
      rc.kind = kind;
      rc.strong = true;
      rc.kindScores = span.probs;
      rc.modelSure = true;
      added.push(rc);
      continue;
    }
    const seg = run.slice(span.a, span.b);
    // an initial, a letter or a demonym alone, which the rules pass over on purpose, is no name of its own
    if (seg.length === 1 && (first.initial || first.t.length === 1 || isDemonymAt(lex, seg, 0))) continue;
    const name = text.slice(first.s, last.e);
    const titled = span.a > 0 && lex.personTitles.has(withoutFinalDot(run[span.a - 1].lower));
    const c = makeCandidate(seg, name, kind, true, titled, seg.length === 1 ? tokKey(first) : normKey(name));
    if (!c.key) continue;
    c.kindScores = span.probs;
    c.modelSure = true;
    added.push(c);
  }
  return added.length ? out.concat(added).sort((x, y) => x.start - y.start) : out;
}

/**
 * A one-word name that other documents name in full (`extra`): a family name that is no common word
 * ("Gupta", not "Hope"), or a team's own name ("Saints"). Its lookups go to `asked`.
 */
function namedInCorpus(lex: Lexicon, c: NameCandidate, extra: WordSet | undefined, asked: string[]): boolean {
  if (c.words.length !== 1) return false;
  const word = c.words[0];
  const family = !lex.common.has(word);
  const team = teamShortForm(c.key);
  if (family) asked.push(word);
  asked.push(team);
  return extra !== undefined && ((family && extra.has(word)) || extra.has(team));
}

/**
 * A name the model would drop that it kept in another document of the corpus (`extra` holds the
 * names it kept, keptNames): one verdict per name across the corpus as within a document, never
 * "Deep Throat" dropped in half of a story's reports and kept in the others; but a common word
 * alone ("Email", "Pizza") is judged by its own document. Its lookup goes to `asked`.
 */
function keptInCorpus(lex: Lexicon, c: NameCandidate, extra: WordSet | undefined, asked: string[]): boolean {
  if (c.words.length === 1 && lex.common.has(c.words[0])) return false;
  const kept = KEPT + c.key;
  asked.push(kept);
  return extra !== undefined && extra.has(kept);
}

/** The prefix of a kept name's key among the corpus's words (keptNames), apart from family names. */
const KEPT = 'kept:';

/**
 * The names of a document that the model reads as names with a margin (`modelSure`), as words
 * for other documents' lookups (keptInCorpus), added to `into`: none without a model.
 */
export function keptNames(names: readonly NameCandidate[], into: Set<string>): void {
  for (const c of names) if (c.modelSure) into.add(KEPT + c.key);
}

/** Guessed names of several words whose last word is guessed alone too, by key: that word's key. */
function familyGroups(guessed: readonly NameCandidate[]): Map<string, string> {
  const alone = new Set<string>();
  for (const c of guessed) if (c.words.length === 1) alone.add(c.key);
  const groups = new Map<string, string>();
  for (const c of guessed) {
    if (c.words.length < 2) continue;
    const last = normKeyOfLowercase(c.words[c.words.length - 1]);
    if (alone.has(last)) groups.set(c.key, last);
  }
  return groups;
}

/** Where each name lies in the runs (tokens [a, b) of run `run`); names and runs in text order. */
function probesOf(runs: readonly Tok[][], names: readonly NameCandidate[]): SpanProbe[] {
  let r = 0;
  return names.map(c => {
    while (r < runs.length && runs[r][runs[r].length - 1].e <= c.start) r++;
    const run = runs[r];
    if (!run) return { run: -1, a: 0, b: 0 };
    let a = 0;
    while (a < run.length && run[a].s < c.start) a++;
    let b = a;
    while (b < run.length && run[b].e <= c.end) b++;
    return a < b && run[a].s === c.start ? { run: r, a, b } : { run: -1, a: 0, b: 0 };
  });
}

/** Per run, whether some token of it lies outside every name of `names` (in text order). */
function uncovered(runs: readonly Tok[][], names: readonly NameCandidate[]): boolean[] {
  let k = 0;
  return runs.map(run => {
    for (const t of run) {
      while (k < names.length && names[k].end <= t.s) k++;
      if (k === names.length || names[k].start > t.s || names[k].end < t.e) return true;
    }
    return false;
  });
}

/** A sentence-initial run whose first word is a common word: decided after the body is read. */
function ambiguousStart(ctx: Ctx, run: Tok[]): boolean {
  const t = run[0];
  return ctx.lex.common.has(t.lower) || ctx.lex.functionWords.has(t.lower);
}

function isKnownName(ctx: Ctx, t: Tok): boolean {
  const k = t.lower;
  const lex = ctx.lex;
  const key = tokKey(t);
  return ctx.knownToks.has(k) || lex.places.has(key) || lex.orgs.has(key) || lex.aliases.has(key);
}

/** A headline word known as a name: "Man" or "Will" only when the body uses it as one, not by a lexicon. */
function isKnownInHeadline(ctx: Ctx, t: Tok): boolean {
  return ctx.lex.veryCommon.has(t.lower) ? ctx.knownToks.has(t.lower) : isKnownName(ctx, t);
}

/**
 * A common word, also in British spelling ("Jewellery", "Defence") or as two common words run
 * together ("Playoff", "Gunfire"): capitalized in a headline, it names nothing.
 */
function isCommonSpelling(lex: Lexicon, k: string): boolean {
  if (lex.common.has(k)) return true;
  if (k.length < 6 || lex.given.has(k)) return false;
  const us = k
    .replace(/our/g, 'or')
    .replace(/is(e[sd]?|ing)$/, 'iz$1')
    .replace(/llery$/, 'lry')
    .replace(/ence$/, 'ense')
    .replace(/tre$/, 'ter');
  if (us !== k && lex.common.has(us)) return true;
  for (let i = 3; i <= k.length - 3; i++) {
    if (lex.veryCommon.has(k.slice(0, i)) && lex.common.has(k.slice(i))) return true;
  }
  return false;
}

function processRun(ctx: Ctx, run: Tok[], body: boolean): void {
  const { lex } = ctx;
  const byRun = run[0].lower === 'by' && run.length > 1 ? run.slice(1) : run;
  if (isByline(ctx.text, byRun) && byRun.every(t => !lex.functionWords.has(t.lower) && !t.conn)) {
    const text = ctx.text.slice(byRun[0].s, byRun[byRun.length - 1].e);
    emit(ctx, byRun, text, 'person', true, false, normKey(text), body, undefined, WHY.byline);
    return;
  }
  // Headlines and all-caps lines: keep only the words that are names somewhere else or in a lexicon.
  if (run[0].line !== LineKind.Body) {
    const keep: Tok[] = [];
    for (let i = 0; i < run.length; i++) {
      const t = run[i];
      const k = t.lower;
      // longest known name starting here
      let matched = 0;
      for (let j = Math.min(run.length, i + 6); j > i + 1; j--) {
        const key = normKey(ctx.text.slice(t.s, run[j - 1].e));
        if (ctx.known.has(key) || lex.places.has(key) || lex.orgs.has(key) || lex.aliases.has(key)) {
          matched = j;
          break;
        }
      }
      if (matched) {
        for (let j = i; j < matched; j++) keep.push(run[j]);
        i = matched - 1;
        continue;
      }
      const common = lex.functionWords.has(k) || isCommonSpelling(lex, k);
      const caps = t.line === LineKind.Caps;
      let ok: boolean;
      if (caps)
        ok =
          isKnownInHeadline(ctx, t) ||
          (lex.given.has(k) && i + 1 < run.length && !lex.common.has(run[i + 1].lower)) ||
          (t.t.length <= 5 && !common && !lex.neverNames.has(k));
      else
        ok =
          !common ||
          isKnownInHeadline(ctx, t) ||
          lex.titles.has(k) ||
          lex.orgHeads.has(k) ||
          lex.placeHeads.has(k) ||
          ((lex.given.has(k) || lex.eastAsianSurnames.has(k)) &&
            i + 1 < run.length &&
            !lex.common.has(run[i + 1].lower) &&
            !lex.functionWords.has(run[i + 1].lower));
      if (ok) keep.push(t);
      else if (keep.length) {
        segmentRun(ctx, keep.splice(0), body);
      }
    }
    if (keep.length) segmentRun(ctx, keep, body);
    return;
  }
  segmentRun(ctx, run, body);
}

/** Splits a run at connectors that join no name, then at titles; classifies each piece. */
function segmentRun(ctx: Ctx, run: Tok[], body: boolean): void {
  const { lex } = ctx;
  if (run.length === 1) {
    const t = run[0];
    if ((lex.functionWords.has(t.lower) && (!t.caps || t.line === LineKind.Caps)) || DATE_WORDS.has(t.lower)) return;
    classifySegment(ctx, run, false, body);
    return;
  }
  // function words ("The", "In") and date words split runs, and so do connectors that join no
  // name; each piece is handled as soon as it ends (the splitting reads no state the pieces change)
  let start = 0; // first token of the current piece
  for (let i = 0; i < run.length; i++) {
    const t = run[i];
    const k = t.lower;
    if (t.hyphenSplit && i > start) {
      splitTitles(ctx, part(run, start, i), body);
      start = i;
    }
    const breaks =
      (lex.functionWords.has(k) &&
        (!t.caps || t.line === LineKind.Caps) &&
        !(k === 'i' && i > start && (isRegnalI(ctx.text, run, i) || lex.eventHeads.has(run[i - 1].lower))) &&
        !(ORDINALS.has(k) && opensOrdinalName(lex, run, i))) ||
      DATE_WORDS.has(k) ||
      (t.initial && k === 'i.');
    if (breaks) {
      if (i > start) splitTitles(ctx, part(run, start, i), body);
      start = i + 1;
      // "Saturday Night", "Monday Morning": a common word after a date word is part of the date
      if (DATE_WORDS.has(k) && i + 2 === run.length && DAY_PARTS.has(run[i + 1].lower)) return;
      continue;
    }
    if (t.conn && i > start && !connectorJoins(lex, ctx.text, run, start, i)) {
      splitTitles(ctx, part(run, start, i), body);
      start = i;
    }
  }
  if (run.length > start) splitTitles(ctx, part(run, start, run.length), body);
}

/**
 * Whether the "I" at run[i] is a regnal number ("Norton I, Emperor", "Pope Damasus I, who"), not the
 * pronoun ("Peter I think"): it ends the run, right after a name's word, before punctuation or the
 * end of the line.
 */
function isRegnalI(text: string, run: Tok[], i: number): boolean {
  if (i + 1 !== run.length || run[i].conn || run[i].s - run[i - 1].e !== 1) return false;
  const c = text.charCodeAt(run[i].e);
  return run[i].e === text.length || c === 44 || c === 59 || c === 58 || c === 41 || c === 10 || c === 13;
}

/**
 * Whether the "I" that ends `seg` is the regnal number of a person ("Norton I", "Elizabeth I"), which
 * is no word of the name for linking, rather than a numeral of the name ("World War I", "Phase I":
 * without its "I" it would be a short form of "World War II"): the word before it is a given name or
 * no common word.
 */
function isRegnalNumber(seg: Tok[]): boolean {
  if (seg[seg.length - 1].t !== 'I') return false;
  const lex = lexicon();
  const before = withoutFinalDot(seg[seg.length - 2].lower);
  return lex.given.has(before) || !lex.common.has(before);
}

/** The number of an event in its series, after its head word: "World War I", "World War Two". */
const EVENT_NUMERALS = /^(?:[ivx]+|one|two|three)$/;

/** Ordinals spelled out, which begin names: "Third Reich", "Ninth Circuit", "Sixteenth Air Force". */
const ORDINALS = new Set(
  'first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth'.split(
    '|',
  ),
);

/** Whether the ordinal at run[i] begins a name: a capitalized word follows it in the run, not a title nor a function or date word ("First Lady"). */
function opensOrdinalName(lex: Lexicon, run: Tok[], i: number): boolean {
  if (i + 1 >= run.length || run[i + 1].conn) return false;
  const next = run[i + 1].lower;
  return !lex.titles.has(next) && !lex.functionWords.has(next) && !DATE_WORDS.has(next);
}

/** Tokens a..b of a run (the run itself when that is all of it). */
function part(run: Tok[], a: number, b: number): Tok[] {
  return a === 0 && b === run.length ? run : run.slice(a, b);
}

/** Whether the connector before run[i] joins it to the piece run[start..i). */
function connectorJoins(lex: Lexicon, text: string, run: Tok[], start: number, i: number): boolean {
  const conn = run[i].conn;
  const left = run[i - 1].lower;
  const inPiece = (test: (t: Tok, j: number) => boolean): boolean => {
    for (let j = start; j < i; j++) if (test(run[j], j - start)) return true;
    return false;
  };
  switch (conn) {
    case 'of':
    case 'of the':
      return (
        lex.orgPrefixes.has(left) ||
        lex.placeOfPrefixes.has(left) ||
        lex.orgHeads.has(left) ||
        lex.placeHeads.has(left) ||
        lex.titles.has(left) ||
        inPiece(t => lex.orgPrefixes.has(t.lower) || lex.orgHeads.has(t.lower))
      );
    case 'for':
    case 'for the':
    case 'on':
      return lex.orgHeads.has(left) || lex.orgPrefixes.has(left) || inPiece(t => lex.orgPrefixes.has(t.lower));
    case 'and':
    case '&':
      if (conn === '&') return !twoNamesWithAmpersand(lex, text, run, start, i);
      // "Academy of Motion Picture Arts and Sciences": inside an "X of Y" organization name
      return (
        (inPiece((t, j) => j > 0 && (t.conn === 'of' || t.conn === 'of the' || t.conn === 'for')) && i === run.length - 1) ||
        (inPiece((t, j) => j > 0 && (t.conn === 'of' || t.conn === 'of the')) && isOrgHead(lex, run[run.length - 1].lower))
      );
    default:
      return true; // particles: de, van, von, bin, al...
  }
}

/**
 * Whether "&" at run[i] joins two names of one word each rather than making one: two authors cited
 * ("Dye & Bavelier, 2010", "Carrano & Biewener [7]") or two known places ("Tempe & Mesa").
 */
function twoNamesWithAmpersand(lex: Lexicon, text: string, run: Tok[], start: number, i: number): boolean {
  if (i !== start + 1 || i !== run.length - 1) return false;
  if (lex.places.has(tokKey(run[start])) && lex.places.has(tokKey(run[i]))) return true;
  return CITED_AFTER.test(text.slice(run[i].e, run[i].e + 12));
}

/** After the last author's name of a citation: a year, or a reference number in brackets. */
const CITED_AFTER = /^(?:,?\s*\(?\s*(?:1[5-9]|20)\d\d[a-z]?\b|\s*\[\d)/;

/** Splits a piece at title words: "U.S. President Donald Trump" -> "U.S." | title | "Donald Trump". */
function splitTitles(ctx: Ctx, piece: Tok[], body: boolean): void {
  const { lex } = ctx;
  const n = piece.length;
  const last = piece[n - 1].lower;
  // an organization named with title words: "Justice Department", "General Motors", "Foreign Ministry"
  if (n > 1 && (lex.orgHeads.has(last) || piece.some((t, j) => j > 0 && (t.conn === 'of' || t.conn === 'of the') && lex.orgPrefixes.has(piece[j - 1].lower)))) {
    if (!lex.titles.has(piece[0].lower) || !piece.slice(1).some(t => lex.given.has(t.lower))) {
      classifySegment(ctx, piece, false, body);
      return;
    }
  }
  let start = 0; // first token of the current segment
  let titled = false;
  let i = 0;
  while (i < n) {
    const t = piece[i];
    const isTitle = lex.titles.has(t.lower) && i + 1 < n && !(t.caps && t.t.length > 3) && !NAME_SUFFIXES.has(piece[i + 1].lower) && !opensName(ctx, piece, i);
    if (isTitle) {
      if (i > start) classifySegment(ctx, part(piece, start, i), titled, body);
      titled = lex.personTitles.has(withoutFinalDot(t.lower)) || titled;
      i++;
      // "Secretary of State John Kerry": common words after "of" belong to the title
      if (i < n && (piece[i].conn === 'of' || piece[i].conn === 'of the')) {
        while (i < n - 1 && lex.common.has(piece[i].lower) && !lex.given.has(piece[i].lower)) i++;
      }
      start = i;
      continue;
    }
    i++;
  }
  if (n > start) classifySegment(ctx, part(piece, start, n), titled, body);
}

/** Words that begin the names of places as they begin the names of saints: "St. Louis", "Saint Kitts". */
const SAINTS = new Set(['st.', 'saint', 'ste.', 'sainte']);

/**
 * Whether the title word piece[i] is the first word of a name rather than a title before one: it
 * begins a lexicon entry ("St. Louis", "Saint Lucia"), a head word follows it ("Major League",
 * "Queen Creek", "Imam Mosque"), or it is a saint's word before anything but a lone given name
 * ("St. Johnsbury", "St. Thomas Housing Development", not "St. Jerome"). Not when a connector,
 * a title or a name suffix says it is a title.
 */
function opensName(ctx: Ctx, piece: Tok[], i: number): boolean {
  const { lex } = ctx;
  // "Secretary of State", "Jr. Airport", "Deputy City Attorney": a title still
  if ((i > 0 && piece[i].conn) || piece[i + 1].conn || NAME_SUFFIXES.has(piece[i].lower) || (i + 2 < piece.length && lex.titles.has(piece[i + 2].lower)))
    return false;
  const next = piece[i + 1].lower;
  if ((lex.orgHeads.has(next) || lex.placeHeads.has(next)) && !lex.titles.has(next)) return true;
  if (lex.multiStarts.has(piece[i].lower) && startsLexiconEntry(ctx, piece, i, piece.length)) return true;
  return SAINTS.has(piece[i].lower) && (!lex.given.has(next) || i + 2 < piece.length);
}

function isDemonymAt(lex: Lexicon, seg: Tok[], i: number): number {
  if (i + 1 < seg.length && lex.multiStarts.has(seg[i].lower) && lex.demonyms.has(tokKey(seg[i]) + tokKey(seg[i + 1]))) return 2;
  const t = seg[i];
  if (lex.demonyms.has(tokKey(t)) || (!lex.given.has(t.lower) && isDerivedDemonym(lex, t.lower))) return 1;
  return 0;
}

function classifySegment(ctx: Ctx, seg: Tok[], titled: boolean, body: boolean): void {
  const { lex } = ctx;
  let a = 0;
  let b = seg.length;
  const endsWithOrgHead = b > 1 && lex.orgHeads.has(seg[b - 1].lower);
  // a demonym before two words or more: part of an organization's or a place's name ("American
  // Academy of Pediatrics", "Dutch East Indies"), not of a person's ("American Hasim Rahman"),
  // which classify() tells once the rest is read
  let demonym = -1;
  let demonymEnd = -1;
  // leading words that are no part of a name
  while (a < b) {
    const t = seg[a];
    const k = t.lower;
    if (!endsWithOrgHead && !startsLexiconEntry(ctx, seg, a, b)) {
      const d = isDemonymAt(lex, seg, a);
      if (d && a + d <= b) {
        demonym = b - a - d >= 2 ? a : -1;
        a += d;
        demonymEnd = a;
        continue;
      }
    }
    // a sentence's first common word, unless an ordinal that begins an organization's name ("Sixteenth Air Force")
    if (t.sent && a === 0 && !titled && lex.common.has(k) && !isKnownWord(ctx, seg, a, b) && !(endsWithOrgHead && ORDINALS.has(k))) {
      if (b === 1) ctx.dropped.push(k);
      a++;
      continue;
    }
    if (DATE_WORDS.has(k)) {
      a++;
      continue;
    }
    break;
  }
  // a role before a person's full name: "Shooter Yvonne Hiller", "Sixty-year-old Sharron Smith"
  while (b - a >= 2 && isRoleWord(lex, seg[a], seg[a + 1], b - a)) a++;
  // trailing words: dates and stray titles, not "Jr." nor the last word of "Department of Criminal Justice"
  let ofOrg: boolean | undefined; // read only when a title ends the segment
  while (b > a && (DATE_WORDS.has(seg[b - 1].lower) || (b - a > 1 && isStrayTitle(lex, seg[b - 2], seg[b - 1]) && !(ofOrg ??= isOfOrganization(lex, seg, a)))))
    b--;
  if (a >= b) return;
  const all = seg;
  if (a > 0 || b < seg.length) seg = seg.slice(a, b);
  const n = seg.length;
  if (!n) return;
  const first = seg[0];
  const last = seg[n - 1];
  // "Warhol Polaroids": a person's known name, then a capitalized plural of a common word
  if (n === 2 && ctx.known.get(tokKey(first)) === 'person' && isPluralCommon(lex, last)) {
    emit(ctx, [first], first.t, 'person', true, titled, tokKey(first), body, undefined, WHY.knownPerson);
    return;
  }
  const text = n === 1 ? first.t : ctx.text.slice(first.s, last.e);
  const key = n === 1 ? tokKey(first) : normKey(text);
  if (!key) return;
  // events and policies named after places: "One-China policy" is handled by the tokenizer, "Korean War" here
  // ... but "Nathan Law", "Doris Day": a given name before a head word that is a name too
  const personLike = n === 2 && lex.given.has(first.lower) && lex.given.has(last.lower) && !lex.places.has(tokKey(first));
  // "World War II", "World War One": the event without its number ("NBA Finals I watched": "NBA" stays)
  if (n > 1 && EVENT_NUMERALS.test(last.lower) && lex.eventHeads.has(seg[n - 2].lower)) return classifySegment(ctx, seg.slice(0, n - 1), titled, body);
  if (lex.eventHeads.has(last.lower) && !lex.orgs.has(key) && !lex.places.has(key) && !personLike) {
    if (n > 1) {
      const restKey = normKey(ctx.text.slice(first.s, seg[n - 2].e));
      if (lex.orgs.has(restKey) || (seg[0].caps && n === 2)) {
        const rest = seg.slice(0, n - 1);
        emit(ctx, rest, n === 2 ? first.t : ctx.text.slice(first.s, seg[n - 2].e), 'organization', true, titled, restKey, body, undefined, WHY.eventHead);
      }
    }
    return;
  }
  if (n === 1 && lex.neverNames.has(withoutFinalDot(first.lower)) && !lex.places.has(key) && !lex.orgs.has(key) && !lex.aliases.has(key)) return;
  if (
    n === 1 &&
    !titled &&
    (lex.titles.has(first.lower) || lex.orgHeads.has(first.lower) || lex.placeHeads.has(first.lower)) &&
    !lex.orgs.has(key) &&
    !lex.places.has(key)
  )
    return;
  if (n === 1 && (first.initial || first.t.length === 1 || ORDINALS.has(first.lower))) return;
  // a storm's name ("storm Elin") names no person, organization or place
  if (n === 1 && STORM_CUES.has(wordBefore(ctx.text, first.s))) return;
  if (n === 1 && (first.caps || first.dotted) && first.line === LineKind.Body) {
    const bare = first.t.replace(/\./g, '');
    if (lex.notOrgAcronyms.has(bare) || lex.notOrgAcronyms.has(first.t)) return;
    // a shouted common word ("MURDER") unless it names something known
    if (first.t.length >= 4 && lex.common.has(first.lower) && !lex.places.has(key) && !lex.orgs.has(key) && !ctx.knownToks.has(first.lower)) return;
  }
  // "Philadelphia 76ers", "San Francisco 49ers": a team whose name goes on with a number
  const team = n < 4 && commaOrDigitAfter(ctx.text, last.e) === DIGIT && TEAM_NUMBER.exec(ctx.text.slice(last.e, last.e + 12));
  if (team) {
    const full = ctx.text.slice(first.s, last.e + team[0].length);
    emit(ctx, seg, full, 'organization', true, titled, normKey(full), body, team[1], WHY.teamNumber);
    return;
  }
  const [kind, strong, why] = classify(ctx, seg, key, titled);
  if (demonym >= 0 && demonymEnd === a && kind !== 'person') {
    const whole = all.slice(demonym, b);
    const wholeText = ctx.text.slice(all[demonym].s, last.e);
    emit(ctx, whole, wholeText, kind, strong, titled, normKey(wholeText), body, undefined, why);
    return;
  }
  emit(ctx, seg, text, kind, strong, titled, key, body, undefined, why);
}

/** True when seg[a..] starts with a multi-word lexicon entry ("Saudi Arabia", "New Zealand"). */
function startsLexiconEntry(ctx: Ctx, seg: Tok[], a: number, b: number): boolean {
  const { lex } = ctx;
  if (b - a < 2 || !lex.multiStarts.has(seg[a].lower)) return false;
  for (let j = Math.min(b, a + lex.maxWords); j > a + 1; j--) {
    const key = normKey(ctx.text.slice(seg[a].s, seg[j - 1].e));
    if (lex.places.has(key) || lex.orgs.has(key) || lex.aliases.has(key)) return true;
  }
  return false;
}

/** A sentence-initial common word kept as a name: a lexicon name, or a name used elsewhere in the text. */
function isKnownWord(ctx: Ctx, seg: Tok[], a: number, b: number): boolean {
  const { lex } = ctx;
  const t = seg[a];
  const k = tokKey(t);
  if (ctx.extra?.has(t.lower)) return true;
  // a word alone counts when it was a name alone, or part of a person's name ("Will", "Lee"), not
  // when it was part of any name ("Climate" of "Panel on Climate Change")
  if (b - a > 1 ? ctx.knownToks.has(t.lower) : ctx.known.has(k) || ctx.personToks.has(t.lower)) return true;
  if (b - a > 1) {
    // "New Zealand", "Hong Kong": a lexicon entry starting here
    for (let j = Math.min(b, a + lex.maxWords); j > a + 1; j--) {
      const key = normKey(ctx.text.slice(t.s, seg[j - 1].e));
      if (lex.places.has(key) || lex.orgs.has(key) || lex.aliases.has(key) || ctx.known.has(key)) return true;
    }
    if (lex.given.has(t.lower) && (!lex.veryCommon.has(t.lower) || ctx.knownToks.has(seg[a + 1].lower))) return true; // "Mark Felt ... Felt said"
  }
  if (lex.veryCommon.has(t.lower)) return false;
  return lex.places.has(k) || lex.orgs.has(k);
}

/**
 * A lone word that is the family name of a person the text names in full is that person, whatever
 * the lexicons say: "Reggie Bush ... Bush underwent an MRI" (Bush is also a town).
 */
function surnamesArePersons(names: NameCandidate[], surnames: ReadonlySet<string>): void {
  if (!surnames.size) return;
  for (const c of names) {
    if (c.kind !== 'person' && c.words.length === 1 && !c.acronym && surnames.has(c.words[0])) {
      c.kind = 'person';
      c.strong = true;
      c.why = WHY.surname;
    }
  }
}

/** Records a name: `seg` are its tokens, `text` its text (the first token's alone, else the span's). */
function emit(
  ctx: Ctx,
  seg: Tok[],
  text: string,
  kind: NameKind,
  strong: boolean,
  titled: boolean,
  key: string,
  body: boolean,
  tail: string | undefined,
  why: number,
): void {
  const c = makeCandidate(seg, text, kind, strong, titled, key, tail, why);
  ctx.out.push(c);
  if (body && !seg[0].sent) {
    if (!ctx.known.has(key)) ctx.known.set(key, kind);
    for (const t of seg) ctx.knownToks.add(t.lower);
    if (kind === 'person') for (const t of seg) ctx.personToks.add(t.lower);
  } else if (body || strong) {
    if (!ctx.known.has(key)) ctx.known.set(key, kind);
    if (strong && seg.length > 1 && kind === 'person') {
      for (const t of seg) {
        ctx.knownToks.add(t.lower);
        ctx.personToks.add(t.lower);
      }
    }
  }
}

/** The candidate of a name: `seg` are its tokens, `text` its text, `tail` a word after its tokens ("76ers"). */
function makeCandidate(seg: Tok[], text: string, kind: NameKind, strong: boolean, titled: boolean, key: string, tail?: string, why?: number): NameCandidate {
  const first = seg[0];
  const last = seg[seg.length - 1];
  // "Jr." and a regnal "I" are no words of the name for linking: "King" is still the family name
  const nw = seg.length > 1 && (NAME_SUFFIXES.has(last.lower) || isRegnalNumber(seg)) ? seg.length - 1 : seg.length;
  const words = new Array<string>(tail ? nw + 1 : nw); // sized exactly: it may be kept with the document
  if (tail) words[nw] = tail.toLowerCase();
  let initials = '';
  let ofAt = -1;
  let beforeAnd = -1; // initials before an "and" after the "of": "International Federation of Red Cross and ..."
  for (let i = 0; i < nw; i++) {
    const t = seg[i];
    // "al-Sadr", "al - Zarqawi" (scanRuns keeps a lowercase Arabic article in the word): the family name is "sadr"
    words[i] = t.t.charCodeAt(0) >= 97 ? t.lower.replace(ARTICLE, '') : withoutFinalDot(t.lower);
    if (i > 0 && ofAt < 0 && (t.conn === 'of' || t.conn === 'of the')) ofAt = i;
    else if (ofAt > 0 && beforeAnd < 0 && i > 2 && t.conn === 'and') beforeAnd = initials.length;
    if (seg.length > 1) {
      initials += t.lower[0];
      for (let h = t.t.indexOf('-'); h >= 0 && h + 1 < t.t.length; h = t.t.indexOf('-', h + 1)) initials += t.lower[h + 1];
    }
  }
  const acronym = seg.length === 1 && (first.caps || first.dotted) && key.length >= 2 && key.length <= 8;
  const hyphenSecond = seg.length > 1 && seg[1].t.indexOf('-') > 0;
  // two literals, not one with `why: undefined`: a candidate given no rule has no `why` key; and `why`
  // set after the literal gave every candidate a second hidden class and a property store
  const cand: NameCandidate =
    why === undefined
      ? { start: first.s, end: first.s + text.length, text, kind, strong, titled, key, words, ofAt, initials, acronym, hyphenSecond }
      : { start: first.s, end: first.s + text.length, text, kind, strong, titled, key, words, ofAt, initials, acronym, hyphenSecond, why };
  // "International Federation of Red Cross and Red Crescent Societies" is the "IFRC"
  if (beforeAnd > 0) cand.initialsBeforeAnd = initials.slice(0, beforeAnd);
  return cand;
}

/** The lowercase Arabic article that begins a word of a name (names/tokens.ts). */
const ARTICLE = /^[ae]l(?:-| - )/;

function aliasKind(lex: Lexicon, key: string): NameKind | null {
  const canon = lex.aliases.get(key);
  if (canon === undefined) return null;
  return lex.places.has(canon) || lex.countries.has(canon) ? 'place' : 'organization';
}

/** A kind, whether it rests on evidence, and which rule gave it (NameCandidate.why). */
type Verdict = readonly [NameKind, boolean, number];
/** The verdicts, each made once (classify runs for every name): by rule (below 64), kind and strength. */
const VERDICTS = new Array<Verdict | undefined>(64 * 6).fill(undefined);
function verdict(kind: NameKind, strong: boolean, why: number): Verdict {
  const slot = why * 6 + (kind === 'person' ? 0 : kind === 'organization' ? 2 : 4) + (strong ? 1 : 0);
  return (VERDICTS[slot] ??= [kind, strong, why]);
}

/** Kind of a name from its words, lexicons and context; strong when it rests on more than a guess. */
function classify(ctx: Ctx, seg: Tok[], key: string, titled: boolean): Verdict {
  const { lex, text } = ctx;
  const n = seg.length;
  const first = seg[0];
  const last = seg[n - 1];
  const lastK = withoutFinalDot(last.lower);
  if (titled) return verdict('person', true, 10);
  const ak = aliasKind(lex, key);
  if (ak) return verdict(ak, true, 44);
  if (lex.orgs.has(key)) return verdict('organization', true, 11);
  if (isDateline(text, seg) && !lex.orgs.has(key)) return verdict('place', true, 12);
  if (n > 1) {
    if (isOrgHead(lex, lastK)) return verdict('organization', true, 13);
    if (lastK === 'state' && n === 2 && lex.places.has(tokKey(first)) && !lex.countries.has(tokKey(first))) return verdict('organization', true, 14);
    // "Hancock Pond" is a place, "Arthur Pond" a person
    const placeHead = lex.placeHeads.has(lastK) && !(n === 2 && FAMILY_NAME_HEADS.has(lastK) && lex.given.has(first.lower));
    if (placeHead && !(lex.orgPrefixes.has(first.lower) && seg.some((t, j) => j > 0 && (t.conn === 'of' || t.conn === 'of the')) && !seg[n - 1].conn))
      return verdict('place', true, 15);
    const ofAt = seg.findIndex((t, j) => j > 0 && (t.conn === 'of' || t.conn === 'of the'));
    if (ofAt > 0) {
      const head = seg[ofAt - 1].lower;
      if (lex.placeOfPrefixes.has(head) && !lex.orgPrefixes.has(head)) return verdict('place', true, 16);
      if (lex.orgPrefixes.has(head) || lex.orgHeads.has(head)) return verdict('organization', true, 17);
      if (lex.placeHeads.has(head)) return verdict('place', true, 18); // "Great Hall of the People"
    }
    // "SK Hynix": a known organization's name first
    if (lex.orgs.has(tokKey(first)) && first.caps && !lex.places.has(key)) return verdict('organization', true, 19);
    if (seg.some((t, i) => i > 0 && t.conn && t.conn !== 'and' && lex.orgHeads.has(seg[i - 1].lower))) return verdict('organization', true, 20);
    if (placeHead) return verdict('place', true, 21);
  }
  if (lex.places.has(key)) {
    // "Paris" the city, unless a person's given name comes first ("Paris Hilton" is not in the lexicon)
    return verdict('place', true, 22);
  }
  // teams and bands: a capitalized plural of a common noun ("the Colts", "Kansas City Chiefs")
  if (isPluralCommon(lex, last) && (n > 1 ? !(lex.given.has(first.lower) || first.initial) : !first.sent && wordBefore(text, first.s) === 'the'))
    return verdict('organization', true, 23);
  if (n > 1) {
    // "Indiana State", "Ohio State": universities and their teams
    if (lastK === 'state' && lex.places.has(normKey(ctx.text.slice(first.s, seg[n - 2].e)))) return verdict('organization', true, 24);
    // "California Highway Patrol", "Telecom Egypt": a place with other words, an organization word first
    if (lex.orgHeads.has(first.lower) && !lex.placeHeads.has(first.lower)) return verdict('organization', true, 25);
    // "Telecom Egypt" above; "Kansas City Chiefs", "San Diego Chargers", "Boston Red Sox": a place, then other words
    const p = leadingPlaceWords(
      lex,
      seg.map(t => t.lower),
    );
    if (
      p > 0 &&
      (p > 1 || !lex.given.has(first.lower)) &&
      !seg.slice(p).some(t => (lex.given.has(t.lower) && !t.lower.endsWith('s')) || lex.places.has(tokKey(t)) || t.conn)
    ) {
      // a plural after the place is a team's name ("San Diego Chargers"): evidence the model need not weigh
      return last.lower.endsWith('s') && !last.caps ? verdict('organization', true, 26) : verdict('organization', false, 27);
    }
    if (lex.placePrefixes.has(first.lower) && !lex.given.has(first.lower)) return verdict('place', true, 28);
    // initials alone are an abbreviation, as "N.Y." or "DA" written whole: "N . Y .", "D . A ."
    if (seg.every(t => t.initial)) return verdict('organization', false, 45);
    // a saint's word first, and the title kept (opensName): a place named after the saint, "Saint Kitts", not the saint
    if (SAINTS.has(first.lower)) return verdict('place', false, 46);
    // a title word first, kept as the name's (opensName): "Major League Baseball", no person
    if (lex.titles.has(first.lower)) return verdict('organization', false, 47);
    if (first.initial || (lex.given.has(first.lower) && !lex.places.has(tokKey(first)))) return verdict('person', true, 29);
    if (lex.eastAsianSurnames.has(first.lower) && n <= 3) return verdict('person', true, 30);
    if (lex.given.has(first.lower)) return verdict('person', true, 31);
    // common words only, and no given name: "Civic Passion", "Velvet Underground", "Pace Galleries"
    if (seg.every(t => lex.common.has(t.lower) && !lex.given.has(t.lower))) return verdict('organization', false, 32);
  }
  if (first.caps || first.dotted) {
    if (n === 1) return verdict('organization', false, 33);
  }
  const before = wordBefore(text, first.s);
  const b = before.toLowerCase();
  // "the town of Haldenbruck", "the city of Busan": a settlement word, then "of"
  if (b === 'of' && before === b) {
    const ofAt = text.lastIndexOf('of', first.s);
    if (ofAt > 0 && SETTLEMENT_WORDS.has(wordBefore(text, ofAt))) return verdict('place', true, 34);
  }
  if (lex.personCuesBefore.has(b) && before === b) return verdict('person', true, 35);
  // "Wasilla, Alaska", "Millom, Cumbria": a name before a comma and a known place is a place too
  const comma = commaOrDigitAfter(text, last.e) === COMMA;
  if (comma && isPlaceBeforeRegion(ctx, last.e)) return verdict('place', true, 36);
  if (n === 1) {
    if (PLACE_SUFFIXES.test(first.lower) && !lex.common.has(first.lower)) return verdict('place', true, 37);
    // "including Haldenbruck, where the water rose"
    if (comma && /^ ?, where\b/.test(text.slice(last.e, last.e + 8))) return verdict('place', false, 38);
    if (lex.given.has(first.lower)) return verdict('person', false, 39);
    if (before === 'the') return verdict('organization', false, 40);
    if (lex.placeCuesBefore.has(before) && (before === 'in' || before === 'at' || before === 'from' || before === 'near')) return verdict('place', false, 41);
    // a person is introduced by a full name (linking then finds the person in a lone family name):
    // a lone unknown word is more often an organization, even before "said" ("Seacom said")
    return verdict('organization', false, 42);
  }
  return verdict('person', false, 43);
}

const CITED_YEAR = String.raw`(?:1[5-9]|20)\d\d[a-z]?\b`;
/** Co-authors after an author's name: ", Kramer, Simons, & Gratton", " and Fennig". */
const CO_AUTHORS = String.raw`(?:,?\s+(?:(?:and|&)\s+)?\p{Lu}[\p{L}'’-]+){0,6}`;
/** After an author's name: co-authors, then "et al." or a year in parentheses: "Marsden, Mackey, & Plonsky (2016)". */
const CITATION_AFTER = new RegExp(String.raw`^(?:['’]s)?${CO_AUTHORS}(?:\s+et al\b|,?\s*\(\s*${CITED_YEAR})`, 'u');
/** Inside parentheses, before a year: "(Cantón, 2011", "(Boot, Kramer, Simons, Fabiani, & Gratton, 2008)". */
const CITATION_IN_PARENS = new RegExp(String.raw`^${CO_AUTHORS}(?:\s+et al\.?)?,?\s+${CITED_YEAR}\s*[)\];:,]`, 'u');

/** True when the word at `s`..`e` is cited as an author (academic references name persons by their family name). */
function isCitation(text: string, s: number, e: number): boolean {
  const after = text.slice(e, e + 120);
  if (CITATION_AFTER.test(after)) return true;
  const open = text.lastIndexOf('(', s);
  return open >= 0 && s - open < 120 && text.lastIndexOf(')', s) < open && CITATION_IN_PARENS.test(after);
}

/**
 * Acronyms (digits and a plural "s" left out) that the text defines in parentheses after the
 * lowercase words they abbreviate: "second language (L2)", "sea surface salinity (SSS)",
 * "compact light-emitting diode (SCLED)". An acronym of capitalized words may be a name ("Texas
 * Department of Criminal Justice (TDCJ)"); one of lowercase words is a term.
 */
function termAcronyms(text: string): Set<string> {
  const out = new Set<string>();
  for (const m of text.matchAll(/\(([A-Z][A-Z0-9]{1,7})s?\)/g)) {
    const letters = m[1].replace(/[0-9]/g, '').toLowerCase();
    const words = text
      .slice(Math.max(0, m.index - 120), m.index)
      .split(/[\s-]+/)
      .filter(Boolean);
    let i = letters.length - 1;
    let w = words.length - 1;
    let lower = true;
    for (; i >= 0 && w >= 0; w--) {
      const word = words[w];
      if (word[0] === letters[i]) i--;
      else if (!SMALL_WORDS.has(word)) break;
      if (word[0] !== word[0].toLowerCase()) lower = false;
    }
    if (i < 0 && lower) out.add(m[1]);
  }
  return out;
}

/** An acronym in the plural: "CFLs", "PCs", "L2s" (not "USA", "NGO"). */
const PLURAL_ACRONYM = /^[A-Z][A-Z0-9]*[A-Z0-9]s$/;

/**
 * Whether `text` has acronym `acr` ("CFL", or "CFLs") in its other number too, as a word of its
 * own; answers kept in `memo` by acronym.
 */
function isCounted(text: string, acr: string, memo: Map<string, boolean>): boolean {
  let found = memo.get(acr);
  if (found !== undefined) return found;
  const other = PLURAL_ACRONYM.test(acr) ? acr.slice(0, -1) : acr + 's';
  found = false;
  for (let at = text.indexOf(other); at >= 0 && !found; at = text.indexOf(other, at + 1)) {
    found = !(at > 0 && isWordLetter(text.charCodeAt(at - 1))) && !isWordLetter(text.charCodeAt(at + other.length));
  }
  memo.set(acr, found);
  return found;
}

/** An ASCII letter or digit: what goes on an acronym's word. */
function isWordLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
}

/** Interjections of transcribed speech and chat, capitalized at a turn's start: never a name alone. */
const INTERJECTIONS = new Set(
  'uh|um|umm|uhm|er|erm|huh|hmm|hm|mhm|ah|aha|oh|ooh|wow|alright|okay|ok|yeah|yep|yup|nope|nah|hey|hi|ya|yah|haha|hahaha|lol|lmao|ugh|whoa|oops|gee|duh|aw|aww'.split(
    '|',
  ),
);

/** A doctrine or its followers, a lone word: "monotheism", "zionists" (not "-ist" alone: "Lindqvist", "Gilchrist"). */
const DOCTRINE = /^\p{L}{3,}(?:isms?|ists)$/u;

const SMALL_WORDS = new Set(['of', 'and', 'the', 'for', 'in', 'on', 'to', 'a', 'an']);

/**
 * The demonym of a known place that the lists lack, by the usual suffixes: "Sicilian" (Sicily),
 * "Yemeni" (Yemen), "Bavarian" (Bavaria), "Milanese" (Milan), "Brooklynite"; plurals too.
 */
function isDerivedDemonym(lex: Lexicon, word: string): boolean {
  let w = word;
  if (w.length < 5 || w.charCodeAt(0) > 122) return false;
  if (w.endsWith('s')) w = w.slice(0, -1);
  const stem = (cut: number, add: string) => lex.places.has(w.slice(0, -cut) + add);
  if (w.endsWith('ian')) return stem(3, 'y') || stem(3, 'ia') || stem(1, '') || stem(3, '') || stem(3, 'a');
  if (w.endsWith('an')) return stem(1, '') || stem(2, '') || stem(2, 'a') || stem(2, 'o');
  if (w.endsWith('ese')) return stem(3, '') || stem(3, 'a') || stem(3, 'o');
  if (w.endsWith('ite')) return stem(3, '') || stem(3, 'e');
  if (w.endsWith('i')) return stem(1, '') || stem(1, 'a');
  return false;
}

const COMMA = 1;
const DIGIT = 2;

/**
 * What follows `e`, at once or after one space: COMMA, DIGIT or 0. The patterns read after a name
 * ("Wasilla, Alaska", "Philadelphia 76ers") are tried only where it can match.
 */
function commaOrDigitAfter(text: string, e: number): number {
  let c = text.charCodeAt(e);
  if (c === 32) c = text.charCodeAt(e + 1);
  else if (c !== 44) return 0;
  return c === 44 ? COMMA : c >= 48 && c <= 57 && text.charCodeAt(e) === 32 ? DIGIT : 0;
}

/** True when ", " and a known place follow `e` and end the clause ("Wasilla, Alaska, was ..."). */
function isPlaceBeforeRegion(ctx: Ctx, e: number): boolean {
  const { text, lex } = ctx;
  const m = /^ ?, ([A-Z][a-z]+(?: [A-Z][a-z]+)?)\.? ?(?=[,.;:)(]|$|\n| (?:on|in|at|and|was|is|has|had|where|which|said|to|for|after|before)\b)/.exec(
    text.slice(e, e + 40),
  );
  return m !== null && lex.places.has(normKey(m[1]));
}

/** An organization head word, or the plural of one ("Societies", "Federations"). */
function isOrgHead(lex: Lexicon, word: string): boolean {
  if (lex.orgHeads.has(word)) return true;
  if (word.length < 5 || !word.endsWith('s')) return false;
  return (word.endsWith('ies') && lex.orgHeads.has(word.slice(0, -3) + 'y')) || lex.orgHeads.has(word.slice(0, -1));
}

/** True when `words` (lowercase, the first a district word) are a known place's part that is no known place itself. */
function isDistrict(words: readonly string[]): boolean {
  const { places } = lexicon();
  return places.has(normKeyOfLowercase(words.slice(1).join(' '))) && !places.has(normKeyOfLowercase(words.join(' ')));
}

/** Words before a known place that name a part of it: "North Oakland", "Old Delhi", "Greater London". */
const DISTRICT_WORDS = new Set(
  'north|south|east|west|northern|southern|eastern|western|northeast|northwest|southeast|southwest|central|upper|lower|greater|inner|outer|old|downtown|midtown|uptown'.split(
    '|',
  ),
);

/** Lowercase words that name a settlement before "of": "the town of X". */
const SETTLEMENT_WORDS = new Set([
  'hometown',
  'town',
  'city',
  'village',
  'hamlet',
  'municipality',
  'port',
  'capital',
  'suburb',
  'district',
  'province',
  'region',
  'county',
  'mayor',
  'residents',
  'outskirts',
  'streets',
  'north',
  'south',
  'east',
  'west',
  'northeast',
  'northwest',
  'southeast',
  'southwest',
  'centre',
  'center',
  'heart',
  'people',
]);

/** Last parts of single-word street, square and town names in German and Dutch ("Brückenstrasse", "Marktplatz"). */
const PLACE_SUFFIXES = /(?:strasse|straße|platz|gasse|allee|ufer|weg|straat|plein|gracht)$/;

/** Words before a lowercase cue that names a storm, not a person: "storm Elin", "hurricane Katrina". */
const STORM_CUES = new Set(['storm', 'hurricane', 'typhoon', 'cyclone', 'windstorm', 'blizzard']);

/**
 * A dateline: capitalized words alone at the start of a line, before ", COUNTRY", " (Agency)" or " - ".
 * "HALDENBRUCK, GERMANY (Meridian Wire) - ...", "HALDENBRUCK - The water ...".
 */
function isDateline(text: string, seg: Tok[]): boolean {
  if (!seg.every(t => t.caps)) return false;
  let i = seg[0].s - 1;
  while (i >= 0 && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i--;
  if (i >= 0 && text.charCodeAt(i) !== 10) return false;
  return /^(,\s+[A-Z][A-Z.]+\b|\s*\(|\s+[-\u2013\u2014]\s)/.test(text.slice(seg[seg.length - 1].e, seg[seg.length - 1].e + 40));
}

/** A byline "By First Last," at the start of a line: the run after "By" is a person. */
function isByline(text: string, run: Tok[]): boolean {
  if (run.length < 2 || run.length > 4) return false;
  // "By " right before, at the start of a line (looked at without scanning the line)
  let i = run[0].s - 1;
  while (i >= 0 && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i--;
  if (i < 1 || !/^(By|BY)$/.test(text.slice(i - 1, i + 1))) return false;
  i -= 2;
  while (i >= 0 && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i--;
  if (i >= 0 && text.charCodeAt(i) !== 10) return false;
  const after = text.slice(run[run.length - 1].e, run[run.length - 1].e + 2);
  return /^(,|\s*$|\r?\n|\s+(and|for|in)\b)/.test(after) || after === '' || after[0] === '\n';
}

/** An organization's "of" phrase after seg[a]: "Department of Criminal Justice". */
function isOfOrganization(lex: Lexicon, seg: Tok[], a: number): boolean {
  return seg.some((t, j) => j > a && (t.conn === 'of' || t.conn === 'of the') && (isOrgHead(lex, seg[j - 1].lower) || lex.orgPrefixes.has(seg[j - 1].lower)));
}

/** A title word that ends a name by mistake, not a family name after a given name ("Billy King", "Mike Judge"). */
function isStrayTitle(lex: Lexicon, before: Tok, t: Tok): boolean {
  if (!lex.titles.has(t.lower) || lex.orgHeads.has(t.lower) || NAME_SUFFIXES.has(t.lower)) return false;
  return !(TITLE_SURNAMES.has(t.t) && lex.given.has(before.lower) && !lex.titles.has(before.lower));
}

/** Place head words that are also family names: after a given name, a person ("Arthur Pond", not "Hancock Pond"). */
const FAMILY_NAME_HEADS = new Set(['brook', 'pond', 'moor']);

/** Titles that are also family names. */
const TITLE_SURNAMES = new Set(['King', 'Bishop', 'Judge', 'Marshal', 'Dean', 'Pope', 'Major', 'Baron', 'Knight', 'Abbott']);

/** The number that goes on a team's name: " 76ers" (its word in group 1). */
const TEAM_NUMBER = /^ (\d{1,3}[a-z]{2,}s)\b/i;

/** Words after a family name that are part of the name: "Martin Luther King Jr." */
const NAME_SUFFIXES = new Set(['jr', 'jr.', 'sr', 'sr.']);

/**
 * A word before a name that only says who or what it is: an age or a rank ("Sixty-year-old",
 * "Top-ranked"), or, capitalized only by its place in a sentence or headline, a role before a full
 * name ("Shooter Yvonne Hiller", "Moviemaker Gary Ross").
 */
function isRoleWord(lex: Lexicon, t: Tok, next: Tok, left: number): boolean {
  const k = t.lower;
  const h = k.indexOf('-');
  // the cheap tests first: this runs for every name of several words
  if (h <= 0 && (left < 3 || !(t.sent || t.line !== LineKind.Body))) return false;
  if (lex.given.has(k) || lex.places.has(tokKey(t)) || lex.orgHeads.has(k) || lex.placeHeads.has(k) || lex.placePrefixes.has(k) || lex.orgPrefixes.has(k))
    return false;
  if (h > 0) return lex.common.has(k.slice(0, h)) && /-(?:year-old|old|ranked|seeded|time|term)$/.test(k);
  if (!lex.given.has(next.lower) || lex.common.has(next.lower)) return false;
  return lex.personCuesBefore.has(k) || /(?:er|or|ist|man|woman|maker|ian)$/.test(k);
}

function withoutFinalDot(word: string): string {
  return word.charCodeAt(word.length - 1) === 46 ? word.slice(0, -1) : word;
}

function isPluralCommon(lex: Lexicon, t: Tok): boolean {
  const k = t.lower;
  if (k.length < 4 || !k.endsWith('s') || k.endsWith('ss') || k.endsWith('us') || k.endsWith('is') || t.caps) return false;
  if (lex.given.has(k) || lex.places.has(k) || lex.demonyms.has(k) || lex.neverNames.has(k)) return false;
  const sing = k.slice(0, -1);
  return lex.common.has(sing) || (k.endsWith('es') && lex.common.has(k.slice(0, -2))) || (k.endsWith('ies') && lex.common.has(k.slice(0, -3) + 'y'));
}
