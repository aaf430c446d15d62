// Numbers as articles write them: "1,200", "3.5", "fourteen", "twenty-five", "one hundred and fifty",
// "a dozen", and the vague ones: "several", "a few", "dozens", "hundreds", "tens of thousands".

const UNITS: Record<string, number> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
};
const TENS: Record<string, number> = { twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90 };

/** Words that multiply the number before them. */
export const SCALES: Record<string, number> = {
  hundred: 100,
  thousand: 1e3,
  million: 1e6,
  billion: 1e9,
  trillion: 1e12,
  m: 1e6,
  mn: 1e6,
  bn: 1e9,
  k: 1e3,
  tn: 1e12,
};

/**
 * Vague amounts: the range a reader takes them to mean. Wide on purpose: two reports are said to
 * disagree only when their ranges do not meet ("dozens" and "about 40" meet; "dozens" and "300" do not).
 */
export const VAGUE: Record<string, [number, number]> = {
  several: [3, 12],
  few: [2, 6],
  couple: [2, 3],
  handful: [2, 9],
  dozens: [24, 120],
  scores: [40, 200],
  hundreds: [150, 2000],
  thousands: [1500, 20_000],
  millions: [1.5e6, 2e8],
  billions: [1.5e9, 2e11],
};

/** Words that can start an amount (besides figures): number words, vague amounts, "a hundred". */
export const AMOUNT_WORDS = new Set([...Object.keys(UNITS), ...Object.keys(TENS), ...Object.keys(VAGUE), 'a', 'an', 'tens', 'dozen']);

/** The value of a number written in digits: "1,200" -> 1200, "3.5" -> 3.5; NaN when it is not one. */
export function digitsValue(token: string): number {
  if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(token)) return Number(token.replace(/,/g, ''));
  if (/^\d+(\.\d+)?$/.test(token)) return Number(token);
  return NaN;
}

/** The value of one number word or hyphenated pair ("seven", "forty", "twenty-five"); NaN when none. */
export function wordValue(lower: string): number {
  const unit = UNITS[lower];
  if (unit !== undefined) return unit;
  const tens = TENS[lower];
  if (tens !== undefined) return tens;
  if (lower.indexOf('-') < 0) return NaN;
  const m = /^([a-z]+)-([a-z]+)$/.exec(lower);
  if (m && TENS[m[1]] !== undefined && UNITS[m[2]] !== undefined && UNITS[m[2]] < 10) return TENS[m[1]] + UNITS[m[2]];
  return NaN;
}

/**
 * A number spelled in words from token `k` of `lower`: "one hundred and fifty", "two thousand",
 * "a hundred". Returns its value and the index after its last token, or undefined.
 */
export function spelledNumber(lower: readonly string[], k: number): { value: number; next: number } | undefined {
  let i = k;
  let value = wordValue(lower[i]);
  if (Number.isNaN(value)) {
    if ((lower[i] === 'a' || lower[i] === 'an') && (lower[i + 1] === 'hundred' || lower[i + 1] === 'thousand')) value = 1;
    else return undefined;
  }
  i++;
  let total = 0;
  for (;;) {
    const scale = lower[i];
    if (scale === 'hundred') {
      value *= 100;
      i++;
      const rest = lower[i] === 'and' ? i + 1 : i;
      const small = wordValue(lower[rest] ?? '');
      if (!Number.isNaN(small) && small < 100) {
        value += small;
        i = rest + 1;
      }
      continue;
    }
    if (scale === 'thousand') {
      total += value * 1000;
      value = 0;
      i++;
      const more = lower[i] === 'and' ? i + 1 : i;
      const next = wordValue(lower[more] ?? '');
      if (Number.isNaN(next)) break;
      value = next;
      i = more + 1;
      continue;
    }
    break;
  }
  return { value: total + value, next: i };
}

/** Rounding read into a round figure: at most this share of it, each way. */
const ROUNDING_SHARE = 0.1;

/**
 * The range an exact figure stands for: a round number is read as rounded to its last non-zero
 * digit, within 10% ("1,200" is 1,150 to 1,250; "300" is 270 to 330), any other as itself ("340").
 */
export function roundedRange(value: number): [number, number] {
  if (value < 100 || !Number.isInteger(value)) return [value, value];
  let unit = 1;
  while (value % (unit * 10) === 0) unit *= 10;
  if (unit < 100) return [value, value];
  const margin = Math.min(unit / 2, value * ROUNDING_SHARE);
  return [value - margin, value + margin];
}
