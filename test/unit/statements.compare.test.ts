import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import {
  analyze,
  datesAgree,
  findDiscrepancies,
  quantitiesAgree,
  quoteWords,
  relateQuotes,
  StatementIndex,
  statementDifferences,
  timeline,
  type Quantity,
  type StatementDate,
} from '../../src/core';
import { articlePaths } from './helpers/samples';

// The fixtures are the demo's own articles: samples/rail-summit/ reports one summit in four invented
// outlets, which disagree on dates, counts and quotation wording, and agree in other words elsewhere.
function indexOf(paths: string[]) {
  const docs = paths.map(path => ({ path, text: readFileSync(path, 'utf8') }));
  const texts = new Map(docs.map(d => [d.path, d.text]));
  const analysis = analyze(docs);
  const index = new StatementIndex();
  analysis.documents.forEach((d, i) => index.setDocument({ path: d.path, text: docs[i].text, dct: d.dct, mentions: d.mentions }));
  const names = new Map(analysis.entities.map(e => [e.id, e.name]));
  return { index, texts, textOf: (p: string) => texts.get(p), nameOf: (e: string) => names.get(e) };
}

const date = (text: string, value: string): StatementDate => ({ start: 0, end: text.length, text, value, relation: 'at', context: [] });
const quantity = (low: number, high: number): Quantity => ({
  start: 0,
  end: 0,
  text: '',
  low,
  high,
  exact: true,
  qualifier: '',
  unit: 'x',
  head: '',
  context: [],
});

describe('statements: agreement', () => {
  it('dates agree once normalized, and a week or a day, a month, meet', () => {
    assert.ok(datesAgree(date('Thursday', '2026-02-26'), date('Feb. 26', '2026-02-26')));
    assert.ok(datesAgree(date('this week', '2026-W10'), date('March 3', '2026-03-03')));
    assert.ok(datesAgree(date('March', '2026-03'), date('March 3', '2026-03-03')));
    assert.ok(!datesAgree(date('Tuesday', '2026-03-03'), date('Wednesday, 4 March', '2026-03-04')));
  });

  it('a bare weekday a week away from a date on the same weekday is not called a disagreement (tense may be misread)', () => {
    assert.ok(datesAgree(date('Wednesday', '2025-12-31'), date('Jan. 7', '2026-01-07')));
    assert.ok(!datesAgree(date('Dec. 31', '2025-12-31'), date('Jan. 7', '2026-01-07')));
  });

  it('quantities agree when their ranges meet', () => {
    assert.ok(quantitiesAgree(quantity(150, Infinity), quantity(150, Infinity))); // over 150 / more than 150
    assert.ok(quantitiesAgree(quantity(32, 48), quantity(40, 40))); // about 40 / 40
    assert.ok(quantitiesAgree(quantity(24, 120), quantity(32, 48))); // dozens / about 40
    assert.ok(!quantitiesAgree(quantity(24, 120), quantity(270, 330))); // dozens / 300
    assert.ok(!quantitiesAgree(quantity(15e9, 15e9), quantity(20e9, 20e9)));
  });

  it('quotations: spelling, punctuation, fragments and changed words told apart', () => {
    const rel = (a: string, b: string) => relateQuotes(quoteWords(a), quoteWords(b));
    assert.equal(rel('We must modernize our railways', 'We must modernise our railways'), 'spelling');
    assert.equal(rel('We were not consulted, and we will not be ignored', 'We were not consulted and we will not be ignored'), 'punctuation');
    assert.equal(rel('a firm and lasting partnership', 'a firm, lasting partnership'), 'words');
    assert.equal(rel('within this decade', 'This tunnel will be built within this decade'), 'fragment');
    assert.equal(rel('We will rebuild … with the next flood in mind', 'We will rebuild the town with the next flood in mind'), 'fragment');
    assert.equal(rel('The orders are back', 'Follow the minerals'), 'unrelated');
    // text tokenized with spaces around apostrophes (as some corpora are) is the same words
    assert.equal(rel('I ’ m not positive all three of the people were targeted', "I'm not positive all three of the people were targeted"), 'same');
    assert.equal(rel('It ’ s just the nature of the beast', 'It’s just the nature of the beast'), 'same');
  });
});

describe('statements: alignment and discrepancies on the samples', () => {
  const summit = articlePaths('samples/rail-summit');
  const { index, textOf, nameOf } = indexOf(summit);
  const discrepancies = findDiscrepancies(index, { textOf, nameOf });
  const values = (kind: string) => discrepancies.filter(d => d.kind === kind).map(d => [...new Set(d.statements.map(s => s.value))].sort());

  it('finds each kind of disagreement', () => {
    assert.deepEqual(values('date'), [
      ['2026-03-03', '2026-03-04'],
      ['2026-03-04', '2026-03-05'],
    ]);
    assert.deepEqual(values('number'), [
      ['15 billion euros', '20 billion euros'],
      ['About 40 protesters', 'Dozens of protesters', 'some 300 protesters'],
    ]);
    assert.deepEqual(
      values('quote').map(v => v.length),
      [3, 3],
    );
    assert.ok(values('quote')[0].includes('a firm, lasting partnership between our two shores'));
    assert.ok(values('quote')[1].includes('will be built in this decade, but only if the money is there'));
    for (const d of discrepancies) {
      assert.ok(d.subject.length > 0);
      assert.ok(new Set(d.statements.map(s => s.path)).size >= 2, 'across articles');
      for (const s of d.statements) {
        assert.equal(textOf(s.path)!.slice(s.start, s.end), s.text);
        assert.ok(s.valueStart >= s.start && s.valueEnd <= s.end);
      }
    }
  });

  it('does not report statements that agree in other words', () => {
    const all = discrepancies.flatMap(d => d.statements.map(s => s.value));
    // "on Thursday" (an article of Friday 27 February) and "on Feb. 26"; "Over 150" and "more than 150";
    // "approximately 100 kilometres" and "103-kilometre"; "12 foreign firms" and "Twelve foreign companies"
    for (const agreeing of [
      '2026-02-26',
      'Over 150 delegates',
      'more than 150 delegates',
      'approximately 100 kilometres',
      '103-kilometre',
      '12 foreign firms',
    ]) {
      assert.ok(!all.includes(agreeing), `${agreeing} is reported`);
    }
    // spelling-only and punctuation-only variants of a quotation are no discrepancy
    assert.ok(!all.some(v => /modernis|modernize|consulted/.test(v)));
  });

  it('compares the sentence at hand with its reports elsewhere, marking spelling variants as such', () => {
    const wire = summit.find(p => p.includes('nordic-wire'))!;
    const at = (needle: string) => index.statementsAt(wire, textOf(wire)!.indexOf(needle))[0];
    const ilves = at('We must modernize');
    const matches = index.align(wire, ilves);
    const observer = matches.find(m => m.path.includes('tallinn-observer'))!;
    const diffs = statementDifferences(index.statement(wire, ilves)!, observer.statement, observer.score);
    assert.deepEqual(
      diffs.map(d => [d.kind, d.detail]),
      [['wording', 'spelling']],
    );
    const words = diffs[0].hereWords!.map(([s, e]) => textOf(wire)!.slice(s, e));
    assert.deepEqual(words, ['modernize']);

    const opened = at('opened a two-day summit');
    const posts = index.align(wire, opened).filter(m => m.path.includes('helsinki'));
    const dateDiffs = posts.flatMap(p => statementDifferences(index.statement(wire, opened)!, p.statement, p.score)).filter(d => d.kind === 'date');
    assert.deepEqual(
      dateDiffs.map(d => [d.here, d.there]),
      [['March 3 (2026-03-03)', 'Wednesday, 4 March (2026-03-04)']],
    );
  });

  it('reports nothing false on the other samples (Korea-China summit, Danube flood)', () => {
    const others = articlePaths('samples').filter(p => !p.includes('rail-summit'));
    const o = indexOf(others);
    assert.deepEqual(
      findDiscrepancies(o.index, { textOf: o.textOf }).map(d => `${d.kind}: ${d.subject}`),
      [],
    );
  });

  it('puts dated statements on a timeline by day, marking those that disagree', () => {
    const days = timeline(index, textOf, discrepancies);
    assert.deepEqual(
      days.map(d => d.date),
      [...days.map(d => d.date)].sort(),
    );
    const march3 = days.find(d => d.date === '2026-03-03')!;
    assert.ok(march3.statements.length >= 4);
    assert.ok(march3.statements.some(s => s.discrepancy !== undefined));
    const feb26 = days.find(d => d.date === '2026-02-26')!;
    assert.deepEqual(feb26.statements.map(s => s.value).sort(), ['Feb. 26', 'Feb. 26', 'Thursday']);
    assert.ok(feb26.statements.every(s => s.discrepancy === undefined));
  });

  it('gives the same answers after documents are set again, deleted and added back', () => {
    const again = indexOf(summit);
    const first = summit[0];
    const text = readFileSync(first, 'utf8');
    const before = JSON.stringify(findDiscrepancies(again.index, { textOf: again.textOf, nameOf }));
    const analysis = analyze(summit.map(path => ({ path, text: readFileSync(path, 'utf8') })));
    const doc = analysis.documents.find(d => d.path === first)!;
    again.index.deleteDocument(first);
    assert.equal(again.index.hasDocument(first), false);
    again.index.setDocument({ path: first, text: text + '\nA new line.', dct: doc.dct, mentions: doc.mentions });
    again.index.setDocument({ path: first, text, dct: doc.dct, mentions: doc.mentions });
    assert.equal(JSON.stringify(findDiscrepancies(again.index, { textOf: again.textOf, nameOf })), before);
  });
});
