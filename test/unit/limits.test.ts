// Long texts: recognized in pieces with offsets into the whole text, and only up to a limit, with a
// warning. The texts are made here, a few megabytes each, and never written to disk.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../../src/core/analyze';
import { CorpusIndex } from '../../src/core/corpus/corpusIndex';
import { recognizeDates } from '../../src/core/dates/recognizeDates';
import { findNamesInPieces, limitWarning, MAX_ANALYZED_CHARS, PIECE_CHARS, pieceEnds, recognizeDatesInPieces } from '../../src/core/limits';
import { IdSpace, linkCorpus } from '../../src/core/linking/linkCorpus';
import type { DocumentNames, LocalEntity } from '../../src/core/linking/linkDocument';
import { findNamesDetailed } from '../../src/core/names/recognizeNames';
import type { Mention } from '../../src/core/types';
import { tempFolders } from '../fixtures/tempFolders';

/** News paragraphs with CRLF line ends and astral characters (emoji, a flag) before names, to `length` characters. */
function longText(length: number): string {
  const parts: string[] = [];
  let n = 0;
  for (let i = 0; n < length; i++) {
    const p =
      `😀 Lee Jae-myung met Xi Jinping in Beijing on Monday, January 5, 2026.\r\n` +
      `🇰🇷 Kim Min-jun${i % 50} of the Foreign Ministry said Samsung Electronics would open a plant in Busan next month.\r\n\r\n`;
    parts.push(p);
    n += p.length;
  }
  return parts.join('');
}

/** What each piece gives by itself, its offsets moved to where the piece starts. */
function perPiece<T extends { start: number; end: number }>(text: string, recognize: (piece: string) => T[]): T[] {
  const out: T[] = [];
  let start = 0;
  for (const end of pieceEnds(text)) {
    for (const s of recognize(text.slice(start, end))) out.push({ ...s, start: s.start + start, end: s.end + start });
    start = end;
  }
  return out;
}

const spanOf = (m: Mention) => ({ start: m.start, end: m.end, text: m.text, kind: m.kind, value: m.value });

describe('long texts', () => {
  const text = longText(MAX_ANALYZED_CHARS - 1000);

  it('cuts pieces after a blank line, never inside a surrogate pair or a CRLF', () => {
    const ends = pieceEnds(text);
    assert.ok(ends.length >= 2);
    assert.equal(ends[ends.length - 1], text.length);
    for (const end of ends.slice(0, -1)) assert.equal(text.slice(end - 4, end), '\r\n\r\n');
    // no blank line: after a line end; no line end: after a space; no space: anywhere but inside a pair
    const cuts = (s: string): number[] => {
      const all = pieceEnds(s);
      assert.ok(all.length >= 2, `${s.slice(0, 12)}... is not cut`);
      return all;
    };
    const lines = 'Seoul said.\r\n'.repeat(PIECE_CHARS / 10);
    for (const end of cuts(lines).slice(0, -1)) assert.equal(lines.slice(end - 2, end), '\r\n');
    const words = 'Seoul '.repeat(PIECE_CHARS / 3);
    for (const end of cuts(words).slice(0, -1)) assert.equal(words[end - 1], ' ');
    const emoji = 'x😀'.repeat(PIECE_CHARS);
    for (const end of cuts(emoji)) assert.ok(emoji.codePointAt(end - 1)! <= 0xffff, `cut at ${end} splits a pair`);
  });

  it('recognizes each piece by itself, with offsets into the whole text', () => {
    const names = findNamesInPieces(text).names;
    assert.ok(names.length > 10_000);
    assert.deepEqual(
      names,
      perPiece(text, piece => findNamesDetailed(piece).names),
    );
    const dates = recognizeDatesInPieces(text, '2026-01-05');
    assert.ok(dates.length > 1000);
    assert.deepEqual(
      dates,
      perPiece(text, piece => recognizeDates(piece, '2026-01-05')),
    );
    for (const c of names) assert.equal(text.slice(c.start, c.end), c.text);
  });

  it('analyzes a long text as its pieces give it, without a warning', () => {
    const [doc] = analyze([{ path: 'long.txt', text }], { defaultDct: '2026-01-05' }).documents;
    assert.ok(!('warnings' in doc));
    const expected = perPiece(text, piece => analyze([{ path: 'piece.txt', text: piece }], { defaultDct: '2026-01-05' }).documents[0].mentions);
    assert.ok(doc.mentions.length > 10_000);
    assert.deepEqual(doc.mentions.map(spanOf), expected.map(spanOf));
    for (const m of doc.mentions) assert.equal(text.slice(m.start, m.end), m.text);
  });

  it('analyzes a text longer than the limit up to a line end, and says so', () => {
    const tooLong = longText(MAX_ANALYZED_CHARS + 1000);
    const analyzed = pieceEnds(tooLong).pop()!;
    assert.ok(analyzed <= MAX_ANALYZED_CHARS && analyzed > MAX_ANALYZED_CHARS - PIECE_CHARS);
    assert.equal(tooLong[analyzed - 1], '\n');
    const warning = limitWarning(tooLong);
    assert.match(warning ?? '', new RegExp(`only the first ${analyzed.toLocaleString('en')} of ${tooLong.length.toLocaleString('en')} characters`));
    assert.equal(limitWarning(tooLong.slice(0, analyzed)), undefined);

    const [doc] = analyze([{ path: 'long.txt', text: tooLong }]).documents;
    assert.deepEqual(doc.warnings, [warning]);
    const [prefix] = analyze([{ path: 'long.txt', text: tooLong.slice(0, analyzed) }]).documents;
    assert.deepEqual(doc.mentions, prefix.mentions);

    const index = new CorpusIndex();
    index.setDocument({ path: 'long.txt', text: tooLong });
    assert.deepEqual(index.analyzed('long.txt')?.warnings, [warning]);
  });
});

describe('marginalia analyze on a long file (built CLI)', () => {
  const CLI = join(__dirname, '..', '..', 'dist', 'cli.js');
  const tempFolder = tempFolders('marginalia-long-');

  it('prints every document, names the long one on stderr and exits 1', () => {
    if (!existsSync(CLI)) throw new Error('dist/cli.js is missing: npm run build first');
    const dir = tempFolder();
    writeFileSync(join(dir, 'long.txt'), longText(MAX_ANALYZED_CHARS + 1000));
    writeFileSync(join(dir, 'short.txt'), 'Lee Jae-myung met Xi Jinping in Beijing.\n');
    const run = spawnSync(process.execPath, [CLI, 'analyze', '--format', 'json', dir], { encoding: 'utf8', maxBuffer: 1 << 28 });
    assert.equal(run.status, 1);
    assert.match(run.stderr, /long\.txt: too long: only the first [\d,]+ of [\d,]+ characters were analyzed/);
    const [long, short] = JSON.parse(run.stdout).documents;
    assert.equal(long.warnings.length, 1);
    assert.ok(!('warnings' in short));
    assert.ok(short.mentions.length >= 3);
  });
});

describe('linking bounds', () => {
  it('numbers ids of names with the same slug as counting from 2 would', () => {
    const ids = new IdSpace(new Set(['lee']));
    const given = ['Ли', 'Пак', 'Entity Person 3', 'Ким', 'Чон', 'Lee', 'Lee'].map(n => ids.unique(n, 'person'));
    assert.deepEqual(given, ['entity', 'entity-person', 'entity-person-3', 'entity-person-2', 'entity-person-4', 'lee-person', 'lee-person-2']);
  });

  it('gives a lone family name in a document with very many entities to the person in the most documents', () => {
    const entity = (localId: string, words: string[], form: string): LocalEntity => ({
      localId,
      kind: localId.startsWith('person') ? 'person' : 'organization',
      words,
      forms: [form],
      counts: [1],
    });
    const doc = (entities: LocalEntity[], lone: string[] = []): DocumentNames => ({
      entities,
      full: entities.flatMap((e, i) => (lone.includes(e.localId) ? [] : [i])),
      lone: entities.flatMap((e, i) => (lone.includes(e.localId) ? [i] : [])),
      spans: new Int32Array(0),
    });
    const senate = entity('organization:senate', ['senate'], 'Senate');
    const harry = entity('person:harryreid', ['harry', 'reid'], 'Harry Reid');
    const tom = entity('person:tomreid', ['tom', 'reid'], 'Tom Reid');
    const reid = entity('person:reid', ['reid'], 'Reid');
    const many = Array.from({ length: 10_000 }, (_, i) => entity(`organization:org${i}`, [`org${i}`], `Org${i}`));
    const corpus = [doc([harry, senate]), doc([tom]), doc([tom]), doc([reid, senate], ['person:reid']), doc([reid, senate, ...many], ['person:reid'])];
    const { ids } = linkCorpus(corpus);
    assert.equal(ids[3][0], 'harry-reid'); // shares the Senate with Harry Reid's document
    assert.equal(ids[4][0], 'tom-reid'); // too many entities to count what it shares
  });
});
