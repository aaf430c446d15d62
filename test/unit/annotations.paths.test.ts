import { strict as assert } from 'node:assert';
import { articlePathFor, newAnnotationId, randomIdGenerator, sidecarPathFor } from '../../src/core/annotations';
import { sequentialIdGenerator } from '../fixtures/ids';

describe('annotations: sidecar paths', () => {
  it('names the sidecar beside the article and back', () => {
    assert.equal(sidecarPathFor('/ws/news/beijing.txt'), '/ws/news/beijing.txt.annotations.yaml');
    assert.equal(articlePathFor('/ws/news/beijing.txt.annotations.yaml'), '/ws/news/beijing.txt');
    assert.equal(articlePathFor('beijing.txt.annotations.yaml'), 'beijing.txt');
    assert.equal(articlePathFor('/ws/news/beijing.txt'), undefined);
    assert.equal(articlePathFor('/ws/news/.annotations.yaml'), undefined);
    assert.equal(articlePathFor('/ws/a.md.annotations.yml'), undefined);
  });
});

describe('annotations: ids', () => {
  it('generates 8-character ids starting with a letter', () => {
    const gen = randomIdGenerator();
    for (let i = 0; i < 200; i++) assert.match(gen(), /^[a-z][0-9a-z]{7}$/);
  });

  it('is injectable and deterministic with an injected random source', () => {
    const make = (): (() => number) => {
      let x = 0.1;
      return () => (x = (x * 9301 + 0.49297) % 1);
    };
    assert.equal(randomIdGenerator(make())(), randomIdGenerator(make())());
    const seq = sequentialIdGenerator('t');
    assert.deepEqual([seq(), seq()], ['t1', 't2']);
  });

  it('avoids ids already in the file', () => {
    const gen = sequentialIdGenerator('t');
    assert.equal(newAnnotationId(['t1', 't2'], gen), 't3');
    assert.equal(newAnnotationId(new Set(['t5']), sequentialIdGenerator('t')), 't1');
    assert.throws(() => newAnnotationId(['same'], () => 'same'), /taken/);
  });
});
