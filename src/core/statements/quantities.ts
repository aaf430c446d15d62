// Numbers and quantities of a statement: "two care homes", "several of the deals", "dozens of
// protesters", "over 150 delegates", "more than 80 million euros", "approximately 600 kilometres",
// "12 foreign firms", "$4.2 billion", "40%", "a four-day visit". Each gets a range, a unit or the
// counted noun, and whether it is a stated figure. Dates, ages, times of day, and numbers that are
// part of a name ("Route 66", "COVID-19") are left out.
import { AMOUNT_WORDS, digitsValue, roundedRange, SCALES, spelledNumber, VAGUE } from './numbers';
import type { Quantity, Span } from './types';
import { contentKey, type Tokens } from './words';

/** A quantity and the tokens it covers (for the words around it). */
export interface FoundQuantity extends Omit<Quantity, 'context'> {
  /** Index of its first token (the qualifier's, when there is one). */
  first: number;
  /** Index after its last token (the counted noun's, when there is one). */
  next: number;
}

function isNumberWord(w: string): boolean {
  return AMOUNT_WORDS.has(w) || /^\d/.test(w);
}

/** Qualifiers before a number, longest first, and how they widen it. */
const QUALIFIERS: [string[], 'about' | 'atLeast' | 'atMost' | 'nearly' | 'exact'][] = [
  [['in', 'excess', 'of'], 'atLeast'],
  [['no', 'more', 'than'], 'atMost'],
  [['no', 'fewer', 'than'], 'atLeast'],
  [['as', 'many', 'as'], 'atMost'],
  [['as', 'much', 'as'], 'atMost'],
  [['more', 'than'], 'atLeast'],
  [['at', 'least'], 'atLeast'],
  [['upwards', 'of'], 'atLeast'],
  [['well', 'over'], 'atLeast'],
  [['just', 'over'], 'atLeast'],
  [['fewer', 'than'], 'atMost'],
  [['less', 'than'], 'atMost'],
  [['up', 'to'], 'atMost'],
  [['at', 'most'], 'atMost'],
  [['just', 'under'], 'nearly'],
  [['close', 'to'], 'about'],
  [['an', 'estimated'], 'about'],
  [['some'], 'about'],
  [['about'], 'about'],
  [['around'], 'about'],
  [['approximately'], 'about'],
  [['roughly'], 'about'],
  [['estimated'], 'about'],
  [['nearly'], 'nearly'],
  [['almost'], 'nearly'],
  [['over'], 'atLeast'],
  [['above'], 'atLeast'],
  [['under'], 'atMost'],
  [['below'], 'atMost'],
  [['exactly'], 'exact'],
];
const QUALIFIER_WORDS = new Set(QUALIFIERS.flatMap(([words]) => words));
/** How far "about" widens a figure, each way. */
const ABOUT = 0.2;
const NEARLY = 0.15;

/** Units and currencies, normalized. */
const UNITS: Record<string, string> = {
  km: 'km',
  kms: 'km',
  kilometre: 'km',
  kilometres: 'km',
  kilometer: 'km',
  kilometers: 'km',
  mile: 'mile',
  miles: 'mile',
  metre: 'm',
  metres: 'm',
  meter: 'm',
  meters: 'm',
  cm: 'cm',
  mm: 'mm',
  kg: 'kg',
  kilogram: 'kg',
  kilograms: 'kg',
  kilo: 'kg',
  kilos: 'kg',
  tonne: 'tonne',
  tonnes: 'tonne',
  ton: 'tonne',
  tons: 'tonne',
  hectare: 'ha',
  hectares: 'ha',
  ha: 'ha',
  percent: '%',
  'per cent': '%',
  percentage: '%',
  euro: 'EUR',
  euros: 'EUR',
  eur: 'EUR',
  dollar: 'USD',
  dollars: 'USD',
  usd: 'USD',
  pound: 'GBP',
  pounds: 'GBP',
  gbp: 'GBP',
  'swiss francs': 'CHF',
  francs: 'CHF',
  franc: 'CHF',
  chf: 'CHF',
  yuan: 'CNY',
  renminbi: 'CNY',
  yen: 'JPY',
  won: 'KRW',
  rupees: 'INR',
  second: 'second',
  seconds: 'second',
  minute: 'minute',
  minutes: 'minute',
  hour: 'hour',
  hours: 'hour',
  day: 'day',
  days: 'day',
  week: 'week',
  weeks: 'week',
  month: 'month',
  months: 'month',
  year: 'year',
  years: 'year',
  decade: 'decade',
  decades: 'decade',
};
const CURRENCY_SIGNS: Record<string, string> = { $: 'USD', '€': 'EUR', '£': 'GBP', '¥': 'JPY', '₩': 'KRW' };
/** Currency codes written before the figure ("EUR 15 billion"). */
const CURRENCY_CODES: Record<string, string> = { eur: 'EUR', usd: 'USD', gbp: 'GBP', chf: 'CHF', us: 'USD' };

/** Words that end the noun phrase after a number. */
const PHRASE_STOP = new Set(
  (
    'the|a|an|and|or|but|of|in|on|at|to|for|from|by|with|into|over|under|after|before|since|than|as|that|' +
    'which|who|whom|whose|were|was|are|is|be|been|had|have|has|will|would|could|should|may|might|must|can|did|do|does|not|' +
    'said|says|told|their|its|his|her|our|they|he|she|it|we|you|i|this|these|those|ago|earlier|later|each|apiece|more|less|' +
    'still|also|only|just|then|there|here|where|when|while|if|per|worth|long|old|high|tall|deep|wide|away|each'
  ).split('|'),
);
/** Words after which a number is a rank or a name ("No. 10", "Route 66"), not a count. */
const NOT_COUNT_BEFORE = new Set([
  'no',
  'number',
  'route',
  'section',
  'article',
  'chapter',
  'page',
  'room',
  'gate',
  'platform',
  'flight',
  'line',
  'week',
  'part',
  'level',
  'grade',
  'round',
  'stage',
  'act',
  'verse',
  'paragraph',
  'item',
  'version',
  'category',
  'model',
  'phase',
  'game',
  'match',
  'day',
]);

/**
 * The quantities of the statement whose tokens are `tok` (text offsets), skipping the spans of
 * `dates` (a year, "20 January": they are dates, compared apart).
 */
export function findQuantities(text: string, tok: Tokens, dates: readonly Span[]): FoundQuantity[] {
  const out: FoundQuantity[] = [];
  const { lower } = tok;
  let d = 0;
  for (let k = 0; k < lower.length; k++) {
    const w = lower[k];
    const c = w.charCodeAt(0);
    // most words start no amount: figures, number words and "four-day" do
    if (!(c >= 48 && c <= 57) && !AMOUNT_WORDS.has(w) && (w.indexOf('-') < 0 || !isNumberWord(w.slice(0, w.indexOf('-'))))) continue;
    while (d < dates.length && dates[d].end <= tok.start[k]) d++;
    if (d < dates.length && dates[d].start < tok.end[k]) continue;
    const q = quantityAt(text, tok, k, d < dates.length ? dates[d].start : Infinity);
    if (q) {
      out.push(q);
      k = q.next - 1;
    }
  }
  return out;
}

interface Amount {
  low: number;
  high: number;
  exact: boolean;
  /** The index after the amount's tokens. */
  next: number;
  /** A unit written in the same token ("15bn" none; "80km" km; "40%" %), or ''. */
  unit: string;
}

/** The quantity starting at token `k` (its number there; a qualifier before is looked for). */
function quantityAt(text: string, tok: Tokens, k: number, nextDate: number): FoundQuantity | undefined {
  const { lower } = tok;
  const amount = amountAt(text, tok, k, nextDate);
  if (!amount) return undefined;
  if (isNotACount(text, tok, k, amount)) return undefined;
  if (lower[k] === 'one' && !unitAfter(text, tok, k, amount).unit) return undefined; // "not for the last one"
  let { low, high } = amount;
  let first = k;
  let qualifier = '';
  for (const [words, how] of QUALIFIERS) {
    const at = k - words.length;
    if (at < 0 || !words.every((w, i) => lower[at + i] === w) || !adjacent(text, tok, at, k)) continue;
    if (words.length === 1 && words[0] === 'some' && !amount.exact) break; // "some dozens"? "some several" no
    qualifier = words.join(' ');
    first = at;
    if (how === 'about') {
      low *= 1 - ABOUT;
      high *= 1 + ABOUT;
    } else if (how === 'nearly') {
      low *= 1 - NEARLY;
      high = Math.min(high, amount.high);
    } else if (how === 'atLeast') high = Infinity;
    else if (how === 'atMost') low = 0;
    else if (how === 'exact') {
      low = amount.low;
      high = amount.low;
    }
    break;
  }
  if (first === k && (lower[k - 1] === 'a' || lower[k - 1] === 'an') && k > 0 && !amount.exact) first = k - 1;
  const { unit, head, next } = unitAfter(text, tok, k, amount);
  return {
    start: currencyStart(text, tok.start[first]),
    end: tok.end[next - 1],
    text: '',
    low,
    high,
    exact: amount.exact,
    qualifier,
    unit,
    head,
    first,
    next,
  };
}

/** Tokens `a` .. `b` are separated by spaces only. */
function adjacent(text: string, tok: Tokens, a: number, b: number): boolean {
  for (let i = a; i < b; i++) if (!/^[ \t\u00a0]+$/.test(text.slice(tok.end[i], tok.start[i + 1]))) return false;
  return true;
}

function currencyStart(text: string, start: number): number {
  return start > 0 && CURRENCY_SIGNS[text[start - 1]] ? (start > 2 && text.slice(start - 3, start) === 'US$' ? start - 3 : start - 1) : start;
}

/** The number at token `k`: figures, words, vague amounts; with a scale ("80 million", "$4.2bn"). */
function amountAt(text: string, tok: Tokens, k: number, nextDate: number): Amount | undefined {
  const { lower } = tok;
  const w = lower[k];
  const c = w.charCodeAt(0);
  if (c >= 48 && c <= 57) {
    const attached = /^(\d+(?:\.\d+)?)(bn|m|mn|k|tn|km|kg|cm|mm|%)$/.exec(w);
    let value = attached ? Number(attached[1]) : digitsValue(w);
    let unit = '';
    if (attached) {
      const scale = SCALES[attached[2]];
      if (scale) value *= scale;
      else unit = UNITS[attached[2]] ?? attached[2];
    }
    if (Number.isNaN(value)) return hyphenated(w, k);
    let next = k + 1;
    // a round figure is read as rounded as written: "1,200" and "300" are, "80 million" is to the million
    let [low, high] = attached ? [value, value] : roundedRange(value);
    const scale = SCALES[lower[next]];
    if (scale && scale >= 1e3 && !attached && adjacent(text, tok, k, next) && tok.start[next] < nextDate) {
      low *= scale;
      high *= scale;
      next++;
    }
    return { low, high, exact: true, next, unit };
  }
  const vague = vagueAt(tok, k);
  if (vague) return vague;
  const spelled = spelledNumber(lower, k);
  if (spelled) {
    let { value, next } = spelled;
    if (lower[next] === 'dozen') {
      value *= 12;
      next++;
    }
    const scale = SCALES[lower[next]];
    if (scale && scale >= 1e6 && adjacent(text, tok, next - 1, next)) {
      value *= scale;
      next++;
    }
    return { low: value, high: value, exact: true, next, unit: '' };
  }
  return hyphenated(w, k);
}

/** "four-day", "80-kilometre", "two-hour": a number and a unit in one hyphenated word. */
function hyphenated(w: string, k: number): Amount | undefined {
  const m = /^([a-z]+|\d+(?:\.\d+)?)-([a-z]+)$/.exec(w);
  if (!m) return undefined;
  const unit = UNITS[m[2]];
  if (!unit) return undefined;
  const value = /^\d/.test(m[1]) ? Number(m[1]) : spelledNumber([m[1]], 0)?.value;
  if (value === undefined || Number.isNaN(value)) return undefined;
  return { low: value, high: value, exact: true, next: k + 1, unit };
}

/** "several", "a few", "a couple of", "dozens of", "tens of thousands of", "a dozen", "hundreds". */
function vagueAt(tok: Tokens, k: number): Amount | undefined {
  const { lower } = tok;
  const w = lower[k];
  if (w === 'tens' && lower[k + 1] === 'of' && (lower[k + 2] === 'thousands' || lower[k + 2] === 'millions')) {
    const base = lower[k + 2] === 'thousands' ? 1e3 : 1e6;
    return { low: 15 * base, high: 200 * base, exact: false, next: k + 3, unit: '' };
  }
  if (w === 'hundreds' && lower[k + 1] === 'of' && (lower[k + 2] === 'thousands' || lower[k + 2] === 'millions')) {
    const base = lower[k + 2] === 'thousands' ? 1e3 : 1e6;
    return { low: 150 * base, high: 2000 * base, exact: false, next: k + 3, unit: '' };
  }
  if (w === 'dozen' && (lower[k - 1] === 'a' || lower[k - 1] === 'half')) {
    const half = lower[k - 1] === 'half';
    return { low: half ? 5 : 10, high: half ? 7 : 14, exact: false, next: k + 1, unit: '' };
  }
  const range = VAGUE[w];
  if (!range) return undefined;
  // "a few", "a couple", "a handful" need their article; "few" alone means "not many"
  if ((w === 'few' || w === 'couple' || w === 'handful') && lower[k - 1] !== 'a') return undefined;
  return { low: range[0], high: range[1], exact: false, next: k + 1, unit: '' };
}

/** Ages ("Helga Simon, 67,"), times of day, ranks and names with numbers, number words used as pronouns. */
function isNotACount(text: string, tok: Tokens, k: number, amount: Amount): boolean {
  const { lower } = tok;
  const after = text.slice(tok.end[amount.next - 1], tok.end[amount.next - 1] + 8);
  const before = text.slice(Math.max(0, tok.start[k] - 3), tok.start[k]);
  if (/^[:.]\d/.test(after) || /\d:$/.test(before) || /^\s*(?:a\.?m\b|p\.?m\b|o'clock|GMT|UTC)/i.test(after)) return true; // 10:30, 7 p.m.
  if (/^\s*[-–]\s*\d/.test(after) || /\d\s*[-–]\s*$/.test(before)) return true; // scores and ranges "3-1"
  if (/-year-old|-years-old/.test(text.slice(tok.start[k], tok.end[amount.next - 1] + 12))) return true;
  if (lower[k - 1] === 'aged' || lower[k - 1] === 'age') return true;
  // "Wi, 71, has worked": a number alone between commas after a name
  if (amount.exact && amount.next === k + 1 && /,\s*$/.test(before) && /^,/.test(after) && k > 0 && /^\p{Lu}/u.test(text[tok.start[k - 1]])) return true;
  const prev = lower[k - 1];
  if (prev !== undefined && NOT_COUNT_BEFORE.has(prev)) return true;
  if (
    k > 1 &&
    /^\d/.test(lower[k]) &&
    /^\p{Lu}/u.test(text[tok.start[k - 1]]) &&
    adjacent(text, tok, k - 1, k) &&
    !UNITS[lower[k + 1] ?? ''] &&
    !QUALIFIER_WORDS.has(prev ?? '')
  ) {
    // "Route 66", "Apollo 11": a capitalized word right before a bare figure
    if (!CURRENCY_SIGNS[text[tok.start[k] - 1]] && !/^(?:EUR|USD|GBP|CHF|US)$/.test(text.slice(tok.start[k - 1], tok.end[k - 1]))) return true;
  }
  if (/^\d+[a-z]/.test(lower[k]) && !/^\d+(?:\.\d+)?(bn|m|mn|k|tn|km|kg|cm|mm)$/.test(lower[k])) return true; // "19th", "g7"
  if (
    lower[k] === 'one' &&
    (lower[k + 1] === 'of' ||
      lower[k + 1] === 'another' ||
      ['no', 'the', 'this', 'that', 'which', 'each', 'every', 'any', 'such', 'someone', 'no-one'].includes(prev ?? ''))
  )
    return true;
  return false;
}

/** The unit or counted noun after the amount at token `k`: "euros", "kilometres", "foreign firms" (head "firm"). */
function unitAfter(text: string, tok: Tokens, k: number, amount: Amount): { unit: string; head: string; next: number } {
  const { lower } = tok;
  let next = amount.next;
  if (amount.unit) return { unit: amount.unit, head: '', next };
  if (text[tok.end[next - 1]] === '%') return { unit: '%', head: '', next };
  const sign = CURRENCY_SIGNS[text[tok.start[k] - 1]] ?? CURRENCY_CODES[lower[k - 1] ?? ''];
  if (sign) return { unit: sign, head: '', next };
  if (next >= lower.length || !adjacent(text, tok, next - 1, next)) return { unit: '', head: '', next };
  const two = `${lower[next]} ${lower[next + 1]}`;
  if (UNITS[two] && adjacent(text, tok, next, next + 1)) return { unit: UNITS[two], head: text.slice(tok.start[next], tok.end[next + 1]), next: next + 2 };
  if (UNITS[lower[next]]) return { unit: UNITS[lower[next]], head: text.slice(tok.start[next], tok.end[next]), next: next + 1 };
  if (lower[next] === 'of') {
    // "dozens of protesters", "several of the deals", "two of its ministers"
    next++;
    if (['the', 'its', 'their', 'his', 'her', 'our', 'these', 'those'].includes(lower[next])) next++;
  }
  const start = next;
  let end = start;
  // the counted noun: one word, then more while they are plural nouns ("logistics specialists", "foreign firms")
  for (let i = start; i < lower.length && i < start + 3; i++) {
    const w = lower[i];
    if (PHRASE_STOP.has(w) || /^\d/.test(w) || (i > start && !adjacent(text, tok, i - 1, i))) break;
    if (UNITS[w]) return { unit: UNITS[w], head: text.slice(tok.start[start], tok.end[i]), next: i + 1 };
    if (i === start ? /(?:ly|ed)$/.test(w) : !isPlural(w)) break;
    end = i + 1;
  }
  if (end === start) return { unit: '', head: '', next: amount.next };
  return { unit: headKey(lower[end - 1]), head: text.slice(tok.start[start], tok.end[end - 1]), next: end };
}

const IRREGULAR_PLURALS = new Set(['people', 'men', 'women', 'children', 'police', 'staff', 'personnel', 'crew', 'media', 'data', 'cattle', 'troops']);

function isPlural(w: string): boolean {
  return IRREGULAR_PLURALS.has(w) || (/s$/.test(w) && !/(?:ss|us|is)$/.test(w));
}

/** Counted nouns that name the same thing. */
const SAME_HEADS: Record<string, string> = { person: 'peopl', individual: 'peopl', company: 'firm', business: 'firm' };

/** The key of a counted noun: stemmed, a few synonyms folded ("persons" -> "people", "companies" -> "firm"). */
export function headKey(word: string): string {
  const key = contentKey(word) ?? word;
  return SAME_HEADS[key] ?? key;
}
