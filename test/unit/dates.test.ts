import { strict as assert } from 'node:assert';
import { recognizeDates } from '../../src/core/dates/recognizeDates';
import { PIECE_CHARS } from '../../src/core/limits';
import type { Mention } from '../../src/core/types';

// 2026-01-05 is a Monday (ISO week 2026-W02).
const DCT = '2026-01-05';

/** [text, value] of every date, after checking each mention's offsets against the text. */
function dates(text: string, dct: string | null = DCT): [string, string | null | undefined][] {
  const found = recognizeDates(text, dct);
  for (const m of found) checkMention(text, m);
  return found.map(m => [m.text, m.value]);
}

function checkMention(text: string, m: Mention): void {
  assert.equal(m.kind, 'date');
  assert.equal(text.slice(m.start, m.end), m.text, `offsets of ${m.text}`);
}

function valueOf(text: string, dct: string | null = DCT): string | null | undefined {
  const found = dates(text, dct);
  assert.equal(found.length, 1, `one date in ${JSON.stringify(text)}: ${JSON.stringify(found)}`);
  return found[0][1];
}

describe('recognizeDates: absolute dates', () => {
  it('reads month-day-year, day-month-year and numeric forms', () => {
    assert.deepEqual(dates('On January 4, 2026 and on 5 January, 2026; 2026-01-05; 01/05/2026; 18.09.2013.'), [
      ['January 4, 2026', '2026-01-04'],
      ['5 January, 2026', '2026-01-05'],
      ['2026-01-05', '2026-01-05'],
      ['01/05/2026', '2026-01-05'],
      ['18.09.2013', '2013-09-18'],
    ]);
  });

  it('keeps a leading weekday in the span and reads abbreviations and ordinals', () => {
    assert.deepEqual(dates('Friday, July 21, 2017\nMonday 5 January 2026 and Sept. 3rd, 2025 and the 4th of July'), [
      ['Friday, July 21, 2017', '2017-07-21'],
      ['Monday 5 January 2026', '2026-01-05'],
      ['Sept. 3rd, 2025', '2025-09-03'],
      ['4th of July', '2026-07-04'],
    ]);
  });

  it('gives a year-less date the publication year, or the year before when it would lie far ahead', () => {
    assert.deepEqual(dates('It opened Jan. 4 and closed Jan 5. The fire broke out on December 28.'), [
      ['Jan. 4', '2026-01-04'],
      ['Jan 5', '2026-01-05'],
      ['December 28', '2025-12-28'],
    ]);
    assert.equal(valueOf('The vote will be held on December 28.', '2026-05-20'), '2026-12-28');
    assert.equal(valueOf('The vote is to be held on November 20.', '2026-05-07'), '2026-11-20');
    // with a weekday, the nearby year where the date falls on it
    assert.equal(valueOf('Wednesday, December 31', DCT), '2025-12-31');
  });

  it('shares the year of a range end with its start', () => {
    assert.deepEqual(dates('The show runs from November 20 - March 9 2027.'), [
      ['November 20', '2026-11-20'],
      ['March 9 2027', '2027-03-09'],
    ]);
  });

  it('reads months with a year, and lone months only after a temporal word', () => {
    assert.deepEqual(dates('In July 2017, and in January of 1955, and mid-March.'), [
      ['July 2017', '2017-07'],
      ['January of 1955', '1955-01'],
      ['mid-March', '2025-03'],
    ]);
    assert.deepEqual(dates('May said she may march. April Smith came. A speech by May.'), []);
    assert.equal(valueOf('The law passed in June.'), '2025-06'); // the most recent June
    assert.equal(valueOf('The law will take effect in June.'), '2026-06');
  });

  it('leaves values null without a publication date, but still finds relative dates', () => {
    assert.deepEqual(dates('He left on Jan. 4, on Friday, yesterday, last week and in 2017.', null), [
      ['Jan. 4', null],
      ['Friday', null],
      ['yesterday', null],
      ['last week', null],
      ['2017', '2017'],
    ]);
  });
});

describe('recognizeDates: years and decades', () => {
  it('takes a 4-digit number standing as a year', () => {
    assert.deepEqual(
      dates('in 2017, since 1994, by 2050, Fan Expo Canada 2016, the 2014 protests, from 2004 to 2009, 2000 - 2050, 10% of 2000 levels, in 1492'),
      [
        ['2017', '2017'],
        ['1994', '1994'],
        ['2050', '2050'],
        ['2016', '2016'],
        ['2014', '2014'],
        ['2004', '2004'],
        ['2009', '2009'],
        ['2000', '2000'],
        ['2050', '2050'],
        ['2000', '2000'],
        ['1492', '1492'],
      ],
    );
  });

  it('does not take counts, amounts and codes for years', () => {
    assert.deepEqual(
      dates(
        '2,000 people, 2000 people, a 2000 year old rite, $2015, US$ 2015, 1500 soldiers, room 2014, 2000 years, 1800 GMT, 555-2014, 20.2015, 2015%, 1500 homes',
      ),
      [],
    );
  });

  it('reads modified years, fiscal years and decades', () => {
    assert.deepEqual(dates("late 2025, fiscal 2026, the late 2010s, the 1990s, mid-1980s, the '90s, 2000s"), [
      ['late 2025', '2025'],
      ['fiscal 2026', '2026'],
      ['the late 2010s', '201X'],
      ['the 1990s', '199X'],
      ['mid-1980s', '198X'],
      ["the '90s", '199X'],
      ['2000s', '200X'],
    ]);
  });

  it('ignores dates inside web addresses', () => {
    assert.deepEqual(dates('See https://example.com/2012/08/07/story and www . x . com / 2012 / 08'), []);
  });
});

describe('recognizeDates: relative dates', () => {
  it('resolves weekdays by tense: past by default, ahead with a future cue', () => {
    assert.deepEqual(dates('The ship is set to depart on Sunday. Officials said on Friday that it was ready.'), [
      ['Sunday', '2026-01-11'],
      ['Friday', '2026-01-02'],
    ]);
    assert.equal(valueOf('The election was held on Sunday.'), '2026-01-04');
    assert.equal(valueOf('He will travel to Seoul on Thursday.'), '2026-01-08');
    assert.equal(valueOf('On Thursday, the team will fly home.'), '2026-01-08');
    assert.equal(valueOf('The competition ended on Monday.'), '2026-01-05'); // same day as publication
    assert.equal(valueOf('They met last Monday.'), '2025-12-29');
    assert.equal(valueOf('They meet next Monday.'), '2026-01-12');
    assert.equal(valueOf('They meet this coming Monday.'), '2026-01-12');
  });

  it('keeps time of day, "the next" and possessives out of a weekday span', () => {
    assert.deepEqual(dates("A storm on Sunday night. I went back the next Tuesday night. Friday's vote."), [
      ['Sunday', '2026-01-04'],
      ['Tuesday', '2026-01-06'],
      ['Friday', '2026-01-02'],
    ]);
  });

  it('does not take newspapers, named days or recurrences for weekdays', () => {
    assert.deepEqual(dates('The Sunday Times and the Mail on Sunday reported on Super Tuesday. Shops close every Monday and on Sundays.'), []);
  });

  it('resolves today, yesterday and tomorrow', () => {
    assert.deepEqual(dates("Today, yesterday's storm and tomorrow. USA Today reported."), [
      ['Today', '2026-01-05'],
      ['yesterday', '2026-01-04'],
      ['tomorrow', '2026-01-06'],
    ]);
  });

  it('resolves last/this/next units, with ISO weeks', () => {
    assert.deepEqual(
      dates("last month, next week, last year, this week, This year's theme, Next Year, last weekend, earlier this month, late last year, this years festival"),
      [
        ['last month', '2025-12'],
        ['next week', '2026-W03'],
        ['last year', '2025'],
        ['this week', '2026-W02'],
        ['This year', '2026'],
        ['Next Year', '2027'],
        ['last weekend', '2026-W01'],
        ['earlier this month', '2026-01'],
        ['late last year', '2025'],
        ['this years', '2026'],
      ],
    );
    assert.equal(valueOf('this week', '2021-01-03'), '2020-W53');
    assert.equal(valueOf('next week', '2024-12-30'), '2025-W02');
  });

  it('resolves month names after last/this/next', () => {
    assert.deepEqual(dates('last November, next June, this March, last January'), [
      ['last November', '2025-11'],
      ['next June', '2026-06'],
      ['this March', '2026-03'],
      ['last January', '2025-01'],
    ]);
  });

  it('resolves "ago" phrases and "the year before"', () => {
    assert.deepEqual(
      dates('Seventeen years ago, [Ten] years ago, a decade ago, two weeks ago, 3 days ago, twenty-one years ago, a couple of months ago; the year before'),
      [
        ['Seventeen years ago', '2009'],
        ['[Ten] years ago', '2016'],
        ['a decade ago', '2016'],
        ['two weeks ago', '2025-W52'],
        ['3 days ago', '2026-01-02'],
        ['twenty-one years ago', '2005'],
        ['a couple of months ago', '2025-11'],
        ['the year before', '2025'],
      ],
    );
  });

  it('reads "by year end" and seasons with a year or last/this/next', () => {
    assert.deepEqual(dates('by year end, in summer 2016, last summer, this winter'), [
      ['year end', '2026-12-31'],
      ['summer 2016', '2016'],
      ['last summer', '2025'],
      ['this winter', '2025'],
    ]);
  });

  it('does not take durations, ages and spans for dates', () => {
    assert.deepEqual(
      dates(
        'a four-day visit, six years, a two-year-old girl, for three weeks, over the last year, the past 30 days, the next few weeks, 24 hours ago, in recent years, in last years, three quarters, for four quarters, two nights, two Christmases',
      ),
      [],
    );
  });
});

describe('recognizeDates: holidays', () => {
  it('reads fixed holidays, keeping "the" and prepositions out of the span', () => {
    assert.deepEqual(
      dates(
        "On Christmas Eve, on Christmas Day and on Boxing Day; New Year's Eve, New Years Day, Valentine's Day, Halloween, the Fourth of July and July Fourth",
      ),
      [
        ['Christmas Eve', '2025-12-24'],
        ['Christmas Day', '2025-12-25'],
        ['Boxing Day', '2025-12-26'],
        ["New Year's Eve", '2025-12-31'],
        ['New Years Day', '2026-01-01'],
        ["Valentine's Day", '2026-02-14'],
        ['Halloween', '2025-10-31'],
        ['Fourth of July', '2026-07-04'],
        ['July Fourth', '2026-07-04'],
      ],
    );
    assert.deepEqual(dates("St. Patrick's Day 2025, Independence Day 2025, Veterans Day 2025, Juneteenth 2025, May Day 2025"), [
      ["St. Patrick's Day 2025", '2025-03-17'],
      ['Independence Day 2025', '2025-07-04'],
      ['Veterans Day 2025', '2025-11-11'],
      ['Juneteenth 2025', '2025-06-19'],
      ['May Day 2025', '2025-05-01'],
    ]);
  });

  it('reads holidays that fall on a weekday of a month', () => {
    assert.deepEqual(
      dates(
        "Thanksgiving 2025, Thanksgiving Day 2026, Black Friday 2025, Memorial Day 2025, Labor Day 2025, Martin Luther King Jr. Day 2026, Presidents' Day 2026, Mother's Day 2025, Father's Day 2025",
      ),
      [
        ['Thanksgiving 2025', '2025-11-27'],
        ['Thanksgiving Day 2026', '2026-11-26'],
        ['Black Friday 2025', '2025-11-28'],
        ['Memorial Day 2025', '2025-05-26'],
        ['Labor Day 2025', '2025-09-01'],
        ['Martin Luther King Jr. Day 2026', '2026-01-19'],
        ["Presidents' Day 2026", '2026-02-16'],
        ["Mother's Day 2025", '2025-05-11'],
        ["Father's Day 2025", '2025-06-15'],
      ],
    );
  });

  it('computes Easter and the days counted from it', () => {
    assert.deepEqual(
      dates('Easter 2024, Easter Sunday 2025, Easter 2026, Easter 2019, Easter 2000, Easter 2038, Good Friday 2025, Easter Monday 2026, Ash Wednesday 2026'),
      [
        ['Easter 2024', '2024-03-31'],
        ['Easter Sunday 2025', '2025-04-20'],
        ['Easter 2026', '2026-04-05'],
        ['Easter 2019', '2019-04-21'],
        ['Easter 2000', '2000-04-23'],
        ['Easter 2038', '2038-04-25'],
        ['Good Friday 2025', '2025-04-18'],
        ['Easter Monday 2026', '2026-04-06'],
        ['Ash Wednesday 2026', '2026-02-18'],
      ],
    );
  });

  it('resolves a holiday without a year by last/next/this, the tense, else the nearest', () => {
    assert.deepEqual(dates('last Christmas, next Easter, this Thanksgiving, Last Halloween'), [
      ['last Christmas', '2025-12-25'],
      ['next Easter', '2026-04-05'],
      ['this Thanksgiving', '2026-11-26'],
      ['Last Halloween', '2025-10-31'],
    ]);
    assert.equal(valueOf('last Christmas', '2025-12-25'), '2024-12-25');
    assert.equal(valueOf('next Christmas', '2025-12-25'), '2026-12-25');
    assert.equal(valueOf('The family gathered at Christmas.'), '2025-12-25');
    assert.equal(valueOf('The shop will reopen after Easter.'), '2026-04-05');
    assert.equal(valueOf('They will meet again at Easter.', '2026-04-10'), '2027-03-28');
    assert.equal(valueOf('It happened at Easter.', '2026-04-10'), '2026-04-05');
    // a past context takes this year's holiday until the end of its month, as "in December" does
    assert.equal(valueOf('Shoppers crowded the stores before Christmas.', '2025-12-20'), '2025-12-25');
    // no tense: the nearest
    assert.equal(valueOf('Christmas', '2026-07-01'), '2026-12-25');
    assert.equal(valueOf('Christmas', '2026-06-01'), '2025-12-25');
    assert.equal(valueOf('Christmas', '2026'), '2026-12-25');
    assert.equal(valueOf('last Christmas', '2026-03'), '2025-12-25');
    assert.equal(valueOf('Christmas', null), null);
    // "the last Christmas" is narrative: "Christmas" alone
    assert.deepEqual(dates('It was the last Christmas before the war.'), [['Christmas', '2025-12-25']]);
  });

  it('does not take holiday names inside other names, greetings, recurrences and things', () => {
    assert.deepEqual(
      dates(
        'Christmas Island, Easter Island, the Easter Rising, the Good Friday Agreement, illustrator Johnnie Christmas, Merry Christmas, every Christmas, a Christmas tree, Easter eggs, Chinese New Year, A Christmas Carol',
      ),
      [],
    );
    assert.deepEqual(dates('CHRISTMAS ISLAND; ON CHRISTMAS DAY THE SHOPS CLOSED'), [['CHRISTMAS DAY', '2025-12-25']]);
    // named weekdays are no plain weekdays
    assert.deepEqual(dates('on Good Friday and on Black Friday'), [
      ['Good Friday', '2026-04-03'],
      ['Black Friday', '2025-11-28'],
    ]);
  });

  it("leaves the day of another country's holiday of a US name unknown", () => {
    assert.deepEqual(dates("India's Independence Day, on Independence Day, U.S. Independence Day, America's Independence Day"), [
      ['Independence Day', null],
      ['Independence Day', '2026-07-04'],
      ['Independence Day', '2026-07-04'],
      ['Independence Day', '2026-07-04'],
    ]);
  });
});

describe('recognizeDates: quarters', () => {
  it('reads quarters with a year, with "the" in the span', () => {
    assert.deepEqual(dates('in the third quarter of 1989, the fourth quarter of fiscal 2025, Q3 2025, Q1 of 2024, the last quarter of 2025'), [
      ['the third quarter of 1989', '1989-Q3'],
      ['the fourth quarter of fiscal 2025', '2025-Q4'],
      ['Q3 2025', '2025-Q3'],
      ['Q1 of 2024', '2024-Q1'],
      ['the last quarter of 2025', '2025-Q4'],
    ]);
  });

  it('resolves quarters without a year by the tense, and last/this/next quarter', () => {
    assert.deepEqual(
      dates('the fourth quarter of last year, the first quarter of this year, the second quarter of next year, last quarter, this quarter, next quarter'),
      [
        ['the fourth quarter of last year', '2025-Q4'],
        ['the first quarter of this year', '2026-Q1'],
        ['the second quarter of next year', '2027-Q2'],
        ['last quarter', '2025-Q4'],
        ['this quarter', '2026-Q1'],
        ['next quarter', '2026-Q2'],
      ],
    );
    assert.deepEqual(dates('Profits fell in the third quarter; first-quarter sales will grow.', '2025-10-20'), [
      ['the third quarter', '2025-Q3'],
      ['first-quarter', '2026-Q1'],
    ]);
    assert.equal(valueOf('Fourth-quarter profits fell.'), '2025-Q4');
    assert.equal(valueOf('Q2 earnings were weak.'), '2025-Q2');
    assert.equal(valueOf('last quarter', '2026'), null);
    assert.equal(valueOf('the third quarter', null), null);
  });

  it('does not take quarters that are no date', () => {
    assert.deepEqual(
      dates(
        'a quarter of citizens, the quarter-final, the last quarter-century, over the last quarter, the next quarter, a second quarter of growth\nHe scored twice in the fourth quarter.\nA fourth-quarter touchdown sealed the game.',
      ),
      [],
    );
    // words of business outweigh those of games
    assert.equal(valueOf('Profits fell 3 points in the fourth quarter.'), '2025-Q4');
  });
});

describe('recognizeDates: parts of day', () => {
  it('gives "tonight", "this morning" and "last night" the day they fall on', () => {
    assert.deepEqual(dates('tonight, this morning, This afternoon, this evening, last night, late last night, earlier this morning'), [
      ['tonight', '2026-01-05'],
      ['this morning', '2026-01-05'],
      ['This afternoon', '2026-01-05'],
      ['this evening', '2026-01-05'],
      ['last night', '2026-01-04'],
      ['late last night', '2026-01-04'],
      ['earlier this morning', '2026-01-05'],
    ]);
  });

  it('keeps a part of day after a day out of the span (as GUM does)', () => {
    assert.deepEqual(dates("yesterday morning, tomorrow night, Thursday night, last night's storm"), [
      ['yesterday', '2026-01-04'],
      ['tomorrow', '2026-01-06'],
      ['Thursday', '2026-01-08'],
      ['last night', '2026-01-04'],
    ]);
  });

  it('does not take narrative or named parts of day', () => {
    assert.deepEqual(dates('on the last night of the festival, the next morning, The Tonight Show, last nights'), []);
  });
});

describe('recognizeDates: offsets and robustness', () => {
  it('counts UTF-16 code units after astral characters', () => {
    const text = '😀🇰🇷 On January 4, 2026 😀 and on Friday 👍🏽 last week.';
    const found = recognizeDates(text, DCT);
    assert.deepEqual(
      found.map(m => m.text),
      ['January 4, 2026', 'Friday', 'last week'],
    );
    for (const m of found) checkMention(text, m);
    assert.equal(found[0].start, text.indexOf('January'));
    const holidays = '🎄 On Christmas Eve 😀 and 🇺🇸 Thanksgiving 2025, Q3 2025 👍🏽 tonight.';
    const more = recognizeDates(holidays, DCT);
    assert.deepEqual(
      more.map(m => [m.text, m.value]),
      [
        ['Christmas Eve', '2025-12-24'],
        ['Thanksgiving 2025', '2025-11-27'],
        ['Q3 2025', '2025-Q3'],
        ['tonight', '2026-01-05'],
      ],
    );
    for (const m of more) checkMention(holidays, m);
    assert.equal(more[0].start, 6);
  });

  it('handles CRLF text without crossing lines', () => {
    const text = 'Headline\r\nMonday, January 5, 2026\r\nOn Friday, fishermen rescued 700 people.\r\nIn June\r\n2017 came.';
    assert.deepEqual(dates(text), [
      ['Monday, January 5, 2026', '2026-01-05'],
      ['Friday', '2026-01-02'],
      ['June', '2025-06'],
      ['2017', '2017'],
    ]);
    assert.deepEqual(dates('Christmas\r\nIsland\r\nOn Easter\r\nSunday, the third quarter\r\nof 1989 and last night\r\n'), [
      ['Christmas', '2025-12-25'],
      ['Easter', '2026-04-05'],
      ['Sunday', '2026-01-04'],
      ['the third quarter', '2025-Q3'],
      ['1989', '1989'],
      ['last night', '2026-01-04'],
    ]);
  });

  it('reads tokenized text (spaces before commas) and upper case', () => {
    assert.deepEqual(dates('Friday , 27 September 2013\nPUBLISHED FRIDAY , MARCH 8 , 2013 AT 12 : 46 PM'), [
      ['Friday , 27 September 2013', '2013-09-27'],
      ['FRIDAY , MARCH 8 , 2013', '2013-03-08'],
    ]);
  });

  it('is independent between calls and tolerates odd dates', () => {
    assert.deepEqual(dates('February 30, 2026 and 2026-13-01'), []);
    assert.deepEqual(dates('February 29, 2024', null), [['February 29, 2024', '2024-02-29']]);
    assert.deepEqual(dates('x', 'not a date'), []);
    assert.deepEqual(dates('on Friday', 'not a date'), [['Friday', null]]);
  });

  it('scans a piece of adversarial digits and month names to its end', function () {
    // no time is asserted (`npm run bench` measures speed); the timeout only stops a hang
    this.timeout(120_000);
    // as much as the recognizer is ever given at once (src/core/limits.ts)
    const piece = (unit: string) => unit.repeat(Math.floor(PIECE_CHARS / unit.length));
    const withDates = ['2015 1999 12 31 ', 'January May June 2015 5 March, ', 'March 5, ', "the third quarter of Good Mother's St. Christmas Q3 "];
    for (const text of withDates.map(piece)) {
      const found = recognizeDates(text, DCT);
      assert.ok(found.length > 0, `nothing found in ${text.slice(0, 20)}...`);
      for (const m of found) assert.equal(text.slice(m.start, m.end), m.text);
      assert.ok(found[found.length - 1].end > text.length - 60, `stopped at ${found[found.length - 1].end} of ${text.length} in ${text.slice(0, 20)}...`);
    }
    for (const text of ['1', 'JanuaryMayJune2015', 'last last next this the the late early '].map(piece)) {
      assert.deepEqual(recognizeDates(text, DCT), [], `in ${text.slice(0, 20)}...`);
    }
  });
});
