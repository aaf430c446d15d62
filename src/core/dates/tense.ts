// Whether the clause around a relative date speaks of the future or the past: "is set to depart on
// Sunday" is ahead, "said on Friday" is behind. Only consulted at date mentions, so it may allocate.

export type Tense = 'past' | 'future';

const WINDOW = 100;

// Future cues first: "expected", "scheduled" and "planned" end in -ed but look ahead. (Conditions on
// the words before a cue are lookbehinds after it: tried only where a cue matched.)
const CUE = new RegExp(
  [
    // future
    `(?<f>\\b(?:will|shall|wo|won't|going\\s+to|(?:is|are)\\s+due|(?:is|are|am)\\s+to|plans?|planning|` +
      `expects?|upcoming|forthcoming|intends?|next|tomorrow|begins|starts|opens|resumes|kicks\\s+off|takes\\s+place|` +
      `departs|arrives|heads)\\b|\\b(?:set\\s+to|scheduled|slated|planned|expected|poised)\\b(?<!\\b(?:was|were|been)\\s+[a-z]+(?:\\s+to)?)|` +
      `'ll\\b|’ll\\b)`,
    // a plan told in the past ("was scheduled for Monday", "were due to meet"): ahead, unless the
    // sentence goes on to say it did not happen ("... but was postponed")
    `(?<q>\\b(?:was|were|been)\\s+(?:set\\s+to|scheduled|slated|planned|expected|poised|due)\\b)`,
    // past
    // (a participle after "be", "been", "being" or "to" is no past: "is to be held", "will be played")
    `(?<p>\\b(?:said|told|was|were|had|did|ago|since|last|yesterday|earlier|began|took|made|met|won|lost|came|went|left|gave|` +
      `held|saw|fell|ran|struck|hit)\\b(?<!\\b(?:be|been|being|to)\\s+[a-z]+))`,
    // a regular past form; no past either as an adjective ("the newly opened port") or as "followed"
    // and "preceded", which only order events ("scheduled for Monday, followed by a dinner on Tuesday")
    `(?<e>\\b[a-z]{2,}ed\\b(?<!\\b(?:be|been|being|to|the|a|an|its|his|her|their|our|this|these|those|newly|recently)\\s+[a-z]+|` +
      `\\b(?:followed|preceded)))`,
  ].join('|'),
  'gi',
);

/** After a plan told in the past, what says it did not happen: "but was postponed", "when she suffered a heart attack". */
const UNDONE = /\b(?:but|however|instead|yet|when|until|before)\b/i;

/** A comma-delimited insertion closed before the date: a relative clause or a participle phrase ("..., which was drafted in May, ..."). */
const INSERTION = /,\s*(?:who|whom|whose|which|where|[a-z]{2,}ed\b)[^,;()]*,|\([^()]*\)/gi;

/** Words that open a clause of their own: the clause of a date starts at the last one before it. */
const CLAUSE_OPENER = /\b(?:who|whom|whose|which|where|that|when|after|before|because|while|although|though|if|unless|but|whereas)\b/gi;

/** Between a past form and the date it governs, at most an agent and one word: "arrested on Tuesday", "killed by police on Saturday". */
const GOVERNS_DATE = /^\s*(?:by\s+(?:[\w'’-]+\s+){1,3}?)?(?:[A-Za-z]+\s*)?$/;

/** A tense, or a plan told in the past: ahead unless the sentence says it did not happen. */
type Reading = Tense | 'plan';

/**
 * The tense of a relative date: that of the clause it belongs to (relative clauses and participle
 * phrases closed before it left out), else of the nearest cue before it in its sentence, else of the
 * first one after it. In a clause with a future cue ("will", "is scheduled", "is due to", "are
 * expected to"), a regular past form after it is a participle ("will visit displaced families on
 * Friday"), unless it governs the date directly ("will question the man arrested on Tuesday"). A
 * plan told in the past ("was scheduled for Monday") is ahead, unless the sentence goes on to say
 * it did not happen ("but was postponed").
 */
export function tenseAround(text: string, start: number, end: number): Tense | null {
  const reading = readingAround(text, start, end);
  if (reading !== 'plan') return reading;
  const rest = text.slice(end, sentenceEndAfter(text, end));
  const undone = UNDONE.exec(rest);
  return undone && hasPastCue(rest.slice(undone.index)) ? 'past' : 'future';
}

function readingAround(text: string, start: number, end: number): Reading | null {
  let before = text.slice(sentenceStart(text, start), start);
  // an insertion needs two commas or a parenthesis
  const comma = before.indexOf(',');
  if ((comma >= 0 && before.indexOf(',', comma + 1) > 0) || before.includes('(')) before = before.replace(INSERTION, ',');
  let opener = 0;
  CLAUSE_OPENER.lastIndex = 0;
  for (let m = CLAUSE_OPENER.exec(before); m; m = CLAUSE_OPENER.exec(before)) opener = m.index;
  const inClause = clauseReading(before, opener);
  if (inClause) return inClause;
  let last: Reading | null = null;
  const outside = before.slice(0, opener);
  CUE.lastIndex = 0;
  for (let m = CUE.exec(outside); m; m = CUE.exec(outside)) last = readingOf(m);
  if (last) return last;
  // after the date, a plan told in the past is no plan of the date's ("In May, thieves stole jewels
  // that were due to be loaned")
  CUE.lastIndex = 0;
  const m = CUE.exec(text.slice(end, sentenceEndAfter(text, end)));
  return m && (m.groups!.f ? 'future' : 'past');
}

/** True when `text` holds a word that gives a tense. */
export function hasTenseCue(text: string): boolean {
  CUE.lastIndex = 0;
  return CUE.test(text);
}

function hasPastCue(text: string): boolean {
  CUE.lastIndex = 0;
  for (let m = CUE.exec(text); m; m = CUE.exec(text)) if (readingOf(m) === 'past') return true;
  return false;
}

function readingOf(m: RegExpExecArray): Reading {
  const { f, q } = m.groups!;
  return f ? 'future' : q ? 'plan' : 'past';
}

/** The reading of the clause that starts at `from` in `before` (which ends at the date), null without a cue. */
function clauseReading(before: string, from: number): Reading | null {
  let ahead: Reading | null = null;
  let past = false;
  CUE.lastIndex = from;
  for (let m = CUE.exec(before); m; m = CUE.exec(before)) {
    const reading = readingOf(m);
    if (reading !== 'past') {
      ahead = reading;
      past = false;
    } else if (m.groups!.p || !ahead || GOVERNS_DATE.test(before.slice(m.index + m[0].length))) past = true;
  }
  return past ? 'past' : ahead;
}

/** Where the sentence after `end` ends, at most WINDOW characters after it. */
function sentenceEndAfter(text: string, end: number): number {
  const to = Math.min(text.length, end + WINDOW);
  for (let i = end; i < to; i++) if (isSentenceBoundary(text, i)) return i;
  return to;
}

/** Where the sentence of `start` begins, at most WINDOW characters before it. */
function sentenceStart(text: string, start: number): number {
  const from = Math.max(0, start - WINDOW);
  for (let i = start - 1; i >= from; i--) if (isSentenceBoundary(text, i)) return i + 1;
  return from;
}

/** A line end, ";", "!", "?" or a period that ends a sentence. */
function isSentenceBoundary(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c === 10 || c === 13 || c === 59 /* ; */ || c === 33 || c === 63 || (c === 46 /* . */ && isSentenceEnd(text, i));
}

/** A period followed by a space and a capital letter or quote (not "Jan. 4", "U.S. officials"). */
function isSentenceEnd(text: string, i: number): boolean {
  const next = text.charCodeAt(i + 1);
  if (Number.isNaN(next)) return true;
  if (next !== 32 && next !== 10 && next !== 13) return false;
  // A single capital letter or a short abbreviation before the period is not a sentence end.
  let j = i - 1;
  while (j >= 0 && isLetter(text.charCodeAt(j))) j--;
  const word = i - 1 - j;
  if (
    word <= 1 ||
    (word <= 4 && /^(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Mr|Mrs|Ms|Dr|St|Gen|Gov|Sen|Rep|Jr|Sr|No|vs)$/.test(text.slice(j + 1, i)))
  )
    return false;
  return true;
}

function isLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}
