import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { defaultMaxErrors, editDistance, moveAnchor, reanchor, splitsSurrogatePair, targetFor, type TextRange } from '../../src/core/annotations';

/** One code point of the article, remembering which code point of the original text it was (-1: inserted). */
interface Cell {
  s: string;
  origin: number;
}

interface Edit {
  /** Where the edit lands: near the span's start or end, inside it, or anywhere. */
  where: 'start' | 'end' | 'inside' | 'anywhere';
  offset: number;
  fraction: number;
  remove: number;
  insert: string;
}

const WORDS = [
  'President',
  'Lee',
  'Jae',
  'Myung',
  'arrived',
  'in',
  'Beijing',
  'on',
  'Sunday',
  'the',
  'visit',
  'said',
  'officials',
  '😀',
  '𠀀',
  'café',
  '—',
  '“quote”',
  '2026',
  ',',
  '.',
];
const SEPARATORS = [' ', ' ', ' ', ' ', '\n', '\r\n', '\n\n'];
const UNITS = ['a', 'b', ' ', '😀', '𠀀', 'é', '\r\n'];

const prose = fc
  .array(fc.tuple(fc.constantFrom(...WORDS), fc.constantFrom(...SEPARATORS)), { minLength: 3, maxLength: 150 })
  .map(parts => parts.map(([w, s]) => w + s).join(''));
const smallAlphabet = fc.string({ unit: fc.constantFrom(...UNITS), minLength: 3, maxLength: 120 });
const anyUnicode = fc.string({ unit: 'binary', minLength: 3, maxLength: 120 });

const editArb: fc.Arbitrary<Edit> = fc.record({
  where: fc.constantFrom<Edit['where'][]>('start', 'end', 'inside', 'anywhere'),
  offset: fc.integer({ min: -4, max: 4 }),
  fraction: fc.double({ min: 0, max: 1, noNaN: true }),
  remove: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 12 })),
  insert: fc.oneof(
    fc.constant(''),
    fc.string({ unit: fc.constantFrom(...UNITS, 'Lee', 'x'), maxLength: 6 }),
    prose.map(s => s.slice(0, 20)),
  ),
});

const caseArb = fc.oneof(prose, smallAlphabet, anyUnicode).chain(text => {
  const n = Array.from(text).length;
  return fc.record({
    text: fc.constant(text),
    first: fc.integer({ min: 0, max: n - 1 }),
    length: fc.integer({ min: 1, max: Math.max(1, Math.min(n, 30)) }),
    edits: fc.array(editArb, { minLength: 1, maxLength: 4 }),
  });
});

interface Outcome {
  untouched: boolean;
  uniqueQuote: boolean;
  exactToMoved: boolean;
  orphan: boolean;
  method?: string;
}

/** Applies the edits; checks every property of the brief; returns what happened for the statistics. */
function runCase(c: { text: string; first: number; length: number; edits: Edit[] }): Outcome {
  const original = Array.from(c.text);
  const first = c.first;
  const last = Math.min(original.length, first + c.length); // exclusive, in code points
  const u16 = (cells: readonly { s: string }[], upTo: number): number => cells.slice(0, upTo).reduce((n, x) => n + x.s.length, 0);
  const start = u16(
    original.map(s => ({ s })),
    first,
  );
  const end = start + original.slice(first, last).join('').length;
  const target = targetFor(c.text, start, end);
  assert.equal(target.quote, original.slice(first, last).join(''));

  let cells: Cell[] = original.map((s, origin) => ({ s, origin }));
  let live: TextRange | null = { start, end };
  for (const e of c.edits) {
    const at = cells.findIndex(x => x.origin === first);
    const atEnd = cells.findIndex(x => x.origin === last - 1);
    let pos: number;
    if (e.where === 'start' && at >= 0) pos = at + e.offset;
    else if (e.where === 'end' && atEnd >= 0) pos = atEnd + 1 + e.offset;
    else if (e.where === 'inside' && at >= 0 && atEnd >= at) pos = at + Math.floor(e.fraction * (atEnd - at + 1));
    else pos = Math.floor(e.fraction * (cells.length + 1));
    pos = Math.max(0, Math.min(cells.length, pos));
    const remove = Math.min(e.remove, cells.length - pos);
    const change = { start: u16(cells, pos), end: u16(cells, pos + remove), newText: e.insert };
    cells = [...cells.slice(0, pos), ...Array.from(e.insert, s => ({ s, origin: -1 })), ...cells.slice(pos + remove)];
    const now = cells.map(x => x.s).join('');
    if (live) {
      live = moveAnchor(live, change, now);
      if (live) {
        assert.ok(live.start >= 0 && live.start <= live.end && live.end <= now.length, 'moveAnchor out of bounds');
        assert.ok(!splitsSurrogatePair(now, live.start) && !splitsSurrogatePair(now, live.end), 'moveAnchor split a surrogate pair');
      }
    }
  }
  const text = cells.map(x => x.s).join('');

  // Untouched: the span's code points all survive, in order, with nothing inserted between them.
  const positions = Array.from({ length: last - first }, (_, k) => cells.findIndex(x => x.origin === first + k));
  const untouched = positions.every((p, k) => p >= 0 && (k === 0 || p === positions[k - 1] + 1));
  const moved = untouched ? { start: u16(cells, positions[0]), end: u16(cells, positions[0]) + target.quote.length } : undefined;
  if (moved) {
    assert.equal(text.slice(moved.start, moved.end), target.quote);
    assert.deepEqual(live, moved, 'moveAnchor must follow an untouched span exactly');
  }

  const r = reanchor(text, target);
  const occurrences = countOccurrences(text, target.quote);
  const outcome: Outcome = { untouched, uniqueQuote: occurrences === 1, exactToMoved: false, orphan: r.orphan };
  if (r.orphan) {
    assert.deepEqual(r, { orphan: true });
    assert.ok(!untouched, 'an untouched span must never be orphaned');
    return outcome;
  }
  outcome.method = r.method;
  assert.ok(Number.isInteger(r.start) && Number.isInteger(r.end) && r.start >= 0 && r.start <= r.end && r.end <= text.length, 'out of bounds');
  assert.ok(!splitsSurrogatePair(text, r.start) && !splitsSurrogatePair(text, r.end), 'splits a surrogate pair');
  assert.equal(text.slice(r.start, r.end), r.quote);
  assert.ok(r.score > 0 && r.score <= 1);
  if (r.method === 'fuzzy') {
    assert.ok(r.end > r.start);
    // The matcher's bound, plus at most one unit on each side when a surrogate pair had to be kept whole.
    assert.ok(editDistance(r.quote, target.quote) <= defaultMaxErrors(target.quote.length) + 2, 'fuzzy match beyond the error bound');
  } else {
    assert.equal(r.quote, target.quote);
  }
  if (moved) {
    assert.notEqual(r.method, 'fuzzy', 'an untouched span must be found exactly');
    outcome.exactToMoved = r.start === moved.start && r.end === moved.end;
    if (occurrences === 1) assert.ok(outcome.exactToMoved, 'an untouched unique quote must be re-anchored to where it moved');
  }
  return outcome;
}

function countOccurrences(text: string, quote: string): number {
  let n = 0;
  for (let at = text.indexOf(quote); at !== -1; at = text.indexOf(quote, at + 1)) n++;
  return n;
}

describe('anchoring properties (fast-check)', function () {
  this.timeout(120_000);
  const stats = { cases: 0, untouched: 0, untouchedExact: 0, untouchedUnique: 0, touched: 0, touchedAnchored: 0, fuzzy: 0, orphans: 0 };

  after(() => {
    const pct = (a: number, b: number): string => `${b === 0 ? '-' : ((100 * a) / b).toFixed(1)}%`;
    console.log(`      anchoring over ${stats.cases} random edit cases:`);
    console.log(
      `        span untouched by the edits: ${stats.untouched}; re-anchored to exactly the moved span ${pct(stats.untouchedExact, stats.untouched)}` +
        ` (the rest: an equal quote elsewhere won; unique quotes: ${stats.untouchedUnique}, 100% exact), never orphaned`,
    );
    console.log(
      `        span touched: ${stats.touched}; re-anchored ${pct(stats.touchedAnchored, stats.touched)} (${stats.fuzzy} fuzzy), orphaned ${pct(stats.orphans, stats.touched)}`,
    );
  });

  it('after random edits every annotation is re-anchored to text equal to what it reports, or an orphan; untouched spans follow exactly', () => {
    fc.assert(
      fc.property(caseArb, c => {
        const o = runCase(c);
        stats.cases++;
        if (o.untouched) {
          stats.untouched++;
          if (o.exactToMoved) stats.untouchedExact++;
          if (o.uniqueQuote) stats.untouchedUnique++;
        } else {
          stats.touched++;
          if (o.orphan) stats.orphans++;
          else stats.touchedAnchored++;
          if (o.method === 'fuzzy') stats.fuzzy++;
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('targetFor never splits a surrogate pair and reanchor finds its own target at once', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', '😀', '𠀀', ' ', '\r\n'), minLength: 1, maxLength: 80 }), fc.nat(), fc.nat(), (text, a, b) => {
        const t = targetFor(text, a % (text.length + 1), b % (text.length + 1));
        for (const offset of [t.start, t.end]) assert.ok(!splitsSurrogatePair(text, offset));
        assert.ok(!/^[\udc00-\udfff]/.test(t.prefix) && !/[\ud800-\udbff]$/.test(t.suffix));
        assert.ok(t.prefix.length <= 32 && t.suffix.length <= 32);
        assert.equal(text.slice(t.start - t.prefix.length, t.end + t.suffix.length), t.prefix + t.quote + t.suffix);
        const r = reanchor(text, t);
        assert.deepEqual(r.orphan ? r : [r.start, r.end, r.method], [t.start, t.end, 'exact-position']);
      }),
      { numRuns: 1000 },
    );
  });
});
