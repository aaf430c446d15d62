import { strict as assert } from 'node:assert';
import { findNamesDetailed } from '../../src/core/names/recognizeNames';

/** The text of each name the rules find in `text`. */
function spans(text: string): string[] {
  return findNamesDetailed(text, undefined, null).names.map(c => c.text);
}

/** [text, kind] of each name the rules find in `text`. */
function names(text: string): Array<[string, string]> {
  return findNamesDetailed(text, undefined, null).names.map(c => [c.text, c.kind]);
}

describe('names: where a name begins and ends', () => {
  describe('a demonym before an organization or a place', () => {
    it('keeps it in an organization named "X of Y" or with other words', () => {
      assert.deepEqual(spans('Members of the Norwegian College of Harbour Pilots met the Danish Velmora Trust.'), [
        'Norwegian College of Harbour Pilots',
        'Danish Velmora Trust',
      ]);
    });

    it("leaves it out of a person's name and of a name of one word but a head word", () => {
      assert.deepEqual(spans('The Danish Anna Velde won, ahead of the Swedish Quorvey.'), ['Anna Velde', 'Quorvey']);
    });
  });

  describe('title words that begin names', () => {
    it('keeps a saint\'s word in the name of a place ("St. Louis", "Saint Kitts")', () => {
      assert.deepEqual(names('The band moved to St. Louis, then toured Saint Kitts and St. Quorvey.'), [
        ['St. Louis', 'place'],
        ['Saint Kitts', 'place'],
        ['St. Quorvey', 'place'],
      ]);
    });

    it("still reads a saint's word before a lone given name as a title", () => {
      assert.deepEqual(spans('A letter to St. Peter survives.'), ['Peter']);
    });

    it('keeps a title word before a head word ("Major League", "Queen Creek") and reads no person there', () => {
      assert.deepEqual(names('He pitched in Major League Baseball and lived near Queen Creek.'), [
        ['Major League Baseball', 'organization'],
        ['Queen Creek', 'place'],
      ]);
    });

    it('still splits a title joined by a connector or before another title', () => {
      assert.deepEqual(spans('The Secretary of State met Chief Deputy City Attorney Terry Velde.'), ['Terry Velde']);
    });
  });

  describe('regnal numbers', () => {
    it('keeps a regnal "I" before punctuation, not the pronoun', () => {
      assert.deepEqual(spans('In 1859 Norton I, Emperor of the Realm, wrote to Pope Damasus I; then Peter I think left.'), [
        'Norton I',
        'Realm',
        'Damasus I',
        'Peter',
      ]);
    });

    it('leaves a regnal "I" out of the words of a person\'s name, not the "I" of "Phase I"', () => {
      const words = (text: string) => findNamesDetailed(text, undefined, null).names.map(c => c.words.join(' '));
      assert.deepEqual(words('In 1859 Norton I, Emperor of the Realm, wrote to Queen Elizabeth I; she replied.'), ['norton', 'realm', 'elizabeth']);
      assert.deepEqual(words('Veterans of Phase I, and of Phase II, met.'), ['phase i', 'phase ii']);
    });

    it('reads an event numbered after its head word as no name, nor its "I" as the pronoun', () => {
      assert.deepEqual(spans('Historians compared World War I and World War II; World War One ended in 1918.'), []);
      assert.deepEqual(spans('After the NBA Cup I watched the draft.'), ['NBA']);
    });
  });

  describe('"&" between two names of one word', () => {
    it('splits two cited authors and two known places, not a firm', () => {
      assert.deepEqual(spans('As shown before (Velde & Quorvat, 2010), trains run to Tempe & Mesa; Velde & Quorvat made soap.'), [
        'Velde',
        'Quorvat',
        'Tempe',
        'Mesa',
        'Velde & Quorvat',
      ]);
    });
  });

  describe('Arabic articles', () => {
    it('keeps "al-" and the word after it in the name, alone or after a given name', () => {
      assert.deepEqual(spans('The cleric Hamid al-Velmari spoke; later al-Velmari left.'), ['Hamid al-Velmari', 'al-Velmari']);
    });

    it('keeps the article in text tokenized with spaces ("al - ", "Al - "), alone too', () => {
      assert.deepEqual(spans('The cleric Hamid al - Velmari spoke , and Al - Quorvat replied to al - Quorvat .'), [
        'Hamid al - Velmari',
        'Al - Quorvat',
        'al - Quorvat',
      ]);
    });

    it('still reads " - " between other words as a dash', () => {
      assert.deepEqual(spans('VELMORA - The water rose in Quorvey - said Anna Velde .'), ['VELMORA', 'Quorvey', 'Anna Velde']);
    });
  });

  describe('ordinals spelled out', () => {
    it('keeps an ordinal that begins a name ("Third Reich", "Ninth Circuit")', () => {
      assert.deepEqual(spans('Appeals went to the Ninth Circuit during the Third Reich.'), ['Ninth Circuit', 'Third Reich']);
    });

    it("keeps a sentence's first ordinal before an organization's head word only", () => {
      assert.deepEqual(spans('Sixteenth Air Force moved in 1957. Second Velmora won.'), ['Sixteenth Air Force', 'Velmora']);
    });

    it('leaves out an ordinal before a title or alone', () => {
      assert.deepEqual(spans('The First Lady Anna Velde spoke, and she came First.'), ['Anna Velde']);
    });
  });
});
