import { strict as assert } from 'node:assert';
import { analyze, discrepancySteps, StatementIndex, timelineSteps } from '../../src/core';
import { STEP_UNITS } from '../../src/core/steps';
import { quoteSteps } from '../../src/vscode/compare/quoteGroups';
import { readArticles } from './helpers/samples';

// A scan, the timeline and the quotations take a class's statements in steps: in the generated
// 100,000 articles one sentence is reported by tens of thousands of articles, and a step that took
// them all at once held the extension host (without the statement worker) for tens of milliseconds.
const docs = readArticles().filter(d => d.path.includes('rail-summit'));
const analysis = analyze(docs);
const texts = new Map(docs.map(d => [d.path, d.text]));
const index = new StatementIndex();
const copies = 2 * STEP_UNITS + 7;
for (const d of analysis.documents) {
  const text = texts.get(d.path)!;
  index.setDocument({ path: d.path, text, dct: d.dct, mentions: d.mentions });
  // one article reported again and again: each of its statements a class of more than STEP_UNITS
  if (d.path.includes('nordic-wire')) {
    for (let i = 0; i < copies; i++) {
      texts.set(`${d.path}.${i}`, text);
      index.setDocument({ path: `${d.path}.${i}`, text, dct: d.dct, mentions: d.mentions });
    }
  }
}
const textOf = (path: string) => texts.get(path);

/** The most statements of a class handed out between two pauses of `steps` (counted where the index hands them out). */
function mostMembersPerStep(run: (index: StatementIndex) => Iterator<unknown, unknown>): { most: number; answer: unknown } {
  let since = 0;
  let most = 0;
  const counting = Object.create(index) as StatementIndex;
  counting.membersOf = (c, from, to) => {
    const members = index.membersOf(c, from, to);
    since += members.length;
    most = Math.max(most, since);
    return members;
  };
  const steps = run(counting);
  for (let r = steps.next(); ; r = steps.next()) {
    since = 0;
    if (r.done) return { most, answer: r.value };
  }
}

describe('statements: a class of thousands of statements in steps', () => {
  it('a scan, the timeline and the quotations take at most STEP_UNITS of its statements between two pauses', () => {
    const scan = mostMembersPerStep(i => discrepancySteps(i, { textOf }));
    const found = scan.answer as { statements: unknown[] }[];
    assert.ok(
      found.some(d => d.statements.length > copies),
      'a discrepancy holds the copies',
    );
    const line = mostMembersPerStep(i => timelineSteps(i, textOf, found as never));
    const quotes = mostMembersPerStep(i => quoteSteps(i, textOf));
    assert.ok((line.answer as unknown[]).length > 0 && (quotes.answer as unknown[]).length > 0);
    for (const { most } of [scan, line, quotes]) assert.ok(most <= STEP_UNITS && most > 0, `${most} statements in one step`);
  });
});
