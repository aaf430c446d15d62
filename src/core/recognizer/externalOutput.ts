/**
 * An external recognizer (a command the user names: a spaCy script, a hosted model's client) gets
 * a document's text on stdin (UTF-8, exactly the text: CRLF and all) and prints JSON Lines, one
 * span per line: `{"start", "end", "label", "text"?, "source"?}`. Offsets are code points (Python
 * string indices), unless the line says `"offsets": "utf16"`; they are converted here to UTF-16
 * code units. A span's `text`, when given, must be the document's text there. Its spans become
 * suggestions (merged with `defaultStatus: 'suggested'`: a span a reviewer already decided keeps its
 * status) with `source` `recognizer:<source>` (or `recognizer`).
 *
 * Output that is not that (a line that is not a JSON object, a span off the text) fails the whole
 * run with a message naming the line: a recognizer printing garbage adds nothing.
 * Running the command is the host's job (src/node/runRecognizer.ts); limits are here.
 */
import { targetFor } from '../annotations/anchoring';
import { labelForType, DEFAULT_LABELS } from '../export/labels';
import { OffsetMap } from '../export/offsets';
import type { ImportedAnnotation } from '../export/types';

/** Bounds on one run. */
export const RECOGNIZER_LIMITS = {
  /** Default time limit of one run, in milliseconds (the extension's setting overrides it). */
  timeoutMs: 30_000,
  /** Bytes of stdout read before the run is stopped and failed. */
  maxOutputBytes: 8 * 1024 * 1024,
  /** Bytes of stderr kept for the error message (its end). */
  maxErrorBytes: 4 * 1024,
} as const;

/** What a run of the recognizer failed with, for the user. */
export class RecognizerError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RecognizerError';
  }
}

/** Prefix of the `source` of suggestions from an external recognizer. */
export const RECOGNIZER_SOURCE = 'recognizer';

/**
 * The suggestions in a recognizer's `output` for `text`, or a `RecognizerError` naming the first
 * bad line. `labels` maps type names (PERSON, GPE...) to labels as imports do.
 */
export function parseRecognizerOutput(output: string, text: string, labels: readonly string[] = DEFAULT_LABELS): ImportedAnnotation[] {
  const map = new OffsetMap(text);
  const out: ImportedAnnotation[] = [];
  output.split('\n').forEach((raw, i) => {
    if (raw.trim() === '') return;
    const bad = (why: string): RecognizerError =>
      new RecognizerError(`output line ${i + 1} ${why}: ${JSON.stringify(raw.length > 80 ? `${raw.slice(0, 80)}...` : raw)}`);
    let span: Record<string, unknown>;
    try {
      const v: unknown = JSON.parse(raw);
      if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new Error();
      span = v as Record<string, unknown>;
    } catch {
      throw bad('is not a JSON object');
    }
    const utf16 = span.offsets === 'utf16';
    const { start, end, label } = span;
    const limit = utf16 ? text.length : map.codePointLength;
    if (
      !Number.isSafeInteger(start) ||
      !Number.isSafeInteger(end) ||
      (start as number) < 0 ||
      (start as number) >= (end as number) ||
      (end as number) > limit
    ) {
      throw bad(`has no span of the text (start and end: ${utf16 ? 'UTF-16 code units' : 'code points'}, 0 <= start < end <= ${limit})`);
    }
    if (typeof label !== 'string' || label.trim() === '') throw bad('has no label');
    const from = utf16 ? (start as number) : map.toUtf16(start as number);
    const to = utf16 ? (end as number) : map.toUtf16(end as number);
    if (typeof span.text === 'string' && span.text !== text.slice(from, to)) {
      throw bad(`says "${span.text}" where the text has "${text.slice(from, to)}" (offsets are ${utf16 ? 'UTF-16 code units' : 'code points'})`);
    }
    const name = typeof span.source === 'string' && span.source.trim() !== '' ? `${RECOGNIZER_SOURCE}:${span.source.trim()}` : RECOGNIZER_SOURCE;
    out.push({
      target: targetFor(text, from, to),
      label: labelForType(
        label,
        labels,
        l => l,
        t => t,
      ),
      source: name,
    });
  });
  return out;
}
