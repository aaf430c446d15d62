import { strict as assert } from 'node:assert';
import { documentOwnDate } from '../../src/core/publicationDate';

describe('documentOwnDate', () => {
  it('reads YAML front matter date, with LF or CRLF, quoted or with a time', () => {
    assert.equal(documentOwnDate('---\ntitle: X\ndate: 2026-01-04\n---\nBody'), '2026-01-04');
    assert.equal(documentOwnDate('---\r\ntitle: X\r\ndate: "2026-01-04T10:00:00Z"\r\n---\r\nBody'), '2026-01-04');
    assert.equal(documentOwnDate('---\ntitle: X\n---\nDate: 2026-01-04'), null); // only the front matter counts then
  });

  it('reads labelled header lines in the first lines', () => {
    assert.equal(documentOwnDate('Headline\nDate: Jan. 4, 2026\n'), '2026-01-04');
    assert.equal(documentOwnDate('date 2026-01-05\n'), '2026-01-05');
    assert.equal(documentOwnDate('Date:2026-01-05\n'), '2026-01-05');
    assert.equal(documentOwnDate('Headline\r\nPublished: 5 January 2026\r\n\r\nText'), '2026-01-05');
    assert.equal(documentOwnDate('Headline\nPosted on Monday, January 5, 2026\n'), '2026-01-05');
  });

  it('needs a full date and a label', () => {
    assert.equal(documentOwnDate('No date here.\nJanuary 4, 2026 came.'), null);
    assert.equal(documentOwnDate('Headline\nFriday, July 21, 2017\nText'), null);
    assert.equal(documentOwnDate('Date: January 2026\n'), null);
  });
});
