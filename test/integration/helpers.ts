// Small helpers shared by the integration suites (not a suite: index.ts loads only *.test.js).
import * as vscode from 'vscode';

/** A path inside the test workspace (a temp copy of samples/). */
export function workspaceUri(relative: string): vscode.Uri {
  return vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, relative);
}

/** The Markdown of hovers, joined. */
export function hoverText(hovers: vscode.Hover[]): string {
  return hovers.flatMap(h => h.contents).map(c => (typeof c === 'string' ? c : c.value)).join('\n');
}
