import { parseDocument, type Document } from 'yaml';

/** Aliases beyond this count are refused, so a hostile file cannot expand exponentially (billion laughs). */
export const MAX_YAML_ALIASES = 50;

/** A problem in a YAML file, at a 0-based line and column of that file. */
export interface YamlProblem {
  message: string;
  line: number;
  column: number;
  severity: 'error' | 'warning';
}

/** Parses untrusted YAML keeping comments, with positions for every error. */
export function parseUntrustedYaml(text: string): { document: Document; problems: YamlProblem[] } {
  const document = parseDocument(text, { prettyErrors: true, uniqueKeys: true, keepSourceTokens: false });
  const problems: YamlProblem[] = [
    ...document.errors.map(e => problemOf(e, 'error' as const)),
    ...document.warnings.map(e => problemOf(e, 'warning' as const)),
  ];
  return { document, problems };
}

function problemOf(e: { message: string; linePos?: [{ line: number; col: number }, ...unknown[]] }, severity: 'error' | 'warning'): YamlProblem {
  const pos = e.linePos?.[0];
  return { message: e.message.split('\n')[0], line: pos ? pos.line - 1 : 0, column: pos ? pos.col - 1 : 0, severity };
}
