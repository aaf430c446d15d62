import { strict as assert } from 'node:assert';
import { analyze } from '../../src/core/analyze';
import { recognizeDates } from '../../src/core/dates/recognizeDates';

// 2026-01-05 is a Monday: a past Tuesday is 2025-12-30, a coming one 2026-01-06.
const MONDAY = '2026-01-05';
// 2026-01-07 is a Wednesday: a past Monday is 2026-01-05, a coming one 2026-01-12.
const WEDNESDAY = '2026-01-07';

/** [text, value] of every date of `text`. */
function dates(text: string, dct = MONDAY): [string, string | null | undefined][] {
  return recognizeDates(text, dct).map(m => [m.text, m.value]);
}

describe('recognizeDates: the tense of scheduled events', () => {
  it('reads a future cue anywhere in the clause that governs the date, past participles after it notwithstanding', () => {
    assert.deepEqual(dates('The two leaders are expected to meet on Thursday.'), [['Thursday', '2026-01-08']]);
    assert.deepEqual(dates('He will then travel to the newly opened port on Wednesday.'), [['Wednesday', '2026-01-07']]);
    assert.deepEqual(dates('The minister is expected to visit displaced families on Friday.'), [['Friday', '2026-01-09']]);
    assert.deepEqual(
      dates('Lee will meet business leaders in Beijing, where he visited a factory owned by Samsung, and will then travel to Shanghai on Wednesday.'),
      [['Wednesday', '2026-01-07']],
    );
    // relative clauses and participle phrases closed before the date are not its clause
    assert.deepEqual(dates('The president is due to sign the agreement, drafted by both ministries, on Friday.'), [['Friday', '2026-01-09']]);
    assert.deepEqual(dates('The delegation is due to arrive in Seoul, accompanied by trade officials, on Friday.'), [['Friday', '2026-01-09']]);
    assert.deepEqual(dates('Ministers are expected to approve the plan, which was drafted in December, on Thursday.'), [
      ['December', '2025-12'],
      ['Thursday', '2026-01-08'],
    ]);
  });

  it('gives a date coordinated with, or "followed by", another the side of the publication date of that one', () => {
    assert.deepEqual(dates('The ceremony is scheduled for Monday, followed by a state dinner on Tuesday.', WEDNESDAY), [
      ['Monday', '2026-01-12'],
      ['Tuesday', '2026-01-13'],
    ]);
    assert.deepEqual(dates('The ceremony is scheduled for Tuesday, followed by a parade on Wednesday and a state dinner on Thursday.'), [
      ['Tuesday', '2026-01-06'],
      ['Wednesday', '2026-01-07'],
      ['Thursday', '2026-01-08'],
    ]);
    // a weekday after another is the first such day after it: "next Monday and Tuesday", "leave Saturday and arrive Monday"
    assert.deepEqual(dates('Next Monday and Tuesday, the parliament debates the bill.'), [
      ['Next Monday', '2026-01-12'],
      ['Tuesday', '2026-01-13'],
    ]);
    assert.deepEqual(dates('The ship will leave early Saturday and arrive Monday.'), [
      ['Saturday', '2026-01-10'],
      ['Monday', '2026-01-12'],
    ]);
    // what comes between with a tense of its own decides instead
    assert.deepEqual(dates('They met on Tuesday and will meet again on Friday.'), [
      ['Tuesday', '2025-12-30'],
      ['Friday', '2026-01-09'],
    ]);
  });

  it('reads a plan told in the past as ahead, unless the sentence says it did not happen', () => {
    assert.deepEqual(dates('No pleas were entered and a bail hearing was scheduled for Wednesday.'), [['Wednesday', '2026-01-07']]);
    assert.deepEqual(dates('Officials said water levels were expected to peak on Sunday.'), [['Sunday', '2026-01-11']]);
    assert.deepEqual(dates('The ceremony was scheduled for Tuesday but was postponed.'), [['Tuesday', '2025-12-30']]);
    assert.deepEqual(dates('He was due to arrive on Thursday but his flight was cancelled.'), [['Thursday', '2026-01-01']]);
    assert.deepEqual(dates('She was set to be released on Friday when she suffered a heart attack.'), [['Friday', '2026-01-02']]);
  });

  it('keeps past tense in the same shapes in the past', () => {
    assert.deepEqual(dates('They met on Tuesday.'), [['Tuesday', '2025-12-30']]);
    assert.deepEqual(dates('The ceremony was held on Tuesday, followed by a state dinner on Wednesday.'), [
      ['Tuesday', '2025-12-30'],
      ['Wednesday', '2025-12-31'],
    ]);
    assert.deepEqual(dates('The leaders met on Tuesday, followed by talks on Wednesday.'), [
      ['Tuesday', '2025-12-30'],
      ['Wednesday', '2025-12-31'],
    ]);
    assert.deepEqual(dates('Officials said on Tuesday that the leaders will meet next month.'), [
      ['Tuesday', '2025-12-30'],
      ['next month', '2026-02'],
    ]);
    assert.deepEqual(dates('The team, which will play again in March, lost on Tuesday.'), [
      ['March', '2026-03'],
      ['Tuesday', '2025-12-30'],
    ]);
    // a past form that governs the date itself, even in a clause about the future
    assert.deepEqual(dates('Police will question the man arrested on Tuesday.'), [['Tuesday', '2025-12-30']]);
    assert.deepEqual(dates('Protesters broke away from a planned vigil for a teenager killed by police on Saturday.'), [['Saturday', '2026-01-03']]);
    // coordinated with a past date, a weekday stays in the past rather than follow it across the publication date
    assert.deepEqual(dates('They met on Monday and Friday.', WEDNESDAY), [
      ['Monday', '2026-01-05'],
      ['Friday', '2026-01-02'],
    ]);
  });
});

describe('analyze: the tense of scheduled events in an article with its publication date in the text', () => {
  it('puts the programme still to come after the publication date, and what was held before it', () => {
    const text =
      'Published: 7 January 2026\n\nThe ceremony is scheduled for Monday, followed by a state dinner on Tuesday. ' +
      'The rehearsal was held on Monday, followed by a reception on Tuesday.\n';
    const [doc] = analyze([{ path: 'visit.txt', text }]).documents;
    assert.equal(doc.dct, WEDNESDAY);
    assert.deepEqual(
      doc.mentions.filter(m => m.kind === 'date' && /day$/.test(m.text)).map(m => [m.text, m.value]),
      [
        ['Monday', '2026-01-12'],
        ['Tuesday', '2026-01-13'],
        ['Monday', '2026-01-05'],
        ['Tuesday', '2026-01-06'],
      ],
    );
  });
});
