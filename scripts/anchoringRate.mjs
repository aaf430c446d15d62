// How often annotations survive random edits of their article: applies random insertions,
// deletions and replacements (around, inside and away from an annotated span; texts with astral
// characters and CRLF) and re-anchors the span with `reanchor`.
//   node scripts/anchoringRate.mjs [--cases 10000] [--seed 1]
// Prints the rates; asserts nothing about time. `anchoringRate()` returns them for other scripts.
import { pathToFileURL } from 'node:url';
import { loadAnnotationsCore } from './benchSidecar.mjs';

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
  'for',
  'a',
  'four-day',
  'state',
  'visit',
  'said',
  'the',
  'officials',
  'ministry',
  'talks',
  'would',
  'resume',
  'next',
  'week',
  'Xi',
  'Jinping',
  'summit',
  'trade',
  'agreement',
  'Seoul',
  'reporters',
  'café',
  '😀',
  '𠀀',
  '—',
  '“quote”',
  '2026',
  'of',
  'and',
  'to',
  'that',
];
const SEPARATORS = [' ', ' ', ' ', ' ', ' ', ', ', '. ', '\n', '\r\n', '\n\n'];
const UNITS = ['a', 'b', ' ', '😀', '𠀀', 'é', '\r\n'];

function prng(seed) {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s / 0x1_0000_0000;
  };
}

/** Runs `cases` random cases; returns counts by outcome. */
export async function anchoringRate({ cases = 10_000, seed = 1 } = {}) {
  const core = await loadAnnotationsCore();
  const random = prng(seed);
  const int = n => Math.floor(random() * n);
  const pick = xs => xs[int(xs.length)];
  const prose = n => Array.from({ length: n }, () => pick(WORDS) + pick(SEPARATORS)).join('');
  const u16 = (cells, upTo) => {
    let n = 0;
    for (let i = 0; i < upTo; i++) n += cells[i].s.length;
    return n;
  };

  const stats = {
    cases,
    prose: 0,
    untouched: 0,
    untouchedExact: 0,
    untouchedElsewhere: 0,
    untouchedOrphan: 0,
    edited: 0,
    editedOnSpan: 0,
    editedElsewhere: 0,
    editedOrphan: 0,
    editedFuzzy: 0,
    deleted: 0,
    deletedOrphan: 0,
    deletedAnchored: 0,
    byMethod: { 'exact-position': 0, 'exact-quote': 0, fuzzy: 0, orphan: 0 },
  };
  for (let c = 0; c < cases; c++) {
    const isProse = random() < 0.8;
    if (isProse) stats.prose++;
    const text = isProse ? prose(20 + int(300)) : Array.from({ length: 10 + int(150) }, () => pick(UNITS)).join('');
    let cells = Array.from(text, (s, origin) => ({ s, origin }));
    // Annotated span: in prose a run of 1 to 6 words (what reviewers mark), else any code points.
    let first, last;
    if (isProse) {
      const starts = [];
      for (let i = 0; i < cells.length; i++) if (cells[i].s !== ' ' && (i === 0 || /\s/.test(cells[i - 1].s))) starts.push(i);
      first = pick(starts);
      let words = 1 + int(6);
      last = first;
      while (last < cells.length && words > 0) {
        last++;
        if (last < cells.length && /\s/.test(cells[last].s) && !/\s/.test(cells[last - 1].s)) words--;
      }
    } else {
      first = int(cells.length);
      last = Math.min(cells.length, first + 1 + int(20));
    }
    const start = u16(cells, first);
    const end = u16(cells, last);
    const target = core.targetFor(text, start, end);

    // 1 to 4 edits: near the span's start or end, inside it, or anywhere.
    const edits = 1 + int(4);
    for (let e = 0; e < edits; e++) {
      const at = cells.findIndex(x => x.origin === first);
      const atEnd = cells.findIndex(x => x.origin === last - 1);
      const where = int(4);
      let pos;
      if (where === 0 && at >= 0) pos = at + int(9) - 4;
      else if (where === 1 && atEnd >= 0) pos = atEnd + 1 + int(9) - 4;
      else if (where === 2 && at >= 0 && atEnd >= at) pos = at + int(atEnd - at + 1);
      else pos = int(cells.length + 1);
      pos = Math.max(0, Math.min(cells.length, pos));
      const remove = Math.min(cells.length - pos, [0, int(3), int(12)][int(3)]);
      const insert = [() => '', () => pick(WORDS) + ' ', () => prose(1 + int(4)), () => pick(UNITS)][int(4)]();
      cells = [...cells.slice(0, pos), ...Array.from(insert, s => ({ s, origin: -1 })), ...cells.slice(pos + remove)];
    }
    const now = cells.map(x => x.s).join('');
    const positions = [];
    for (let k = first; k < last; k++) positions.push(cells.findIndex(x => x.origin === k));
    const untouched = positions.every((p, k) => p >= 0 && (k === 0 || p === positions[k - 1] + 1));
    const survivors = positions.filter(p => p >= 0);
    const r = core.reanchor(now, target);
    stats.byMethod[r.orphan ? 'orphan' : r.method]++;
    if (untouched) {
      stats.untouched++;
      const s = u16(cells, positions[0]);
      if (r.orphan) stats.untouchedOrphan++;
      else if (r.start === s && r.end === s + target.quote.length) stats.untouchedExact++;
      else stats.untouchedElsewhere++;
    } else if (survivors.length === 0) {
      stats.deleted++;
      if (r.orphan) stats.deletedOrphan++;
      else stats.deletedAnchored++;
    } else {
      stats.edited++;
      if (r.orphan) {
        stats.editedOrphan++;
        continue;
      }
      if (r.method === 'fuzzy') stats.editedFuzzy++;
      // Found on what is left of the span: the result overlaps a surviving code point of it.
      const overlaps = survivors.some(p => {
        const a = u16(cells, p);
        return a < r.end && a + cells[p].s.length > r.start;
      });
      if (overlaps) stats.editedOnSpan++;
      else stats.editedElsewhere++;
    }
  }
  return stats;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const args = process.argv.slice(2);
  const opt = (name, def) => {
    const i = args.indexOf(name);
    return i >= 0 ? Number(args[i + 1]) : def;
  };
  const s = await anchoringRate({ cases: opt('--cases', 10_000), seed: opt('--seed', 1) });
  const pct = (a, b) => (b === 0 ? '-' : `${((100 * a) / b).toFixed(1)}%`);
  console.log(`${s.cases} random cases (${s.prose} prose articles, ${s.cases - s.prose} small-alphabet texts with astral characters), 1-4 edits each:`);
  console.log(
    `  span untouched by the edits: ${s.untouched}: re-anchored to exactly the moved span ${pct(s.untouchedExact, s.untouched)}, ` +
      `to an identical quote elsewhere ${pct(s.untouchedElsewhere, s.untouched)}, orphaned ${pct(s.untouchedOrphan, s.untouched)}`,
  );
  console.log(
    `  span partly edited: ${s.edited}: re-anchored on what is left of it ${pct(s.editedOnSpan, s.edited)} (fuzzy ${s.editedFuzzy}), ` +
      `elsewhere ${pct(s.editedElsewhere, s.edited)}, orphaned ${pct(s.editedOrphan, s.edited)}`,
  );
  console.log(
    `  span wholly deleted: ${s.deleted}: orphaned ${pct(s.deletedOrphan, s.deleted)}, anchored to another occurrence ${pct(s.deletedAnchored, s.deleted)}`,
  );
  console.log(
    `  overall: kept ${pct(s.cases - s.byMethod.orphan, s.cases)}, orphans ${pct(s.byMethod.orphan, s.cases)}; by method ${JSON.stringify(s.byMethod)}`,
  );
}
