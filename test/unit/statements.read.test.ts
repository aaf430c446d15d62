import { strict as assert } from 'node:assert';
import { analyze, readStatements, splitSentences, type Statement } from '../../src/core';

/** The statements of one article analyzed alone, with the text of each. */
function statementsOf(text: string, dct = '2026-03-03'): { text: string; s: Statement }[] {
  const [doc] = analyze([{ path: 'a.txt', text, dct }]).documents;
  return readStatements({ path: 'a.txt', text, dct: doc.dct, mentions: doc.mentions }).map(s => ({ text: text.slice(s.start, s.end), s }));
}

function quantityOf(sentence: string) {
  const [first] = statementsOf(sentence);
  assert.ok(first, `no statement in ${sentence}`);
  return first.s.quantities.map(q => ({ text: q.text, low: q.low, high: q.high, exact: q.exact, unit: q.unit }));
}

describe('statements: sentences', () => {
  it('keeps headlines, drops metadata lines and datelines, splits sentences but not abbreviations or initials', () => {
    const text = [
      'THE TALLINN OBSERVER',
      'Ministers back Gulf tunnel as protesters rally',
      'Published: 4 March 2026',
      'By Liis Tamm',
      '',
      'TALLINN (Nordic Wire) - Mr. Lee met J. Smith in the U.S. on Jan. 5. He left on Tuesday.',
      '',
    ].join('\n');
    const spans = splitSentences(text);
    assert.deepEqual(
      spans.map(s => [s.kind, text.slice(s.start, s.end)]),
      [
        ['headline', 'Ministers back Gulf tunnel as protesters rally'],
        ['body', 'Mr. Lee met J. Smith in the U.S. on Jan. 5.'],
        ['body', 'He left on Tuesday.'],
      ],
    );
  });

  it('drops the address and the "Last updated" line an article starts with, spaced out or not', () => {
    const text = [
      'http : / / www . nwemail . co . uk / news / trial - date - set - 1 . 1062072',
      'TRIAL DATE SET FOR MILLOM DOUBLE MURDER ACCUSED',
      'Last updated at 11 : 24 , Tuesday , 18 June 2013',
      'A trial date has been set in the case of a son accused of killing his mother .',
    ].join('\n');
    assert.deepEqual(
      splitSentences(text).map(s => [s.kind, text.slice(s.start, s.end)]),
      [
        ['headline', 'TRIAL DATE SET FOR MILLOM DOUBLE MURDER ACCUSED'],
        ['body', 'A trial date has been set in the case of a son accused of killing his mother .'],
      ],
    );
    assert.deepEqual(
      splitSentences('https://example.org/a\nMinisters back the tunnel.').map(s => s.kind),
      ['body'],
    );
  });

  it('keeps a multi-sentence quotation with its attribution in one statement', () => {
    const text = '“Families are living upstairs. Many were flooded in 2024 as well,” she said. The water fell.';
    assert.deepEqual(
      splitSentences(text).map(s => text.slice(s.start, s.end)),
      ['“Families are living upstairs. Many were flooded in 2024 as well,” she said.', 'The water fell.'],
    );
  });

  it('splits list items, table rows and Markdown headings, skips front matter, with UTF-16 offsets after astral characters and CRLF', () => {
    const text =
      '---\r\ntitle: "A letter"\r\ndate: 2026-01-09\r\n---\r\n\r\n# The 𝕏 letter\r\n\r\n- **14** memorandums signed. Two left.\r\n\r\n| Date | Event |\r\n| --- | --- |\r\n| Jan. 12 | Grants open |\r\n\r\n🐉 In China, reaction was calmer.\r\n';
    const got = splitSentences(text).map(s => [s.kind, text.slice(s.start, s.end)]);
    assert.deepEqual(got, [
      ['headline', 'The 𝕏 letter'],
      ['list', '**14** memorandums signed.'],
      ['list', 'Two left.'],
      ['list', '| Date | Event |'],
      ['list', '| Jan. 12 | Grants open |'],
      ['body', 'In China, reaction was calmer.'],
    ]);
  });
});

describe('statements: numbers and quantities', () => {
  it('reads figures, number words, qualifiers, scales, units and counted nouns', () => {
    assert.deepEqual(quantityOf('About 40 protesters gathered.'), [{ text: 'About 40 protesters', low: 32, high: 48, exact: true, unit: 'protester' }]);
    assert.deepEqual(quantityOf('Over 150 delegates came.'), [{ text: 'Over 150 delegates', low: 150, high: Infinity, exact: true, unit: 'delegat' }]);
    assert.deepEqual(
      quantityOf('They counted more than 150 delegates.').map(q => [q.low, q.high]),
      [[150, Infinity]],
    );
    assert.deepEqual(quantityOf('Dozens of protesters came.'), [{ text: 'Dozens of protesters', low: 24, high: 120, exact: false, unit: 'protester' }]);
    assert.deepEqual(
      quantityOf('Several of the deals failed.').map(q => [q.unit, q.exact]),
      [['deal', false]],
    );
    assert.deepEqual(
      quantityOf('It runs approximately 600 kilometres.').map(q => [q.unit, q.low, q.high]),
      [['km', 550 * 0.8, 650 * 1.2]],
    );
    assert.deepEqual(
      quantityOf('Then 12 foreign firms applied.').map(q => [q.text, q.unit, q.low]),
      [['12 foreign firms', 'firm', 12]],
    );
    assert.deepEqual(
      quantityOf('Twelve foreign companies applied.').map(q => [q.unit, q.low]),
      [['firm', 12]],
    );
    assert.deepEqual(
      quantityOf('He sent two logistics specialists.').map(q => [q.text, q.unit]),
      [['two logistics specialists', 'specialist']],
    );
    assert.deepEqual(
      quantityOf('They signed deals worth $4.2 billion.').map(q => [q.unit, q.low]),
      [['USD', 4.2e9]],
    );
    assert.deepEqual(
      quantityOf('The bill is €15bn now.').map(q => [q.unit, q.low, q.high]),
      [['EUR', 15e9, 15e9]],
    );
    assert.deepEqual(
      quantityOf('It asks for 3.5 million Swiss francs.').map(q => [q.unit, q.low]),
      [['CHF', 3.5e6]],
    );
    assert.deepEqual(
      quantityOf('Support fell to 40% in May.').map(q => q.unit),
      ['%'],
    );
    assert.deepEqual(
      quantityOf('It was a four-day visit.').map(q => [q.unit, q.low]),
      [['day', 4]],
    );
    assert.deepEqual(
      quantityOf('One hundred and fifty people came.').map(q => q.low),
      [150],
    );
    assert.deepEqual(
      quantityOf('Tens of thousands of people marched.').map(q => [q.low, q.exact]),
      [[15000, false]],
    );
  });

  it('reads a round figure as rounded, within 10%', () => {
    assert.deepEqual(
      quantityOf('About 1,200 people left.').map(q => [q.low, q.high]),
      [[1150 * 0.8, 1250 * 1.2]],
    );
    assert.deepEqual(
      quantityOf('Then 300 people left.').map(q => [q.low, q.high]),
      [[270, 330]],
    );
    assert.deepEqual(
      quantityOf('Then 340 people left.').map(q => [q.low, q.high]),
      [[340, 340]],
    );
    assert.deepEqual(
      quantityOf('It cost 80 million euros.').map(q => [q.low, q.high]),
      [[80e6, 80e6]],
    );
  });

  it('leaves out dates, ages, times of day, scores and numbers that are part of names', () => {
    assert.deepEqual(quantityOf('It flooded in June 2024 and on 20 January.'), []);
    assert.deepEqual(quantityOf('Helga Simon, 67, said so.'), []);
    assert.deepEqual(quantityOf('A two-year-old was found.'), []);
    assert.deepEqual(quantityOf('They met at 10:30 and again at 7 pm.'), []);
    assert.deepEqual(quantityOf('They won 3-1 on the day.'), []);
    assert.deepEqual(quantityOf('The road was Route 66 then.'), []);
    assert.deepEqual(quantityOf('No one came, not for the last one.'), []);
  });
});

describe('statements: quotations and speakers', () => {
  const speakers = (text: string) => statementsOf(text).flatMap(x => x.s.quotations.map(q => [q.text, q.speaker?.text ?? null, q.speaker?.entity ?? null]));

  it('attributes "…," X said, "…," said X, X: "…", and X said the deal was "…"', () => {
    const text = [
      '"We will not be ignored," said Tom Baker of the Gulf Alliance.',
      '"The orders are back," Choi Dong-hoon said.',
      'Mayor Katrin Albers: "We will rebuild."',
      'Isabel Ortiz said the project was "a firm and lasting partnership".',
    ].join('\n\n');
    const got = speakers(text);
    assert.deepEqual(
      got.map(([quote, speaker]) => [quote, speaker]),
      [
        ['We will not be ignored', 'Tom Baker'],
        ['The orders are back', 'Choi Dong-hoon'],
        ['We will rebuild.', 'Katrin Albers'],
        ['a firm and lasting partnership', 'Isabel Ortiz'],
      ],
    );
    assert.ok(
      got.every(([, , entity]) => typeof entity === 'string'),
      JSON.stringify(got),
    );
  });

  it('resolves a pronoun to the named speaker of the sentence before, and "the minister" to a minister named earlier', () => {
    const text = [
      'Finnish Transport Minister Juhani Lehto spoke in Tallinn. Isabel Ortiz said the money was there. "It is a firm partnership," she said.',
      'The tunnel "will be built in this decade", according to the minister.',
    ].join('\n\n');
    const got = speakers(text);
    const [, , ortiz] = got[0];
    const [, , lehto] = got[1];
    assert.equal(got[0][1], 'she');
    assert.match(String(ortiz), /ortiz/);
    assert.equal(got[1][1], 'the minister');
    assert.match(String(lehto), /lehto/);
  });

  it('leaves a pronoun unattributed when the sentence before names no speaker and several persons', () => {
    const text = 'Isabel Ortiz met Juhani Lehto and Marta Ilves in Tallinn. "It was productive," she said.';
    assert.deepEqual(speakers(text), [['It was productive', null, null]]);
  });
});
