/**
 * `--recognizer CMD`: an external recognizer run on each document (src/node/runRecognizer.ts), its
 * spans given beside Marginalia's own mentions as `suggestions` (docs/contracts.md).
 */
import { parseRecognizerOutput, RecognizerError, type Analysis, type AnalyzedDocument, type CorpusProblem } from '../core';
import { runRecognizer } from '../node/runRecognizer';
import { UsageError } from './host';

/** One suggestion in `analyze` output: UTF-16 offsets, like `mentions`. */
export interface Suggestion {
  start: number;
  end: number;
  text: string;
  label: string;
  source: string;
}

export const RECOGNIZER_OPTIONS = {
  recognizer: { type: 'string' },
  'recognizer-timeout': { type: 'string' },
} as const;

/** The time limit of `--recognizer-timeout SECONDS`, in milliseconds (undefined: the default). */
export function recognizerTimeout(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const seconds = Number(value);
  if (!(seconds > 0 && seconds <= 3600)) throw new UsageError('--recognizer-timeout must be a number of seconds, more than 0 and at most 3600');
  return seconds * 1000;
}

/**
 * The documents of `analysis` with the recognizer's suggestions, in order; a document on which the
 * recognizer failed has none, and a problem naming it and why.
 */
export async function withSuggestions(
  analysis: Analysis,
  texts: ReadonlyMap<string, string>,
  command: string,
  timeoutMs: number | undefined,
  problems: CorpusProblem[],
): Promise<(AnalyzedDocument & { suggestions?: Suggestion[] })[]> {
  const out: (AnalyzedDocument & { suggestions?: Suggestion[] })[] = [];
  for (const doc of analysis.documents) {
    const text = texts.get(doc.path) ?? '';
    try {
      const spans = parseRecognizerOutput(await runRecognizer(command, text, { timeoutMs }), text);
      const suggestions = spans.map(s => ({ start: s.target.start, end: s.target.end, text: s.target.quote, label: s.label, source: s.source! }));
      out.push({ ...doc, suggestions });
    } catch (e) {
      if (!(e instanceof RecognizerError)) throw e;
      problems.push({ path: doc.path, message: `recognizer: ${e.message}; no suggestions` });
      out.push(doc);
    }
  }
  return out;
}
