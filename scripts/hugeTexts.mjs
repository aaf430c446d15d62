// Very long texts for the benches (benchHuge.mjs, benchHost.mjs): news text (the samples repeated)
// and noise (random words, capitalized or not, numbers, punctuation and junk characters).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { seededRandom } from './random.mjs';

/** The articles under samples/, one after another, until `bytes`. */
export function news(bytes) {
  const walk = d =>
    readdirSync(d)
      .sort()
      .flatMap(n => (statSync(join(d, n)).isDirectory() ? walk(join(d, n)) : /\.(txt|md)$/.test(n) ? [join(d, n)] : []));
  const texts = walk('samples')
    .map(f => readFileSync(f, 'utf8'))
    .filter(Boolean);
  const parts = [];
  for (let i = 0, n = 0; n < bytes; i++) {
    const t = `${texts[i % texts.length]}\n\n`;
    parts.push(t);
    n += Buffer.byteLength(t);
  }
  return parts.join('');
}

/** Lines of random words (a third capitalized), numbers, punctuation and junk from Latin-1 to IPA, until `bytes`. */
export function noise(bytes) {
  const random = seededRandom(42); // the same noise on every run
  const int = n => Math.floor(random() * n);
  const word = () => Array.from({ length: 1 + int(10) }, () => String.fromCharCode(97 + int(26))).join('');
  const junk = () => Array.from({ length: 1 + int(8) }, () => String.fromCharCode(0x21 + int(0x2f0))).join('');
  const punct = '.,;:!?-\'"()[]—–…';
  const parts = [];
  for (let n = 0; n < bytes;) {
    let line = '';
    for (let i = int(60); i > 0; i--) {
      const r = random();
      const w = word();
      line += r < 0.35 ? w[0].toUpperCase() + w.slice(1) : r < 0.75 ? w : r < 0.85 ? junk() : r < 0.95 ? punct[int(punct.length)] : String(int(3000));
      if (random() >= 0.1) line += ' ';
    }
    line += '\n';
    parts.push(line);
    n += Buffer.byteLength(line);
  }
  return parts.join('');
}
