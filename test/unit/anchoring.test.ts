import { strict as assert } from 'node:assert';
import {
  approxEnds,
  approxSearch,
  editDistance,
  moveAnchor,
  reanchor,
  snapRange,
  splitsSurrogatePair,
  targetFor,
  type Anchored,
  type AnchorResult,
} from '../../src/core/annotations';

function anchored(r: AnchorResult): Anchored {
  assert.equal(r.orphan, false, 'expected the annotation to be found');
  return r as Anchored;
}

const ARTICLE =
  'SEOUL — President Lee Jae Myung arrived in Beijing on Sunday for a four-day state visit. ' +
  'Lee said the visit would open a new chapter. Officials in Beijing welcomed Lee at the airport.';

function span(text: string, quote: string, occurrence = 0): [number, number] {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) at = text.indexOf(quote, at + 1);
  assert.ok(at >= 0, `${quote} not in text`);
  return [at, at + quote.length];
}

describe('anchoring: targetFor', () => {
  it('keeps quote, 32 code units of context each side and the position', () => {
    const [s, e] = span(ARTICLE, 'Lee Jae Myung');
    const t = targetFor(ARTICLE, s, e);
    assert.equal(t.quote, 'Lee Jae Myung');
    assert.equal(t.prefix, ARTICLE.slice(0, s));
    assert.equal(t.suffix, ARTICLE.slice(e, e + 32));
    assert.deepEqual([t.start, t.end], [s, e]);
  });

  it('never cuts a surrogate pair: widens the span, shortens the context', () => {
    const text = 'ab😀' + 'x'.repeat(31) + '😀Lee😀' + 'y'.repeat(31) + '😀z';
    const lee = text.indexOf('Lee');
    // A span starting inside the emoji before "Lee" widens to include the whole emoji.
    const t = targetFor(text, lee - 1, lee + 4);
    assert.equal(t.quote, '😀Lee😀');
    assert.deepEqual([t.start, t.end], [lee - 2, lee + 5]);
    // 32 units before lee - 2 would start inside the first emoji: the prefix is 31 units.
    const t2 = targetFor(text, lee, lee + 3);
    assert.equal(t2.prefix.length, 32);
    assert.ok(!/^[\udc00-\udfff]/.test(t2.prefix));
    const t3 = targetFor(text, lee - 2, lee + 5);
    assert.equal(t3.prefix.length, 31);
    assert.equal(t3.suffix.length, 31);
    assert.ok(!/[\ud800-\udbff]$/.test(t3.suffix));
  });

  it('clamps and orders offsets', () => {
    assert.deepEqual(snapRange('abc', 5, -1), { start: 0, end: 3 });
  });
});

describe('anchoring: reanchor tiers', () => {
  it('exact-position when the text at the stored offsets is still the quote', () => {
    const [s, e] = span(ARTICLE, 'Beijing');
    const r = anchored(reanchor(ARTICLE, targetFor(ARTICLE, s, e)));
    assert.deepEqual([r.start, r.end, r.method, r.score], [s, e, 'exact-position', 1]);
  });

  it('exact-quote after text was inserted before the span', () => {
    const [s, e] = span(ARTICLE, 'Beijing', 1); // the second "Beijing"
    const target = targetFor(ARTICLE, s, e);
    const edited = 'UPDATED: ' + ARTICLE;
    const r = anchored(reanchor(edited, target));
    assert.equal(r.method, 'exact-quote');
    assert.deepEqual([r.start, r.end], [s + 9, e + 9]);
  });

  it('exact-quote prefers the occurrence whose context agrees over a nearer one', () => {
    const [s, e] = span(ARTICLE, 'Lee', 2); // "welcomed Lee at the airport"
    const target = targetFor(ARTICLE, s, e);
    // Shift the text so that the old offsets fall nearer the second "Lee" than the third.
    const edited = ARTICLE.slice(0, 10) + 'x'.repeat(40) + ARTICLE.slice(10);
    const r = anchored(reanchor(edited, target));
    assert.equal(r.method, 'exact-quote');
    assert.equal(r.start, s + 40);
  });

  it('exact-quote: among equal contexts, the nearest to the old position', () => {
    const text = 'aaa Lee bbb. aaa Lee bbb. aaa Lee bbb.';
    const target = { quote: 'Lee', prefix: 'aaa ', suffix: ' bbb', start: 20, end: 23 };
    const r = anchored(reanchor(text, target));
    assert.equal(r.start, 17);
  });

  it('fuzzy when the quote itself was edited', () => {
    const [s, e] = span(ARTICLE, 'arrived in Beijing on Sunday');
    const target = targetFor(ARTICLE, s, e);
    const edited = ARTICLE.replace('arrived in Beijing on Sunday', 'arived in Beijing on Sundays');
    const r = anchored(reanchor(edited, target));
    assert.equal(r.method, 'fuzzy');
    assert.ok(r.quote.startsWith('arived in Beijing on Sunday'), r.quote);
    assert.equal(edited.slice(r.start, r.end), r.quote);
    assert.ok(r.score > 0.8 && r.score < 1, String(r.score));
  });

  it('orphan when the quote is gone', () => {
    const [s, e] = span(ARTICLE, 'four-day state visit');
    const target = targetFor(ARTICLE, s, e);
    assert.deepEqual(reanchor(ARTICLE.replace('four-day state visit', 'trip'), target), { orphan: true });
    // Short quotes get no fuzzy matching: an edited 3-letter quote is an orphan.
    const [ls, le] = span(ARTICLE, 'Lee', 1);
    assert.deepEqual(reanchor(ARTICLE.replace(/Lee/g, 'Lea'), targetFor(ARTICLE, ls, le)), { orphan: true });
  });

  it('an empty quote anchors only at its stored position', () => {
    assert.equal(anchored(reanchor('abc', { quote: '', prefix: 'a', suffix: 'b', start: 1, end: 1 })).start, 1);
    assert.deepEqual(reanchor('abc', { quote: '', prefix: '', suffix: '', start: 9, end: 9 }), { orphan: true });
  });

  it('handles astral characters before the span (offsets in UTF-16 code units)', () => {
    const text = '😀𠀀 Lee said 😀 that Lee 𠀀 was right.';
    const [s, e] = span(text, 'Lee', 1);
    const target = targetFor(text, s, e);
    const edited = '𠀀😀😀 ' + text;
    const r = anchored(reanchor(edited, target));
    assert.deepEqual([r.start, r.end], [s + 7, e + 7]);
    assert.equal(edited.slice(r.start, r.end), 'Lee');
  });

  it('never anchors inside a surrogate pair', () => {
    // The quote is a lone low surrogate + "x" (as a broken hand-written sidecar could hold).
    const text = 'a😀xb';
    const r = reanchor(text, { quote: '\ude00x', prefix: '', suffix: '', start: 2, end: 4 });
    assert.deepEqual(r, { orphan: true });
    const fuzzy = reanchor('zz😀bcdefgh😀zz', { quote: '\ude00bcdefgh\ud83d', prefix: '', suffix: '', start: 0, end: 9 });
    if (!fuzzy.orphan) {
      assert.ok(!splitsSurrogatePair('zz😀bcdefgh😀zz', fuzzy.start) && !splitsSurrogatePair('zz😀bcdefgh😀zz', fuzzy.end));
    }
  });

  it('works with CRLF line ends', () => {
    const text = 'Line one.\r\nPresident Lee Jae Myung\r\narrived.\r\n';
    const [s, e] = span(text, 'Lee Jae Myung\r\narrived');
    const target = targetFor(text, s, e);
    const edited = 'Title\r\n\r\n' + text.replace('arrived', 'arived');
    const r = anchored(reanchor(edited, target));
    assert.equal(r.method, 'fuzzy');
    assert.equal(r.start, s + 9);
    assert.equal(r.quote, 'Lee Jae Myung\r\narived');
  });

  it('finds a fuzzy match in 1 MB of text quickly enough to be usable', () => {
    let text = '';
    let seed = 7;
    const words = ['the', 'minister', 'said', 'on', 'Tuesday', 'that', 'talks', 'would', 'resume', 'in', 'Seoul', 'next', 'week', '.'];
    while (text.length < 1_000_000) {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      text += words[(seed >>> 8) % words.length] + ' ';
    }
    const quote = 'Marginalia reviewers annotate news articles carefully';
    const at = 600_000;
    const article = text.slice(0, at) + quote + text.slice(at);
    const target = targetFor(article, at, at + quote.length);
    const edited =
      article.slice(0, at - 5000) +
      article.slice(at - 4000, at) +
      quote.replace('carefully', 'carefuly').replace('news', 'new') +
      article.slice(at + quote.length);
    const started = Date.now();
    const r = anchored(reanchor(edited, target));
    const ms = Date.now() - started;
    assert.equal(r.method, 'fuzzy');
    assert.equal(r.start, at - 1000);
    console.log(`      (fuzzy re-anchoring in 1 MB: ${ms} ms)`);
  });
});

describe('anchoring: moveAnchor', () => {
  const range = { start: 10, end: 20 };
  it('shifts on a change before the span, including an insertion at its start', () => {
    assert.deepEqual(moveAnchor(range, { start: 2, end: 4, newText: 'abcde' }), { start: 13, end: 23 });
    assert.deepEqual(moveAnchor(range, { start: 10, end: 10, newText: 'ab' }), { start: 12, end: 22 });
    assert.deepEqual(moveAnchor(range, { start: 5, end: 10, newText: '' }), { start: 5, end: 15 });
  });
  it('keeps the span on a change after it, including an insertion at its end', () => {
    assert.deepEqual(moveAnchor(range, { start: 20, end: 20, newText: 'ab' }), range);
    assert.deepEqual(moveAnchor(range, { start: 25, end: 30, newText: '' }), range);
  });
  it('grows or shrinks on an edit inside', () => {
    assert.deepEqual(moveAnchor(range, { start: 12, end: 12, newText: 'abc' }), { start: 10, end: 23 });
    assert.deepEqual(moveAnchor(range, { start: 12, end: 18, newText: 'x' }), { start: 10, end: 15 });
    assert.deepEqual(moveAnchor(range, { start: 10, end: 19, newText: '' }), { start: 10, end: 11 });
  });
  it('trims on an edit overlapping one end', () => {
    assert.deepEqual(moveAnchor(range, { start: 5, end: 15, newText: 'ab' }), { start: 7, end: 12 });
    assert.deepEqual(moveAnchor(range, { start: 15, end: 25, newText: 'ab' }), { start: 10, end: 15 });
  });
  it('returns null when the whole span is deleted or replaced', () => {
    assert.equal(moveAnchor(range, { start: 10, end: 20, newText: '' }), null);
    assert.equal(moveAnchor(range, { start: 5, end: 25, newText: 'new text' }), null);
  });
  it('widens a result that would split a surrogate pair in the new text', () => {
    // "ab😀cd", span "😀c" = [2, 5); deleting "b" gives "a😀cd" and span [1, 4).
    assert.deepEqual(moveAnchor({ start: 2, end: 5 }, { start: 1, end: 2, newText: '' }, 'a😀cd'), { start: 1, end: 4 });
    // Trimming at the end inside a pair: "x😀yz" span [0,4), change replacing [2,4) by "" → [0,2) splits the pair.
    assert.deepEqual(moveAnchor({ start: 0, end: 4 }, { start: 2, end: 5, newText: '' }, 'x\ud83d'), { start: 0, end: 2 });
  });
});

/** Naive O(n * m) DP: for each end offset, the fewest edits of a substring ending there. */
function naiveEnds(text: string, pattern: string, k: number): { end: number; errors: number }[] {
  const m = pattern.length;
  let prev = Array.from({ length: m + 1 }, (_, i) => i);
  const out: { end: number; errors: number }[] = [];
  for (let j = 1; j <= text.length; j++) {
    const cur = [0];
    for (let i = 1; i <= m; i++) cur[i] = Math.min(prev[i] + 1, cur[i - 1] + 1, prev[i - 1] + (pattern[i - 1] === text[j - 1] ? 0 : 1));
    if (cur[m] <= k) out.push({ end: j, errors: cur[m] });
    prev = cur;
  }
  return out;
}

describe('anchoring: bit-parallel approximate matcher', () => {
  it('agrees with the naive dynamic programme (patterns of 1 to 140 units, up to 70 errors)', () => {
    let seed = 12345;
    const rand = (n: number): number => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return (seed >>> 8) % n;
    };
    const word = (n: number, alphabet: string): string => Array.from({ length: n }, () => alphabet[rand(alphabet.length)]).join('');
    for (let round = 0; round < 1500; round++) {
      const alphabet = ['ab', 'abc', 'abcd', 'abcdefgh', 'a😀'][round % 5];
      const pattern = word(1 + rand(140), alphabet);
      let text = word(rand(300), alphabet);
      if (rand(2)) {
        const at = rand(text.length + 1);
        text = text.slice(0, at) + pattern.slice(0, -2) + 'x' + pattern.slice(-1) + text.slice(at);
      }
      const k = rand(Math.min(pattern.length + 2, 71));
      assert.deepEqual(approxEnds(text, pattern, k), naiveEnds(text, pattern, k), `pattern ${pattern} k ${k} text ${text}`);
      for (const match of approxSearch(text, pattern, k)) {
        assert.equal(editDistance(text.slice(match.start, match.end), pattern), match.errors);
      }
    }
  });

  it('returns nothing for an empty pattern or negative bound', () => {
    assert.deepEqual(approxSearch('abc', '', 3), []);
    assert.deepEqual(approxSearch('abc', 'abc', -1), []);
  });
});
