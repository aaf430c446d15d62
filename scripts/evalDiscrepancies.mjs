// The discrepancy detector on real multi-outlet coverage: ECB+ (data/eval/ecb-dev, 772 articles of
// 35 topics) run through `marginalia compare`. ECB+ marks no disagreements, so what is counted here
// is noise that needs no judgment: a discrepancy whose statements come from two different events
// (in ECB+ file names `T_Necb` and `T_Necbplus` are two events of one kind in topic T, and topics
// differ) is false by construction. `--list` prints every discrepancy for a reviewer to judge.
//   npm run build && node scripts/evalDiscrepancies.mjs [--list] [FOLDER]
import { execFileSync } from 'node:child_process';
import { basename } from 'node:path';

const args = process.argv.slice(2);
const list = args.includes('--list');
const folder = args.find(a => !a.startsWith('--')) ?? 'data/eval/ecb-dev/docs';
const out = execFileSync(process.execPath, ['dist/cli.js', 'compare', folder], { encoding: 'utf8', maxBuffer: 1 << 28 });
const { discrepancies } = JSON.parse(out);

/** The event of an ECB+ article ("12_4ecbplus.txt": topic 12, the ECB+ event), or its name elsewhere. */
const eventOf = path => {
  const m = /^(\d+)_\d+(ecbplus|ecb)\b/.exec(basename(path));
  return m ? `${m[1]}${m[2]}` : basename(path);
};

const byKind = { date: [0, 0], number: [0, 0], quote: [0, 0] };
for (const [i, d] of discrepancies.entries()) {
  const events = new Set(d.statements.map(s => eventOf(s.path)));
  const across = events.size > 1;
  byKind[d.kind][0]++;
  if (across) byKind[d.kind][1]++;
  if (list) {
    console.log(`#${i} ${d.kind}${across ? ' (two events: false)' : ''}: ${d.subject}`);
    for (const s of d.statements) console.log(`    ${basename(s.path)} [${String(s.value).replace(/\s+/g, ' ')}] ${s.text.replace(/\s+/g, ' ').slice(0, 160)}`);
  }
}
const total = discrepancies.length;
const across = Object.values(byKind).reduce((n, [, a]) => n + a, 0);
console.log(
  `discrepancies on ${folder}: ${total} (${Object.entries(byKind)
    .map(([k, [n, a]]) => `${n} ${k}, ${a} of them across two events`)
    .join('; ')})`,
);
console.log(`across two events (false by construction): ${across} of ${total}; within one event: ${total - across} (judge them with --list)`);
