import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { mergeImported, parseRecognizerOutput, RecognizerError, targetFor } from '../../src/core';
import { runRecognizer } from '../../src/node/runRecognizer';

const FAKES = join(__dirname, '..', 'fixtures', 'recognizers');
const fake = (name: string): string => `"${process.execPath}" "${join(FAKES, `${name}.mjs`)}"`;
const CLI = join(__dirname, '..', '..', 'dist', 'cli.js');
const TEXT = '😀 𠀀\r\nWi Sung-lac met reporters in Seoul.\r\n';

/** Runs `work` while counting event-loop turns: the caller's thread stays free while a recognizer runs. */
async function countingTurns<T>(work: () => Promise<T>): Promise<{ result: T | Error; turns: number }> {
  let turns = 0;
  const timer = setInterval(() => turns++, 10);
  try {
    return { result: await work().catch((e: Error) => e), turns };
  } finally {
    clearInterval(timer);
  }
}

describe('external recognizer: its output', () => {
  it('reads code points (Python indices) by default, UTF-16 when a line says so, after astral characters and CRLF', () => {
    const spans = parseRecognizerOutput(
      [
        JSON.stringify({ start: 5, end: 16, label: 'PERSON', text: 'Wi Sung-lac', source: 'spacy' }),
        '',
        JSON.stringify({ start: 36, end: 41, label: 'GPE', offsets: 'utf16' }),
      ].join('\n'),
      TEXT,
    );
    assert.deepEqual(
      spans.map(s => [s.target.start, s.target.quote, s.label, s.source]),
      [
        [7, 'Wi Sung-lac', 'person', 'recognizer:spacy'],
        [36, 'Seoul', 'place', 'recognizer'],
      ],
    );
  });

  it('fails the whole run on a line that is not a span of the text, naming the line and the offset unit', () => {
    const bad = (output: string): string => {
      try {
        parseRecognizerOutput(output, TEXT);
      } catch (e) {
        assert.ok(e instanceof RecognizerError);
        return e.message;
      }
      throw new Error('no error');
    };
    assert.match(bad('{"start": 0, "end": 1, "label": "X"}\nTraceback (most recent call last):'), /^output line 2 is not a JSON object: "Traceback/);
    assert.match(bad('{"start": 0, "end": 99, "label": "X"}'), /^output line 1 has no span of the text \(start and end: code points, 0 <= start < end <= 42\)/);
    assert.match(bad('{"start": 0, "end": 2}'), /^output line 1 has no label/);
    assert.match(
      bad('{"start": 6, "end": 17, "label": "PER", "text": "Wi Sung-lac"}'),
      /says "Wi Sung-lac" where the text has "i Sung-lac " \(offsets are code points\)/,
    );
  });

  it("adds suggestions next to the reviewer's annotations: a decided span keeps its status, twice adds nothing", () => {
    const confirmed = { id: 'a1', target: targetFor(TEXT, 36, 41), label: 'place', status: 'confirmed' as const, thread: [] };
    const spans = parseRecognizerOutput(
      `${JSON.stringify({ start: 5, end: 16, label: 'PERSON' })}\n${JSON.stringify({ start: 34, end: 39, label: 'GPE' })}\n`,
      TEXT,
    );
    const once = mergeImported([confirmed], spans, { defaultStatus: 'suggested' });
    assert.deepEqual(
      once.annotations.map(a => [a.target.quote, a.status, a.source]),
      [
        ['Wi Sung-lac', 'suggested', 'recognizer'],
        ['Seoul', 'confirmed', undefined],
      ],
    );
    assert.deepEqual(mergeImported(once.annotations, spans, { defaultStatus: 'suggested' }).added, []);
  });
});

describe('external recognizer: running the command', function () {
  this.timeout(60_000);

  it('runs a good recognizer with the text on stdin, byte for byte', async () => {
    const spans = parseRecognizerOutput(await runRecognizer(fake('good'), TEXT), TEXT);
    assert.deepEqual(
      spans.map(s => [s.target.quote, s.label, s.source]),
      [
        ['Wi Sung-lac', 'person', 'recognizer:fake'],
        ['Seoul', 'place', 'recognizer:fake'],
      ],
    );
  });

  it("stops one that hangs at the time limit, the caller's thread free meanwhile", async () => {
    const { result, turns } = await countingTurns(() => runRecognizer(fake('hang'), TEXT, { timeoutMs: 1000 }));
    assert.ok(result instanceof RecognizerError);
    assert.equal(result.message, 'gave no answer within 1 s; stopped');
    assert.ok(turns > 0, 'the event loop ran while the recognizer hung');
  });

  it('says why one exits non-zero, stops one that floods, refuses garbage, and can be cancelled', async () => {
    await assert.rejects(runRecognizer(fake('fail'), TEXT), { message: "exited with status 3: OSError: [E050] Can't find model 'en_core_web_sm'" });
    await assert.rejects(runRecognizer(fake('flood'), TEXT, { maxOutputBytes: 65536 }), { message: 'printed more than 65,536 bytes; stopped' });
    await assert.rejects(runRecognizer('printf "\\377\\376"', TEXT), { message: 'printed bytes that are not UTF-8' });
    await assert.rejects(runRecognizer('no-such-recognizer-command-here', TEXT), /exited with status 127: .*not found/);
    const garbage = await runRecognizer(fake('garbage'), TEXT);
    assert.throws(() => parseRecognizerOutput(garbage, TEXT), /output line 2 is not a JSON object/);
    const abort = new AbortController();
    const run = runRecognizer(fake('hang'), TEXT, { signal: abort.signal });
    setTimeout(() => abort.abort(), 200);
    await assert.rejects(run, { message: 'cancelled' });
  });
});

describe('marginalia analyze --recognizer', function () {
  this.timeout(60_000);
  const samples = join(__dirname, '..', '..', 'samples', 'korea-china', 'wire-wi-sung-lac-briefing.article.txt');

  it("gives the recognizer's spans as suggestions beside the mentions; a failing one is named and exit status 1", () => {
    const good = spawnSync(process.execPath, [CLI, 'analyze', '--format', 'json', '--recognizer', fake('good'), samples], { encoding: 'utf8' });
    assert.equal(good.status, 0, good.stderr);
    const [doc] = JSON.parse(good.stdout).documents;
    assert.ok(doc.mentions.length > 0);
    assert.ok(doc.suggestions.length > 0);
    for (const s of doc.suggestions) assert.equal(s.source, 'recognizer:fake');
    assert.ok(doc.suggestions.some((s: { text: string }) => s.text === 'Wi Sung-lac'));
    for (const [name, why, seconds] of [
      ['hang', 'gave no answer within 1 s; stopped', '1'],
      ['garbage', 'output line 2 is not a JSON object', '30'],
      ['fail', 'exited with status 3', '30'],
    ]) {
      const run = spawnSync(process.execPath, [CLI, 'analyze', '--format', 'json', '--recognizer', fake(name), '--recognizer-timeout', seconds, samples], {
        encoding: 'utf8',
      });
      assert.equal(run.status, 1, name);
      assert.ok(run.stderr.includes(`recognizer: ${why}`), run.stderr);
      const [failed] = JSON.parse(run.stdout).documents;
      assert.deepEqual([failed.mentions, failed.suggestions], [doc.mentions, undefined], 'its own mentions are all there');
    }
    const usage = spawnSync(process.execPath, [CLI, 'analyze', '--recognizer-timeout', '5', samples], { encoding: 'utf8' });
    assert.equal(usage.status, 2);
  });
});

describe('the spaCy recognizer of the docs (scripts/spacy_recognizer.py)', function () {
  this.timeout(60_000);

  it('reads CRLF and astral text as bytes and gives code points Marginalia reads back (spaCy stood in by test/fixtures/recognizers/fake-spacy)', async () => {
    const script = join(__dirname, '..', '..', 'scripts', 'spacy_recognizer.py');
    const command = `PYTHONPATH="${join(FAKES, 'fake-spacy')}" python3 "${script}"`;
    const spans = parseRecognizerOutput(await runRecognizer(command, TEXT), TEXT);
    assert.deepEqual(
      spans.map(s => [s.target.start, s.target.quote, s.label, s.source]),
      [
        [7, 'Wi Sung-lac', 'person', 'recognizer:spacy:en_core_web_sm'],
        [36, 'Seoul', 'place', 'recognizer:spacy:en_core_web_sm'],
      ],
    );
  });
});
