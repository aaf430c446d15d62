import { strict as assert } from 'node:assert';
import { readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';

// vscode-textmate / vscode-oniguruma are not dependencies, so the grammar's regexes are checked
// with JS RegExp. They are written in the subset Oniguruma and JS share; `\A` (start of document)
// becomes `^` here because every check runs on a single line.

interface Rule {
  include?: string;
  match?: string;
  begin?: string;
  end?: string;
  name?: string;
  patterns?: Rule[];
  captures?: Record<string, Rule>;
  beginCaptures?: Record<string, Rule>;
  endCaptures?: Record<string, Rule>;
}
interface Grammar extends Rule {
  scopeName: string;
  repository: Record<string, Rule>;
}

const root = path.resolve(__dirname, '../..');
const grammar: Grammar = JSON.parse(readFileSync(path.join(root, 'syntaxes/article.tmLanguage.json'), 'utf8'));
const languageConfiguration = JSON.parse(readFileSync(path.join(root, 'syntaxes/language-configuration.json'), 'utf8')) as {
  wordPattern: string;
  autoClosingPairs: { open: string; close: string }[];
  comments?: unknown;
};

function js(source: string, flags = ''): RegExp {
  return new RegExp(source.replace(/\\A/g, '^'), flags);
}

function rule(name: string): Rule {
  const r = grammar.repository[name];
  assert.ok(r, `repository has ${name}`);
  return r;
}

/** Leftmost match among `patterns` (ties: the first listed), repeated along the line, like TextMate. */
function scan(line: string, patterns: Rule[]): string[] {
  const res = patterns.map(p => js(p.match!, 'g'));
  const found: string[] = [];
  let pos = 0;
  for (;;) {
    let best: RegExpExecArray | null = null;
    for (const re of res) {
      re.lastIndex = pos;
      const m = re.exec(line);
      if (m && (!best || m.index < best.index)) best = m;
    }
    if (!best) return found;
    found.push(best[0]);
    pos = best.index + Math.max(1, best[0].length);
  }
}

function* allRules(r: Rule): Generator<Rule> {
  yield r;
  for (const p of r.patterns ?? []) yield* allRules(p);
  for (const caps of [r.captures, r.beginCaptures, r.endCaptures]) {
    for (const c of Object.values(caps ?? {})) yield* allRules(c);
  }
}

const findDates = (line: string) => scan(line, rule('date').patterns!);
const dateline = () => js(rule('dateline').match!);
const headers = () => rule('header').patterns!.map(p => js(p.match!));
const isHeader = (line: string) => headers().some(re => re.test(line));

describe('article grammar', () => {
  it('is a text.article grammar whose includes all resolve and whose regexes compile', () => {
    assert.equal(grammar.scopeName, 'text.article');
    const everything = [...allRules(grammar), ...Object.values(grammar.repository).flatMap(r => [...allRules(r)])];
    for (const r of everything) {
      if (r.include?.startsWith('#')) assert.ok(grammar.repository[r.include.slice(1)], `include ${r.include}`);
      for (const src of [r.match, r.begin, r.end]) if (src !== undefined) assert.doesNotThrow(() => js(src), src);
    }
  });

  describe('dates', () => {
    const cases: [string, string[]][] = [
      ['Lee arrived on Sunday, January 4, 2026, and left on Wednesday.', ['Sunday, January 4, 2026']],
      ['talks with President Xi on Monday, Jan. 5, followed by a banquet', ['Monday, Jan. 5']],
      ['"The US rules have not changed since Jan 5," one analyst said.', ['Jan 5']],
      ['memorandums signed at the summit in Beijing on 5 January, 2026, when', ['5 January, 2026']],
      ['nothing agreed on Monday 5 January 2026 conflicted', ['Monday 5 January 2026']],
      ['14 memorandums signed in Beijing on 2026-01-05.', ['2026-01-05']],
      ['flooded in June 2024 as well', ['June 2024']],
      ['a public meeting on Thursday, 8 January, at the hall', ['Thursday, 8 January']],
      ['Published: 5 January 2026', ['5 January 2026']],
      ['Date: Jan. 4, 2026', ['Jan. 4, 2026']],
      ['between Jan. 12 and 20 January', ['Jan. 12', '20 January']],
    ];
    for (const [line, expected] of cases) {
      it(`finds ${expected.join(' + ')}`, () => assert.deepEqual(findDates(line), expected));
    }

    const none = [
      'a four-day state visit, the first in six years',
      'about 1,200 people had left their homes; damage of more than 80 million euros',
      'on Friday, last month, last year, this week, last November, in June, late 2025, the late 2010s',
      'Wi, 71, has worked on these issues for more than four decades.',
      'May I ask? The river rose in 36 hours.',
      'ids 2026-13-01, 2026-01-32, 12026-01-05 and 2026-01-05-b are not dates',
      'the Janitors union and Marching bands',
    ];
    for (const line of none) {
      it(`finds nothing in "${line.slice(0, 40)}..."`, () => assert.deepEqual(findDates(line), []));
    }
  });

  describe('datelines', () => {
    const yes: [string, string][] = [
      ['BEIJING (Meridian Wire) - South Korean President Lee Jae Myung arrived', 'BEIJING (Meridian Wire) -'],
      ['SEOUL (Wire) - South Korea said', 'SEOUL (Wire) -'],
      ['BEIJING - Chinese President Xi Jinping and', 'BEIJING -'],
      ['HALDENBRUCK, GERMANY (Meridian Wire) - Hundreds of residents', 'HALDENBRUCK, GERMANY (Meridian Wire) -'],
      ['MUNICH — The Bavarian government', 'MUNICH —'],
      ['NEW YORK – The UN said', 'NEW YORK –'],
    ];
    for (const [line, expected] of yes) {
      it(`marks "${expected}"`, () => {
        const m = dateline().exec(line);
        assert.ok(m, line);
        assert.equal(m[0], expected);
      });
    }
    it('captures the place separately from the source', () => {
      const m = dateline().exec('SEOUL (Meridian Wire) - Wi said')!;
      assert.equal(m[1], 'SEOUL');
      assert.equal(m[2], '(Meridian Wire)');
    });
    const no = [
      'DANUBE COURIER',
      'Beijing - the capital',
      'US-China talks resumed',
      '- **14** memorandums signed in Beijing',
      'I - for one - disagree',
      'The BEIJING - SEOUL route',
      'BEIJING-based diplomats said',
    ];
    for (const line of no) it(`leaves "${line}" alone`, () => assert.equal(dateline().exec(line), null));
  });

  describe('header lines', () => {
    const yes: [string, string][] = [
      ['Published: 5 January 2026', 'Published'],
      ['Date: Jan. 4, 2026', 'Date'],
      ['date 2026-01-05', 'date'],
      ['By Hana Cho, Meridian Wire', 'By'],
      ['Posted by Anna Kowalczyk', 'Posted by'],
      ['Updated: 2026-01-06 09:00', 'Updated'],
    ];
    for (const [line, key] of yes) {
      it(`marks "${line}" with key ${key}`, () => {
        const m = headers()
          .map(re => re.exec(line))
          .find(Boolean);
        assert.ok(m, line);
        assert.equal(m[1], key);
      });
    }
    const no = [
      'Published reports say the talks went well',
      'Date night in Seoul',
      'Xi and Lee pledge "new chapter" as summit ends with trade deals',
      'by the river, residents waited',
      'Dates for your diary',
    ];
    for (const line of no) it(`leaves "${line}" alone`, () => assert.ok(!isHeader(line), line));

    it('date values inside a header are dates', () => {
      const m = js(rule('header').patterns![0].match!).exec('Date: Jan. 4, 2026')!;
      assert.deepEqual(findDates(m[3]), ['Jan. 4, 2026']);
    });
  });

  describe('preamble, headline and front matter', () => {
    const preamble = () => js(rule('preamble').begin!);
    it('opens the preamble on a first line that is text or a header', () => {
      assert.ok(preamble().test('Lee arrives in Beijing for four-day state visit'));
      assert.ok(preamble().test('Published: 5 January 2026'));
    });
    it('does not open it on front matter, a blank line or a dateline', () => {
      assert.ok(!preamble().test('---'));
      assert.ok(!preamble().test('   '));
      assert.ok(!preamble().test('BEIJING - Chinese President Xi Jinping'));
    });
    it('ends the preamble and the headline at the first blank line', () => {
      for (const name of ['preamble', 'headline']) {
        const end = js(rule(name).end!);
        assert.ok(end.test(''));
        assert.ok(!end.test('Date: Jan. 4, 2026'));
      }
    });
    it('takes the headline line whole', () => {
      const m = js(rule('headline').begin!).exec('Xi and Lee pledge "new chapter"')!;
      assert.equal(m[1], 'Xi and Lee pledge "new chapter"');
    });
    it('reads front matter keys and values', () => {
      const fm = rule('frontmatter');
      assert.ok(js(fm.begin!).test('---'));
      assert.ok(js(fm.end!).test('---'));
      assert.ok(js(fm.end!).test('...'));
      assert.equal(fm.name, 'meta.embedded.block.frontmatter');
      const entry = js(rule('frontmatter-entry').match!);
      const m = entry.exec('date: 2026-01-09')!;
      assert.equal(m[2], 'date');
      assert.deepEqual(findDates(m[4]), ['2026-01-09']);
      assert.equal(entry.exec('title: "The Far East Letter: a summit"')![2], 'title');
    });
    it('marks Markdown headings', () => {
      const m = js(rule('markdown-heading').match!).exec('# The Far East Letter — week 2, 2026')!;
      assert.equal(m[2], 'The Far East Letter — week 2, 2026');
    });
  });

  describe('quotations', () => {
    const [curly, straight] = rule('quote').patterns!;
    it('opens on “ and " and closes on the matching mark or at the end of the line', () => {
      assert.equal(curly.name, 'string.quoted.double.article');
      assert.equal(js(curly.begin!).exec('said “Follow the minerals,”')!.index, 5);
      assert.equal(js(curly.end!).exec('Follow the minerals,” Kang said')![1], '\u201d');
      assert.equal(js(straight.begin!).exec('called it "an important opportunity"')!.index, 10);
      assert.ok(js(straight.end!).test('a paragraph that never closes its quote'));
    });
  });

  describe('the sample articles', () => {
    const samples = path.join(root, 'samples');
    const articles = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap(e =>
        e.isDirectory() ? articles(path.join(dir, e.name)) : /\.(txt|md)$/.test(e.name) ? [path.join(dir, e.name)] : [],
      );
    it('state their publication date in a header line or front matter the grammar marks', () => {
      const files = articles(samples).filter(f => readFileSync(f, 'utf8').trim() !== '');
      assert.ok(files.length >= 10, `${files.length} sample articles`);
      for (const file of files) {
        const lines = readFileSync(file, 'utf8').split(/\r?\n/).slice(0, 12);
        const fm = js(rule('frontmatter-entry').match!);
        const ok =
          lines[0] === '---'
            ? lines.some(l => fm.exec(l)?.[2] === 'date' && findDates(l).length === 1)
            : lines.some(l => /^\s*(date|published)\b/i.test(l) && isHeader(l) && findDates(l).length === 1);
        assert.ok(ok, path.relative(root, file));
      }
    });
  });

  describe('language configuration', () => {
    const words = (s: string) => s.match(new RegExp(languageConfiguration.wordPattern, 'g'));
    it('keeps hyphenated names, possessives and dotted acronyms whole', () => {
      assert.deepEqual(words("Wi Sung-lac met Xi's aides"), ['Wi', 'Sung-lac', 'met', "Xi's", 'aides']);
      assert.deepEqual(words('Lee’s team in the U.S. on 2026-01-05'), ['Lee’s', 'team', 'in', 'the', 'U.S.', 'on', '2026-01-05']);
      assert.deepEqual(words("Albers' office in Brückenstrasse"), ['Albers', 'office', 'in', 'Brückenstrasse']);
    });
    it('closes typographic quotes and has no comment syntax', () => {
      assert.ok(languageConfiguration.autoClosingPairs.some(p => p.open === '“' && p.close === '”'));
      assert.equal(languageConfiguration.comments, undefined);
    });
  });
});
