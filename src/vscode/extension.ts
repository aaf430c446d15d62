import * as vscode from 'vscode';
import { registerDecorations } from './decorations';
import { DocumentAnalysis } from './documentAnalysis';
import { registerReindexCommand } from './reindexCommand';

/** Composition root: every feature registers itself and returns its Disposable. */
export function activate(context: vscode.ExtensionContext): void {
  const analysis = new DocumentAnalysis();
  context.subscriptions.push(analysis, registerDecorations(analysis), registerReindexCommand());
}

export function deactivate(): void {}
