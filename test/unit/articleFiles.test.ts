import { strict as assert } from 'node:assert';
import { isArticlePath } from '../../src/core';

describe('isArticlePath', () => {
  it('includes text and Markdown files at any depth', () => {
    assert.ok(isArticlePath('a.txt'));
    assert.ok(isArticlePath('korea/wire.article.md'));
  });

  it('leaves out sidecars, other files and junk folders', () => {
    assert.ok(!isArticlePath('a.txt.annotations.yaml'));
    assert.ok(!isArticlePath('a.json'));
    assert.ok(!isArticlePath('node_modules/x/readme.md'));
    assert.ok(!isArticlePath('.git/description.txt'));
  });

  it('honours custom globs', () => {
    assert.ok(isArticlePath('news/a.text', ['news/**/*.text'], []));
    assert.ok(!isArticlePath('drafts/a.txt', ['**/*.txt'], ['drafts/**']));
  });
});
