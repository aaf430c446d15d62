/**
 * CoNLL-2003-style IOB2 export (the reader that aligns tokens back onto the text: ./conllRead.ts).
 *
 * One file, `annotations.conll`, four space-separated columns as in CoNLL-2003
 * (`token -X- _ TAG`); each document starts with `-DOCSTART- -X- -X- O` and a blank line, and
 * sentences are separated by a blank line. Documents come in input order (the format has no
 * place for their paths). Tags: IOB2 (`B-` on the first token of every span, `I-` on the others,
 * `O` outside); types: person → PER, organization → ORG, place → LOC, any other label upper-cased
 * with characters other than letters, digits, `_` and `.` replaced by `_` (`date` → DATE,
 * `claim` → CLAIM).
 *
 * Tokens: runs of letters, marks and digits (with inner apostrophes or hyphens, and numbers with
 * inner `.`, `,`, `:` or `/`), initialisms such as `U.S.`, common abbreviations with their period
 * (`Mr.`, `Jan.`), and any other single non-space character. The text is cut at every span
 * boundary first, so every span is a whole number of tokens. Sentences end at a line break, or
 * after `.`, `!` or `?` (and closing quotes or brackets) followed by a token starting with an
 * upper-case letter, a digit or an opening quote, but never inside a span.
 *
 * Spans cannot overlap in IOB: spans are trimmed of whitespace at their ends, then of overlapping
 * spans the longer (then the earlier; then an entity kind over another label; then the label first
 * in code-unit order) is kept and the
 * others are reported.
 */
import { MENTION_KINDS } from '../types';
import { DEFAULT_LABELS, labelForType } from './labels';
import { spanRef } from './select';
import type { ExportDocument, ExportedFile, ExportProblem, ExportSpan } from './types';

export const CONLL_FILE = 'annotations.conll';
export const DOCSTART = '-DOCSTART- -X- -X- O';

const TYPES: Record<string, string> = { person: 'PER', organization: 'ORG', place: 'LOC' };

/** The CoNLL entity type of a label (see the module comment). */
export function conllType(label: string): string {
  return TYPES[label] ?? (label.toUpperCase().replace(/[^\p{L}\p{N}_.]/gu, '_') || 'MISC');
}

/** The label of a CoNLL type: a configured label written as `type`, PER/ORG/LOC/GPE/DATE to the kinds, others lower-cased. */
export function labelForConllType(type: string, labels: readonly string[] = DEFAULT_LABELS): string {
  return labelForType(type, labels, conllType, t => t.toLowerCase());
}

const ABBREVIATIONS = new Set([
  'Mr',
  'Mrs',
  'Ms',
  'Dr',
  'Prof',
  'St',
  'Jr',
  'Sr',
  'Gen',
  'Sen',
  'Rep',
  'Gov',
  'Lt',
  'Col',
  'Capt',
  'Sgt',
  'Maj',
  'Adm',
  'Rev',
  'Inc',
  'Corp',
  'Co',
  'Ltd',
  'No',
  'vs',
  'etc',
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'Aug',
  'Sept',
  'Sep',
  'Oct',
  'Nov',
  'Dec',
  'Mt',
  'Ft',
]);

const TOKEN = new RegExp(
  [
    String.raw`(?:\p{L}\.){2,}`, // initialisms: U.S., e.g.
    String.raw`\p{N}+(?:[.,:/]\p{N}+)*`, // numbers: 1,000 3.5 10:30 2026/01/05
    String.raw`[\p{L}\p{M}\p{N}]+(?:['’-][\p{L}\p{M}\p{N}]+)*\.?`, // words (a trailing period is kept only for abbreviations)
    String.raw`\S`,
  ].join('|'),
  'gu',
);

/** A token: UTF-16 offsets into the text. */
export interface Token {
  start: number;
  end: number;
  text: string;
}

/** Tokens of `text[from, to)` (see the module comment). */
export function tokenize(text: string, from = 0, to = text.length): Token[] {
  const out: Token[] = [];
  const part = text.slice(from, to);
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(part); m; m = TOKEN.exec(part)) {
    let t = m[0];
    if (t.length > 1 && t.endsWith('.') && !/^(?:\p{L}\.){2,}$/u.test(t) && !ABBREVIATIONS.has(t.slice(0, -1))) {
      t = t.slice(0, -1);
      TOKEN.lastIndex = m.index + t.length;
    }
    out.push({ start: from + m.index, end: from + m.index + t.length, text: t });
  }
  return out;
}

/** Of overlapping spans, those kept for IOB (see the module comment); the others go to `dropped`. */
export function nonOverlapping<T extends { start: number; end: number; label: string }>(spans: readonly T[], dropped: T[] = []): T[] {
  const rank = (s: T): number => ((MENTION_KINDS as readonly string[]).includes(s.label) ? 0 : 1);
  const order = [...spans].sort(
    (a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start || rank(a) - rank(b) || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0),
  );
  const kept: T[] = [];
  for (const s of order) {
    if (s.end <= s.start || kept.some(k => k.start < s.end && s.start < k.end)) dropped.push(s);
    else kept.push(s);
  }
  return kept.sort((a, b) => a.start - b.start);
}

/** The sentences of one document: tokens with their IOB2 tags. */
export function conllSentences(text: string, spans: readonly { start: number; end: number; label: string }[]): { token: Token; tag: string }[][] {
  const tagged: { token: Token; tag: string; span: number }[] = [];
  let at = 0;
  spans.forEach((s, i) => {
    for (const token of tokenize(text, at, s.start)) tagged.push({ token, tag: 'O', span: -1 });
    tokenize(text, s.start, s.end).forEach((token, j) => tagged.push({ token, tag: `${j === 0 ? 'B' : 'I'}-${conllType(s.label)}`, span: i }));
    at = s.end;
  });
  for (const token of tokenize(text, at)) tagged.push({ token, tag: 'O', span: -1 });

  const sentences: { token: Token; tag: string }[][] = [];
  let current: { token: Token; tag: string }[] = [];
  let endedAt = -1; // index in current after which a sentence-final punctuation run ended
  for (let i = 0; i < tagged.length; i++) {
    const t = tagged[i];
    const prev = tagged[i - 1];
    if (prev && !(prev.span >= 0 && prev.span === t.span)) {
      const gap = text.slice(prev.token.end, t.token.start);
      const lineBreak = /[\r\n\u2028\u2029\u0085]/.test(gap);
      const afterStop = endedAt === current.length - 1 && gap !== '' && /^[\p{Lu}\p{N}"“‘'([]/u.test(t.token.text);
      if (lineBreak || afterStop) {
        sentences.push(current);
        current = [];
        endedAt = -1;
      }
    }
    current.push({ token: t.token, tag: t.tag });
    if (/^[.!?]$/.test(t.token.text) || (endedAt === current.length - 2 && /^["”’')\]]$/.test(t.token.text))) endedAt = current.length - 1;
  }
  if (current.length > 0) sentences.push(current);
  return sentences;
}

export class ConllWriter {
  private readonly parts: string[] = [];
  private count = 0;

  document(doc: ExportDocument, spans: readonly ExportSpan[], problems: ExportProblem[]): void {
    // Whitespace at the ends of a span holds no token: trim it before judging overlaps.
    const trimmed: (ExportSpan & { span: ExportSpan })[] = [];
    for (const s of spans) {
      let start = s.start,
        end = s.end;
      while (start < end && /\s/.test(doc.text[start])) start++;
      while (end > start && /\s/.test(doc.text[end - 1])) end--;
      if (start < end) trimmed.push({ ...s, start, end, span: s });
      else problems.push({ path: doc.path, annotation: spanRef(s), message: 'CoNLL: span without any token left out' });
    }
    const dropped: (ExportSpan & { span: ExportSpan })[] = [];
    const kept = nonOverlapping(trimmed, dropped);
    for (const s of dropped) problems.push({ path: doc.path, annotation: spanRef(s.span), message: 'CoNLL: overlaps a longer span; left out' });
    this.count += kept.length;
    const lines = [DOCSTART, ''];
    for (const sentence of conllSentences(doc.text, kept)) {
      for (const { token, tag } of sentence) lines.push(`${token.text} -X- _ ${tag}`);
      lines.push('');
    }
    this.parts.push(lines.join('\n') + '\n');
  }

  finish(): ExportedFile[] {
    return [{ path: CONLL_FILE, content: this.parts.join('') }];
  }

  get spans(): number {
    return this.count;
  }
}
