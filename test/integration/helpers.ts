// Small helpers shared by the integration suites (not a suite: index.ts loads only *.test.js).
import * as vscode from 'vscode';

/** A path inside the test workspace (a temp copy of samples/). */
export function workspaceUri(relative: string): vscode.Uri {
  return vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, relative);
}

/** The Markdown of hovers, joined. */
export function hoverText(hovers: vscode.Hover[]): string {
  return hovers
    .flatMap(h => h.contents)
    .map(c => (typeof c === 'string' ? c : c.value))
    .join('\n');
}

/** Polls until `probe` returns something truthy (file watchers and saves are asynchronous). */
export async function waitFor<T>(what: string, probe: () => Promise<T | undefined | false> | T | undefined | false, timeoutMs = 8000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value) return value;
    } catch (e) {
      last = e;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${last ? `: ${(last as Error).message}` : ''}`);
    await new Promise(resolve => setTimeout(resolve, 100));
  }
}

/** The rejection message of a command that must fail (an assertion error when it succeeds). */
export async function failureOf(command: string, args: unknown): Promise<string> {
  try {
    const result = await vscode.commands.executeCommand(command, args);
    throw new CommandSucceeded(`${command} succeeded (returned ${JSON.stringify(result)}) where it must fail`);
  } catch (e) {
    if (e instanceof CommandSucceeded) throw e;
    return e instanceof Error ? e.message : String(e);
  }
}

class CommandSucceeded extends Error {}
