// Generates a benchmark corpus of news text made from the paragraphs of the articles under samples/,
// reshuffled deterministically: at least --words words (default 1,000,000), or exactly --docs
// articles (10,000 make about 6 million words). The folder gets a .gitignore: it is never committed.
//   node scripts/makeCorpus.mjs [--words N | --docs N] [--out DIR]
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { seededRandom } from './random.mjs';

const args = process.argv.slice(2);
const opt = (name, def) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : def;
};
const docsWanted = Number(opt('--docs', 0));
const target = docsWanted ? Infinity : Number(opt('--words', 1_000_000));
const out = opt('--out', 'bench/corpus');
const source = opt('--from', 'samples');

function walk(dir) {
  return readdirSync(dir).flatMap(name => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return walk(p);
    return /\.(txt|md)$/.test(name) ? [p] : [];
  });
}

const files = walk(source).sort();
const paragraphs = [];
for (const f of files) {
  const text = readFileSync(f, 'utf8')
    .replace(/^\uFEFF/, '')
    .replace(/^---\r?\n[\s\S]*?\r?\n---\r?\n/, '');
  for (const p of text.split(/\r?\n\s*\r?\n/)) if (p.trim().split(/\s+/).length >= 5) paragraphs.push(p.trim());
}
if (!paragraphs.length) {
  console.error(`makeCorpus: no paragraphs found under ${source}/`);
  process.exit(1);
}

// the corpus is the same on every machine
const random = seededRandom(0x5eed);

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
writeFileSync(join(out, '.gitignore'), '*\n');
let words = 0;
let docs = 0;
while (docsWanted ? docs < docsWanted : words < target) {
  const parts = [];
  let docWords = 0;
  const size = 250 + Math.floor(random() * 600);
  while (docWords < size) {
    const p = paragraphs[Math.floor(random() * paragraphs.length)];
    parts.push(p);
    docWords += p.split(/\s+/).length;
  }
  docs++;
  writeFileSync(join(out, `doc-${String(docs).padStart(5, '0')}.txt`), parts.join('\n\n') + '\n');
  words += docWords;
}
console.log(`makeCorpus: ${docs} documents, ${words} words from ${files.length} files (${paragraphs.length} paragraphs) in ${out}/`);
