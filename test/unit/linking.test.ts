import { strict as assert } from 'node:assert';
import { analyze } from '../../src/core/analyze';
import { linkCorpus, slug } from '../../src/core/linking/linkCorpus';
import type { DocumentNames, LocalEntity } from '../../src/core/linking/linkDocument';
import type { Analysis } from '../../src/core/types';

/** Linking of the rules' names: what these tests expect does not move when the model is retrained. */
function run(...texts: string[]): Analysis {
  return analyze(
    texts.map((text, i) => ({ path: `doc${i + 1}.txt`, text })),
    { nameModel: null },
  );
}

/** entity id of the i-th mention with this text in document d */
function idOf(a: Analysis, d: number, text: string, i = 0): string | undefined {
  return a.documents[d].mentions.filter(m => m.text === text)[i]?.entity;
}

describe('linking', () => {
  describe('within a document', () => {
    it('links short forms and titled forms to the full name', () => {
      const a = run('President Lee Jae Myung arrived in Beijing. Lee met Xi Jinping. Mr Lee said Xi was kind. President Lee left.');
      const lee = idOf(a, 0, 'Lee Jae Myung');
      assert.equal(lee, 'lee-jae-myung');
      for (let i = 0; i < 3; i++) assert.equal(idOf(a, 0, 'Lee', i), lee);
      assert.equal(idOf(a, 0, 'Xi'), idOf(a, 0, 'Xi Jinping'));
      assert.equal(idOf(a, 0, 'Xi'), 'xi-jinping');
    });

    it('links a surname to the Western full name', () => {
      const a = run('Donald Trump spoke on Monday. Trump said more later.');
      assert.equal(idOf(a, 0, 'Trump'), 'donald-trump');
    });

    it('links acronyms to their expansion, both ways', () => {
      const a = run('The United Nations (UN) met. UN envoys spoke. The Korea Development Institute (KDI) agreed; KDI economists left.');
      assert.equal(idOf(a, 0, 'UN'), idOf(a, 0, 'United Nations'));
      assert.equal(idOf(a, 0, 'KDI'), idOf(a, 0, 'Korea Development Institute'));
      const b = run('APEC leaders met. Later, Asia-Pacific Economic Cooperation ministers agreed.');
      assert.equal(idOf(b, 0, 'APEC'), idOf(b, 0, 'Asia-Pacific Economic Cooperation'));
    });

    it('keeps a known organization alone apart from a longer name that begins with it, but not from its own name with "Corp."', () => {
      const a = run(
        'Microsoft patched the Microsoft Security Response Center site on Monday. Microsoft said the flaw was fixed.',
        'Shares of Microsoft Corp. rose. Microsoft said sales grew.',
      );
      assert.equal(idOf(a, 0, 'Microsoft'), 'microsoft');
      assert.equal(idOf(a, 0, 'Microsoft', 1), 'microsoft');
      assert.notEqual(idOf(a, 0, 'Microsoft Security Response Center'), 'microsoft');
      assert.equal(idOf(a, 1, 'Microsoft Corp.'), 'microsoft');
      assert.equal(idOf(a, 1, 'Microsoft'), 'microsoft');
    });

    it('keeps two people with one surname apart', () => {
      const a = run('Lee Jae Myung met Lee Min-ji on Monday. Lee Min-ji said the talks went well.');
      assert.notEqual(idOf(a, 0, 'Lee Jae Myung'), idOf(a, 0, 'Lee Min-ji'));
    });
  });

  describe('across documents', () => {
    it('gives one id per entity, whatever the spelling', () => {
      const a = run(
        'Kang Jun-young met officials in the U.S. and the Northeast Asia desk.',
        'Kang Junyoung flew to the United States. The US embassy and America agreed.',
        'KANG JUN-YOUNG spoke.\nKang Jun-young spoke in the US.',
      );
      const kang = idOf(a, 0, 'Kang Jun-young');
      assert.equal(idOf(a, 1, 'Kang Junyoung'), kang);
      const us = idOf(a, 0, 'U.S.');
      assert.equal(us, 'united-states');
      assert.equal(idOf(a, 1, 'United States'), us);
      assert.equal(idOf(a, 1, 'US'), us);
      assert.equal(idOf(a, 1, 'America'), us);
    });

    it("links a team's own name to the one team of that name named with its place, in and across documents", () => {
      const a = run(
        'The New Orleans Saints beat the Kansas City Chiefs. The Saints scored first and the Chiefs lost the game.',
        'The Saints play on Sunday; the coach said the season was long and the points came late.',
      );
      const saints = idOf(a, 0, 'New Orleans Saints');
      assert.equal(idOf(a, 0, 'Saints'), saints);
      assert.equal(idOf(a, 0, 'Chiefs'), idOf(a, 0, 'Kansas City Chiefs'));
      assert.equal(idOf(a, 1, 'Saints'), saints);
    });

    it('gives a name guessed to be of another kind in one document the kind another document has evidence for', () => {
      const a = run('Flood hits town\n\nVELMSDORF - The river rose on Monday.', 'Aid reached several towns. Officials said Velmsdorf needs more pumps.');
      assert.equal(idOf(a, 1, 'Velmsdorf'), idOf(a, 0, 'VELMSDORF'));
    });

    it('gives a lone word guessed a person in some documents the other kind more documents give it', () => {
      const guess = (localId: string): LocalEntity => ({
        localId,
        kind: localId.startsWith('person') ? 'person' : 'organization',
        guessed: true,
        words: ['seacom'],
        forms: ['Seacom'],
        counts: [1],
      });
      const doc = (e: LocalEntity): DocumentNames => ({
        entities: [e],
        full: e.kind === 'person' ? [] : [0],
        lone: e.kind === 'person' ? [0] : [],
        spans: new Int32Array(0),
      });
      const company = doc(guess('organization:seacom'));
      const person = doc(guess('person:seacom'));
      const one = linkCorpus([company, company, person]);
      assert.equal(one.ids[2][0], one.ids[0][0]);
      assert.equal(one.kindOfId.get(one.ids[2][0]), 'organization');
      // as many documents guess it a person: two entities, as before
      const two = linkCorpus([company, person, person]);
      assert.notEqual(two.ids[1][0], two.ids[0][0]);
      assert.equal(two.kindOfId.get(two.ids[1][0]), 'person');
    });

    it('keeps a city and the team named after it apart when both rest on evidence', () => {
      const a = run(
        'Flooding closed roads in Evansville on Monday.',
        'Creighton beat Evansville 65-53 in the semifinal game. The coach praised the season and the points.',
      );
      assert.notEqual(idOf(a, 1, 'Evansville'), idOf(a, 0, 'Evansville'));
    });

    it("links an acronym of a long name's first words, and that acronym alone in another document", () => {
      const a = run(
        'The International Federation of Red Cross and Red Crescent Societies (IFRC) sent tents. The IFRC said more would come.',
        'Volunteers of the IFRC arrived on Monday.',
      );
      const ifrc = idOf(a, 0, 'International Federation of Red Cross and Red Crescent Societies');
      assert.equal(idOf(a, 0, 'IFRC'), ifrc);
      assert.equal(idOf(a, 1, 'IFRC'), ifrc);
    });

    it('follows chains of same-entity rules to their end: no mention is left without an id', () => {
      const a = run(
        'Pier shut\n\nMILLOM - The Millom Pier was closed on Monday after the storm.',
        'Floods hit Millom, Cumbria, on Monday.',
        'Officials said Millom needs more pumps.',
      );
      for (const d of a.documents) for (const m of d.mentions) if (m.kind !== 'date') assert.ok(m.entity, `${m.text} in ${d.path} has no id`);
      assert.equal(idOf(a, 2, 'Millom'), idOf(a, 1, 'Millom'));
    });

    it('links diacritics and case variants', () => {
      const a = run('Ségolène Royal spoke in Paris.', 'Segolene Royal answered.');
      assert.equal(idOf(a, 0, 'Ségolène Royal'), idOf(a, 1, 'Segolene Royal'));
    });

    it('gives a lone surname the full name of another document, and keeps different full names apart', () => {
      const a = run('Lee Min-ji, a student, met Park Ji-sung.', 'Lee said she was pleased.', 'Lee Jae Myung spoke. Lee Min-ji listened.');
      assert.equal(idOf(a, 1, 'Lee'), idOf(a, 0, 'Lee Min-ji'));
      assert.notEqual(idOf(a, 2, 'Lee Jae Myung'), idOf(a, 2, 'Lee Min-ji'));
    });

    it('gives a lone surname shared by several people the one whose documents share its entities, whatever the order (astral characters, CRLF)', () => {
      // Lee Jae Myung is in more documents; Lee Min-ji shares the documents of Park Ji-sung and Seoul
      const texts = [
        '🙂 Lee Min-ji met Park Ji-sung in Seoul.\r\n',
        'Lee Jae Myung spoke in Busan.',
        'Lee Jae Myung visited Daegu.\r\nLee Jae Myung left.',
        'Lee Jae Myung and Moon Jae-in met in Busan.',
        '𝒜 Park Ji-sung smiled in Seoul.\r\nLee said so. Moon agreed.',
        'In Busan, Lee spoke. Moon listened.',
      ];
      const a = run(...texts);
      assert.equal(idOf(a, 4, 'Lee'), idOf(a, 0, 'Lee Min-ji'));
      assert.equal(idOf(a, 5, 'Lee'), idOf(a, 1, 'Lee Jae Myung'));
      assert.notEqual(idOf(a, 0, 'Lee Min-ji'), idOf(a, 1, 'Lee Jae Myung'));
      a.documents.forEach((d, i) => d.mentions.forEach(m => assert.equal(texts[i].slice(m.start, m.end), m.text)));
    });

    it('makes ids readable, deterministic and unique per entity', () => {
      const texts = ['Georgia Smith visited Georgia.', 'Jordan Peele went to Jordan. Jordan said so.'];
      const a = run(...texts);
      const b = run(...texts);
      assert.deepEqual(a, b);
      const byId = new Map<string, Set<string>>();
      for (const d of a.documents)
        for (const m of d.mentions) {
          if (!m.entity) continue;
          assert.match(m.entity, /^[a-z0-9]+(?:-[a-z0-9]+)*$/);
          const kinds = byId.get(m.entity) ?? new Set();
          kinds.add(m.kind);
          byId.set(m.entity, kinds);
        }
      for (const e of a.entities) assert.ok(e.aliases.length >= 1 && e.name.length > 0);
      assert.equal(slug('Lee Jae-myung'), 'lee-jae-myung');
      assert.equal(slug('Ségolène Royal'), 'segolene-royal');
    });

    it('names an entity by its longest, most frequent form and lists every form seen', () => {
      const a = run('Xi Jinping arrived. Xi spoke.', 'Xi met reporters. Xi Jinping left.');
      const xi = a.entities.find(e => e.id === 'xi-jinping')!;
      assert.equal(xi.name, 'Xi Jinping');
      assert.deepEqual(xi.aliases, ['Xi', 'Xi Jinping']);
      assert.equal(xi.documents, 2);
      assert.equal(xi.mentions, 4);
    });

    it('keeps offsets right after a BOM-less text with emoji', () => {
      const text = '🙂🙂 Donald Trump met Kim Jong-un. 🙂 Trump left.';
      const a = run(text);
      for (const m of a.documents[0].mentions) assert.equal(text.slice(m.start, m.end), m.text);
      assert.equal(idOf(a, 0, 'Trump'), idOf(a, 0, 'Donald Trump'));
    });
  });
});
