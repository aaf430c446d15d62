import * as vscode from 'vscode';
import type { SidecarProblem } from '../../core';

/** Problems found in a file Marginalia reads (sidecar, registry: 0-based YAML positions, UTF-16 columns) as diagnostics. */
export function toDiagnostics(problems: readonly SidecarProblem[]): vscode.Diagnostic[] {
  return problems.map(p => {
    const range = new vscode.Range(p.line, p.column, p.endLine ?? p.line, p.endColumn ?? p.column + 1);
    const d = new vscode.Diagnostic(range, p.message, p.severity === 'error' ? vscode.DiagnosticSeverity.Error : vscode.DiagnosticSeverity.Warning);
    d.source = 'Marginalia';
    return d;
  });
}
