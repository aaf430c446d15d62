// Whether the clause around a relative date speaks of the future or the past: "is set to depart on
// Sunday" is ahead, "said on Friday" is behind. Only consulted at date mentions, so it may allocate.

export type Tense = 'past' | 'future';

const WINDOW = 100;

// Future cues first: "expected", "scheduled" and "planned" end in -ed but look ahead.
const CUE = new RegExp(
  [
    // future
    `(?<f>\\b(?:will|shall|wo|won't|going\\s+to|set\\s+to|(?:is|are)\\s+due|(?:is|are|am)\\s+to|scheduled|slated|planned|plans?|planning|` +
      `expected|expects?|upcoming|forthcoming|intends?|next|tomorrow|begins|starts|opens|resumes|kicks\\s+off|takes\\s+place|` +
      `departs|arrives|heads)\\b|'ll\\b|’ll\\b)`,
    // past
    // (a participle after "be", "been", "being" or "to" is no past: "is to be held", "will be played")
    `(?<p>(?<!\\b(?:be|been|being|to)\\s+)\\b(?:said|told|was|were|had|did|ago|since|last|yesterday|earlier|began|took|made|met|won|lost|came|went|left|gave|` +
      `held|saw|fell|ran|struck|hit|[a-z]{2,}ed)\\b)`,
  ].join('|'),
  'gi',
);

/** The nearest tense cue before the mention in its sentence, else the first one after it. */
export function tenseAround(text: string, start: number, end: number): Tense | null {
  let from = Math.max(0, start - WINDOW);
  for (let i = start - 1; i >= from; i--) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13 || c === 59 /* ; */ || c === 33 || c === 63 || (c === 46 /* . */ && isSentenceEnd(text, i))) {
      from = i + 1;
      break;
    }
  }
  let last: Tense | null = null;
  const before = text.slice(from, start);
  CUE.lastIndex = 0;
  for (let m = CUE.exec(before); m; m = CUE.exec(before)) last = m.groups!.f ? 'future' : 'past';
  if (last) return last;
  let to = Math.min(text.length, end + WINDOW);
  for (let i = end; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13 || c === 59 || c === 33 || c === 63 || (c === 46 && isSentenceEnd(text, i))) {
      to = i;
      break;
    }
  }
  CUE.lastIndex = 0;
  const m = CUE.exec(text.slice(end, to));
  return m ? (m.groups!.f ? 'future' : 'past') : null;
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
  if (word <= 1 || (word <= 4 && /^(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Mr|Mrs|Ms|Dr|St|Gen|Gov|Sen|Rep|Jr|Sr|No|vs)$/.test(text.slice(j + 1, i)))) return false;
  return true;
}

function isLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}
