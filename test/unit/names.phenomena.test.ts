import { strict as assert } from 'node:assert';
import { linkDocument } from '../../src/core/linking/linkDocument';
import { findNamesDetailed } from '../../src/core/names/recognizeNames';

/** [text, kind] of each name the rules find in `text`, linked within it (one kind per name). */
function kinds(text: string): Array<[string, string]> {
  const { entities, spans } = linkDocument(text, findNamesDetailed(text, undefined, null).names);
  const out: Array<[string, string]> = [];
  for (let i = 0; i < spans.length; i += 4) out.push([text.slice(spans[i], spans[i + 1]), entities[spans[i + 2]].kind]);
  return out;
}

/** The names the rules find in `text`, in order. */
function namesIn(text: string): string[] {
  return kinds(text).map(([t]) => t);
}

/** The kinds `text` gives to `name`, each once. */
function kindsOf(text: string, name: string): string[] {
  return [
    ...new Set(
      kinds(text)
        .filter(([t]) => t === name)
        .map(([, k]) => k),
    ),
  ];
}

describe('names: phenomena of text the rules were not written on', () => {
  describe('one kind per name in a document', () => {
    it('lets a place cue ("in Velmora") outweigh the bare guesses of the same word elsewhere', () => {
      assert.deepEqual(kindsOf('The ferry leaves in the morning. We stayed two nights in Velmora. Velmora has a harbour. Velmora is quiet.', 'Velmora'), [
        'place',
      ]);
    });

    it('does not count "at" as a place cue against the guesses: a workplace is as often an organization', () => {
      assert.deepEqual(kindsOf('The engineer took a job at Quorvex last spring. Quorvex makes pumps. Quorvex is hiring.', 'Quorvex'), ['organization']);
    });
  });

  describe('terms, not names', () => {
    it('reads an acronym the text uses in the singular and in the plural as a term', () => {
      const text = 'The kitchen now uses CFLs. CFLs last longer than the old bulbs, and each CFL draws less power.';
      assert.deepEqual(kinds(text), []);
    });

    it('keeps a plural acronym the text never uses in the singular ("the HPSs")', () => {
      assert.deepEqual(kindsOf('Boats report to the HPSs on arrival, and the HPSs log them.', 'HPSs'), ['organization']);
    });

    it('keeps an unknown acronym the text never counts as a guessed organization', () => {
      assert.deepEqual(kindsOf('The QRTA said on Monday that fares would rise. QRTA drivers agreed.', 'QRTA'), ['organization']);
    });
  });

  describe('greetings', () => {
    it('leaves a greeting or an interjection out of the name of a person it opens ("Hi David", "Uh Mitchell")', () => {
      const text = 'Hi David,\nthanks for the note.\nUh Mitchell was there too.';
      assert.deepEqual(kinds(text), [
        ['David', 'person'],
        ['Mitchell', 'person'],
      ]);
    });
  });

  describe('parts of known places', () => {
    it('reads a compass word or "Old" before a known place as a place ("Northeast Philadelphia", "Old Oakland")', () => {
      const text = 'The shop moved from Northeast Philadelphia to Old Oakland last year, near Upper Manhattan.';
      for (const name of ['Northeast Philadelphia', 'Old Oakland', 'Upper Manhattan']) assert.deepEqual(kindsOf(text, name), ['place'], name);
    });

    it('makes a family name no place for a part named after a longer place ("Paul" beside "South Saint Paul")', () => {
      const text = 'Wendell Paul spoke first. The plant in South Saint Paul closed, Paul said.';
      assert.deepEqual(kindsOf(text, 'South Saint Paul'), ['place']);
      assert.deepEqual(kindsOf(text, 'Paul'), ['person']);
    });

    it('does not make the place of such a part a family name ("Oakland" of "North Oakland")', () => {
      const text = 'Since the 1960s, Oakland has been a hub of culture. Rockridge is in North Oakland, and the port is in West Oakland.';
      assert.deepEqual(kindsOf(text, 'Oakland'), ['place']);
    });
  });

  describe('head words of places', () => {
    it('reads names of ponds, brooks, coves, docks, rinks and gyms by their head word as places', () => {
      const text =
        'The trail follows Mossgrave Brook to Hallam Pond, then the ferry leaves Orrin Cove for Kessler Dock. Games moved from Tamsin Rink to Carvell Gym.';
      for (const name of ['Mossgrave Brook', 'Hallam Pond', 'Orrin Cove', 'Kessler Dock', 'Tamsin Rink', 'Carvell Gym'])
        assert.deepEqual(kindsOf(text, name), ['place'], name);
    });

    it('reads a given name before a head word that is also a family name as a person ("Arthur Pond")', () => {
      assert.deepEqual(kindsOf('The painting is a copy by Arthur Pond, made in London.', 'Arthur Pond'), ['person']);
    });
  });

  describe('numbered units', () => {
    it('makes the ordinal or number before a unit part of its name ("65th Air Division", "3 Air Division", "501st Legion")', () => {
      const text = 'The 65th Air Division joined the 101st Airborne Division. It was redesignated 3 Air Division in 1945, beside the 501st Legion.';
      assert.deepEqual(kinds(text), [
        ['65th Air Division', 'organization'],
        ['101st Airborne Division', 'organization'],
        ['3 Air Division', 'organization'],
        ['501st Legion', 'organization'],
      ]);
    });

    it('leaves a count or a day of a date out of the name ("300 Marines", "10 Air Force bases", "June 4 Signal Battalion"), and an ordinal before a name of no unit ("60th NATO summit")', () => {
      const text = 'Some 300 Marines landed near 10 Air Force bases. On June 4 Signal Battalion soldiers moved north to the 60th NATO summit.';
      assert.deepEqual(namesIn(text), ['Marines', 'Air Force', 'Signal Battalion', 'NATO']);
    });
  });

  describe('names that go on with their number', () => {
    it('makes the number after a road, a terminal, a school, a radio or a channel part of its name ("State Route 267", "BBC Radio 1")', () => {
      const text = 'Along State Route 267 we heard BBC Radio 1 near Public School 4, as WCCO-TV Channel 4 reported.';
      assert.deepEqual(namesIn(text), ['State Route 267', 'BBC Radio 1', 'Public School 4', 'WCCO-TV Channel 4']);
    });

    it('leaves out a number that is a score, a time or a range ("Radio 4 : 30", "Channel 4 - 3")', () => {
      const text = 'The show on BBC Radio 4 : 30 listeners; the game on Sky Channel 4 - 3 in the end.';
      assert.deepEqual(namesIn(text), ['BBC Radio', 'Sky Channel']);
    });
  });

  describe('"and" inside a name', () => {
    it('joins a name to the words after "and" that end with an organization\'s head word ("London and South Western Railway", "Fish and Wildlife Service")', () => {
      const text = 'It was opened by the London and South Western Railway in 1847. The Fish and Wildlife Service said so.';
      assert.deepEqual(kinds(text), [
        ['London and South Western Railway', 'organization'],
        ['Fish and Wildlife Service', 'organization'],
      ]);
    });

    it('keeps two names of their own apart ("New York Yankees and Boston Red Sox", "U.S. and European Union", "Microsoft Corp. and Apple Inc.")', () => {
      const text = 'Fans of the New York Yankees and Boston Red Sox met. The U.S. and European Union agreed. Microsoft Corp. and Apple Inc. sued.';
      assert.deepEqual(namesIn(text), ['New York Yankees', 'Boston Red Sox', 'U.S.', 'European Union', 'Microsoft Corp.', 'Apple Inc.']);
    });
  });

  describe('a noun that says what a name is', () => {
    it('reads a name right after "band", "company", "newspaper" as an organization, and so its other mentions ("the band Gigi")', () => {
      const text = 'He joined the band Gigi in 1994. Gigi released ten albums, as French newspaper Le Parisien wrote.';
      assert.deepEqual(kindsOf(text, 'Gigi'), ['organization']);
      assert.deepEqual(kindsOf(text, 'Le Parisien'), ['organization']);
    });

    it('leaves a person\'s full name after such a noun a person ("the company Bill Gates founded")', () => {
      assert.deepEqual(kindsOf('The company Bill Gates founded grew fast.', 'Bill Gates'), ['person']);
    });
  });

  describe('peoples and languages', () => {
    it('reads no name in a people\'s or a language\'s name before "language", "culture", "people" ("a Jóola language")', () => {
      const text = 'Eegimaa is a Velnari language spoken in the south. The Tarvoki culture built canals; the Tarvoki people fished.';
      assert.deepEqual(namesIn(text), ['Eegimaa']);
    });

    it('keeps a known place before such a noun ("Argentina people")', () => {
      assert.deepEqual(kindsOf('We asked what Argentina people eat for breakfast.', 'Argentina'), ['place']);
    });
  });

  describe('web mail', () => {
    it("finds no name in an attachment's file name, an e-mail address or a web address", () => {
      const text =
        'Dear all, see attached file : UnleadedStocks.pdf and Corvane_resume.doc ; write to Kevin.A.Boone@accenture.com or read www.Halvering.org/news today.';
      assert.deepEqual(kinds(text), []);
    });

    it("keeps names in Markdown: in emphasis and in a link's text, not in its address", () => {
      const text =
        'As _The Washington Post_ reported, [Harold Quenby](https://en.wikipedia.org/wiki/Harold_Quenby) spoke to [Reuters](https://example.com/a.html).';
      assert.deepEqual(namesIn(text), ['Washington Post', 'Harold Quenby', 'Reuters']);
    });

    it('keeps the sender of a mail header ("Traci Warner@ENRON") and a domain that names a company ("Goldstar.com")', () => {
      const text = 'Traci Warner@ENRON COMMUNICATIONS on 08/16/2000\nGo to Goldstar.com and get tickets for about a third of the price.';
      assert.deepEqual(kindsOf(text, 'Traci Warner'), ['person']);
      assert.deepEqual(kindsOf(text, 'Goldstar.com'), ['organization']);
    });

    it('reads the labels of a signature\'s contact lines as no names ("Fax : 216-292-7207")', () => {
      const text =
        'Regards ,\nVangie\nPhone 410-468-3798 Fax 410-468-3499 Email vangie@post.com\nEB3326 Telephone : ( 713 ) 853-7906 Facsimile : ( 713 ) 646-2600 E-Mail : jan@enron.com';
      assert.deepEqual(
        kinds(text).filter(([t]) => /Fax|Facsimile|Phone|Telephone|Mail/.test(t)),
        [],
      );
    });

    it('keeps a place that reads as a contact label when no telephone number follows ("Mobile: 3 dead")', () => {
      assert.deepEqual(kindsOf('Mobile: 3 dead in storm as Alabama braces for more', 'Mobile'), ['place']);
    });
  });
});
