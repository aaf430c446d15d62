// Times loading and saving a sidecar with many annotations, and re-anchoring them all.
//   node scripts/benchSidecar.mjs [--annotations N] [--runs N]
// or from another script: `const { benchSidecar } = await import('./benchSidecar.mjs'); await benchSidecar()`.
// Bundles src/core/annotations with esbuild's JS API in memory (nothing is written to disk).
import { pathToFileURL } from 'node:url';

let corePromise;
/** The annotations core, bundled on the fly. */
export function loadAnnotationsCore() {
  corePromise ??= (async () => {
    const esbuild = await import('esbuild');
    const root = new URL('..', import.meta.url);
    const result = await esbuild.build({
      entryPoints: [new URL('src/core/annotations/index.ts', root).pathname],
      bundle: true,
      platform: 'neutral',
      format: 'esm',
      target: 'node20',
      write: false,
      logLevel: 'warning',
      mainFields: ['module', 'main'],
    });
    const code = result.outputFiles[0].text;
    return import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);
  })();
  return corePromise;
}

const WORDS = [
  'the',
  'minister',
  'said',
  'on',
  'Tuesday',
  'that',
  'talks',
  'with',
  'Beijing',
  'would',
  'resume',
  'in',
  'Seoul',
  'next',
  'week',
  'President',
  'Lee',
  'Jae',
  'Myung',
  'officials',
  'confirmed',
  'a',
  'visit',
  'state',
  'of',
  'and',
  '😀',
];

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/**
 * Builds an article and a sidecar of `annotations` annotations over it, then measures (median of
 * `runs`, after one cold run reported apart): parseSidecar, serializeSidecar with no change, with
 * one annotation changed, and reanchor of every annotation after text was inserted at the top.
 * Returns the numbers (milliseconds) and prints nothing.
 */
export async function benchSidecar({ annotations = 1000, runs = 7 } = {}) {
  const core = await loadAnnotationsCore();
  let seed = 42;
  const rand = n => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return (seed >>> 8) % n;
  };
  // An article of about 150 words per annotation, with a span to annotate every ~800 code units.
  const parts = [];
  const spans = [];
  let length = 0;
  for (let i = 0; i < annotations; i++) {
    for (let w = 0; w < 120; w++) {
      const word = WORDS[rand(WORDS.length)] + (rand(12) === 0 ? '.\n' : ' ');
      parts.push(word);
      length += word.length;
    }
    const name = `Person ${i} Example`;
    spans.push([length, length + name.length]);
    parts.push(name + ' ');
    length += name.length + 1;
  }
  const article = parts.join('');
  const time = '2026-01-05T10:00:00.000Z';
  const list = spans.map(([s, e], i) => ({
    id: `a${i.toString(36).padStart(7, '0')}`,
    target: core.targetFor(article, s, e),
    label: i % 4 ? 'person' : 'claim',
    status: 'suggested',
    thread: i % 10 ? [] : [{ author: 'bob', time, body: 'Is this the same person?' }],
    ...(i % 5 ? {} : { note: `Checked against the wire copy (${i}).\nSecond line.` }),
    author: 'ann',
    created: time,
    modified: time,
  }));
  const text = core.serializeSidecar(undefined, list, { dct: '2026-01-05' });
  const edited = "EDITOR'S NOTE: this article was updated.\n\n" + article;

  const measure = f => {
    const t = performance.now();
    const r = f();
    return [performance.now() - t, r];
  };
  const rounds = [];
  for (let r = 0; r <= runs; r++) {
    const [load, parsed] = measure(() => core.parseSidecar(text));
    const [quickLoad, quick] = measure(() => core.loadSidecar(text));
    if (quick.annotations.length !== annotations) throw new Error('benchSidecar: the fast reader did not load');
    if (parsed.annotations.length !== annotations || !parsed.writable) throw new Error('benchSidecar: sidecar did not load');
    const [save] = measure(() => core.serializeSidecar(text, parsed.annotations, { dct: parsed.dct }));
    const changed = parsed.annotations.map((a, i) => (i === annotations >> 1 ? { ...a, status: 'confirmed', modified: '2026-01-06T00:00:00.000Z' } : a));
    const [saveEdit, out] = measure(() => core.serializeSidecar(text, changed, { dct: parsed.dct }));
    if (out === text) throw new Error('benchSidecar: the edit was not saved');
    const [anchor, found] = measure(() => parsed.annotations.map(a => core.reanchor(edited, a.target)));
    if (found.some(f => f.orphan)) throw new Error('benchSidecar: an annotation was orphaned');
    rounds.push({ load, quickLoad, save, saveEdit, anchor });
  }
  const [cold, ...warm] = rounds;
  const pick = key => median(warm.map(r => r[key]));
  return {
    annotations,
    sidecarBytes: Buffer.byteLength(text),
    articleChars: article.length,
    runs,
    loadMs: pick('load'),
    quickLoadMs: pick('quickLoad'),
    saveUnchangedMs: pick('save'),
    saveOneEditMs: pick('saveEdit'),
    reanchorAllMs: pick('anchor'),
    loadPlusSaveMs: pick('load') + pick('saveEdit'),
    cold: { loadMs: cold.load, saveOneEditMs: cold.saveEdit, reanchorAllMs: cold.anchor },
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const args = process.argv.slice(2);
  const opt = (name, def) => {
    const i = args.indexOf(name);
    return i >= 0 ? Number(args[i + 1]) : def;
  };
  const r = await benchSidecar({ annotations: opt('--annotations', 1000), runs: opt('--runs', 7) });
  const f = ms => `${ms.toFixed(1)} ms`;
  console.log(
    `sidecar with ${r.annotations} annotations (${(r.sidecarBytes / 1024).toFixed(0)} KB YAML, article ${(r.articleChars / 1024).toFixed(0)} K chars), median of ${r.runs} warm runs:`,
  );
  console.log(
    `  load (parseSidecar) ${f(r.loadMs)}, read-only load (loadSidecar, js-yaml) ${f(r.quickLoadMs)}; save unchanged ${f(r.saveUnchangedMs)}; save with one annotation changed ${f(r.saveOneEditMs)}; load + save ${f(r.loadPlusSaveMs)}`,
  );
  console.log(`  re-anchor all after an insertion at the top: ${f(r.reanchorAllMs)}`);
  console.log(`  first (cold) run: load ${f(r.cold.loadMs)}, save ${f(r.cold.saveOneEditMs)}, re-anchor all ${f(r.cold.reanchorAllMs)}`);
}
