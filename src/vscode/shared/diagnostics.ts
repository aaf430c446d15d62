import * as vscode from 'vscode';

/** A problem found in a file Marginalia reads (YAML position, 0-based; columns in UTF-16 code units). */
export interface FileProblem {
  message: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  severity: 'error' | 'warning';
}

/** Problems as diagnostics of the Marginalia source. */
export function toDiagnostics(problems: readonly FileProblem[]): vscode.Diagnostic[] {
  return problems.map(p => {
    const range = new vscode.Range(p.line, p.column, p.endLine ?? p.line, p.endColumn ?? p.column + 1);
    const d = new vscode.Diagnostic(range, p.message, p.severity === 'error' ? vscode.DiagnosticSeverity.Error : vscode.DiagnosticSeverity.Warning);
    d.source = 'Marginalia';
    return d;
  });
}
