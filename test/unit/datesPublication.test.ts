import { strict as assert } from 'node:assert';
import { documentDateline, documentOwnDate } from '../../src/core/publicationDate';

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

describe('documentDateline', () => {
  it('reads an unlabelled full date standing on one of the first lines', () => {
    assert.equal(documentDateline('Afghan team honored\nFriday, July 21, 2017\nA group of...'), '2017-07-21');
    assert.equal(documentDateline('Headline\r\n\r\nDecember 15th , 2008 , 7 : 35 am\r\nText'), '2008-12-15');
    assert.equal(documentDateline('Headline\nThursday, May 7, 2015 On Tuesday, the government said'), '2015-05-07');
    assert.equal(documentDateline('---\ntitle: X\n---\nHeadline\n5 January 2026\n'), '2026-01-05');
  });

  it('ignores dates inside sentences, partial dates and later lines', () => {
    assert.equal(documentDateline('No date here.\nJanuary 4, 2026 came.'), null);
    assert.equal(documentDateline('Headline\nJuly 2017\n'), null);
    assert.equal(documentDateline('Headline\nFriday, July 21\n'), null);
    assert.equal(documentDateline('One\nTwo\nThree\nFriday, July 21, 2017\n'), null);
  });
});
