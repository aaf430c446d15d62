/**
 * Reading CoNLL-2003 files back (ours, ./conll.ts, or another tool's): documents split at
 * `-DOCSTART-` lines (a file without one is one document), sentences at blank lines, the token in
 * the first column and the tag in the last (2- to 4-column files alike; a line of one column is
 * tagged `O`). Tags: IOB2 and IOB1 (an `I-` that follows no chunk of its type starts one), and
 * IOBES/BILOU's `E-`/`L-` and `S-`/`U-`.
 *
 * CoNLL has no offsets and no document names: a document is the article whose text, without its
 * whitespace, is the document's tokens put together, and each token is then found right after the
 * previous one, past whitespace. Offsets produced are UTF-16 code units into the article's text.
 */

/** One token line: `line` is 1-based in the file. */
export interface ConllToken {
  token: string;
  tag: string;
  line: number;
}

/** One document of a CoNLL file. */
export interface ConllDocument {
  /** 1-based line of its `-DOCSTART-` (or of its first token). */
  line: number;
  sentences: ConllToken[][];
}

/** A chunk of tokens with one type, as UTF-16 offsets into the article's text. */
export interface ConllChunk {
  start: number;
  end: number;
  type: string;
}

const TAG = /^([BIESLU])-(.+)$/;

/** The documents of a CoNLL file (see the module comment). */
export function readConll(content: string): ConllDocument[] {
  const docs: ConllDocument[] = [];
  let doc: ConllDocument | undefined;
  let sentence: ConllToken[] = [];
  const endSentence = (): void => {
    if (sentence.length > 0) {
      if (!doc) {
        doc = { line: sentence[0].line, sentences: [] };
        docs.push(doc);
      }
      doc.sentences.push(sentence);
    }
    sentence = [];
  };
  content.split(/\r?\n/).forEach((line, i) => {
    if (line.startsWith('-DOCSTART-')) {
      endSentence();
      doc = { line: i + 1, sentences: [] };
      docs.push(doc);
    } else if (line.trim() === '') {
      endSentence();
    } else {
      const cols = line.trim().split(/[ \t]+/);
      sentence.push({ token: cols[0], tag: cols.length > 1 ? cols[cols.length - 1] : 'O', line: i + 1 });
    }
  });
  endSentence();
  return docs;
}

/** The document's text without whitespace: the key that finds its article (`squeezed(article)`). */
export function conllKey(doc: ConllDocument): string {
  return doc.sentences.map(s => s.map(t => t.token).join('')).join('');
}

/** `text` without whitespace, to compare with `conllKey`. */
export function squeezed(text: string): string {
  return text.replace(/\s+/gu, '');
}

/**
 * The chunks of `doc` over `text`, or undefined when the tokens do not follow the text (its
 * whitespace aside). Tags that are not IOB are read as `O` and counted in `badTags`.
 */
export function conllChunks(doc: ConllDocument, text: string, badTags: ConllToken[] = []): ConllChunk[] | undefined {
  const chunks: ConllChunk[] = [];
  let at = 0;
  let open: (ConllChunk & { closed: boolean }) | undefined;
  const close = (): void => {
    if (open) chunks.push({ start: open.start, end: open.end, type: open.type });
    open = undefined;
  };
  for (const t of doc.sentences.flat()) {
    while (at < text.length && /\s/u.test(text[at])) at++;
    if (!text.startsWith(t.token, at)) return undefined;
    const start = at,
      end = at + t.token.length;
    at = end;
    const m = TAG.exec(t.tag);
    if (!m) {
      if (t.tag !== 'O') badTags.push(t);
      close();
      continue;
    }
    const [, mark, type] = m;
    const continues = open && !open.closed && open.type === type && (mark === 'I' || mark === 'E' || mark === 'L');
    if (continues) open!.end = end;
    else {
      close();
      open = { start, end, type, closed: false };
    }
    if (mark === 'E' || mark === 'L' || mark === 'S' || mark === 'U') open!.closed = true;
  }
  close();
  while (at < text.length && /\s/u.test(text[at])) at++;
  return at === text.length ? chunks : undefined;
}
