import * as vscode from 'vscode';
import { WriteRefusedError } from '../../core';

/** A failure to tell the user as it is (its message already says what to do), not a bug. */
export class UserError extends Error {}

/** The message of a failure, starting with "Marginalia:" once; a refused write names its file relative to the workspace. */
export function errorMessage(e: unknown): string {
  if (e instanceof WriteRefusedError) return `Marginalia: ${vscode.workspace.asRelativePath(vscode.Uri.file(e.path))}: ${e.reason}.`;
  const message = e instanceof Error ? e.message : String(e);
  return message.startsWith('Marginalia') ? message : `Marginalia: ${message}`;
}

/** True for a failure that only means the user cancelled (nothing to report). */
export function isCancellation(e: unknown): boolean {
  return e instanceof vscode.CancellationError;
}

/** Shows a failure once, as an error notification (never awaited: the caller goes on). */
export function showFailure(e: unknown): void {
  if (!isCancellation(e)) void vscode.window.showErrorMessage(errorMessage(e));
}
