import * as vscode from 'vscode';

/** A command's argument object, or undefined for a call from the UI (no argument, a Uri, a tree node). */
export function argumentObject<T>(arg: unknown, isNode: (x: object) => boolean = () => false): T | undefined {
  if (!arg || typeof arg !== 'object' || Array.isArray(arg) || arg instanceof vscode.Uri || isNode(arg)) return undefined;
  return arg as T;
}

/**
 * Registers a command taking one optional argument object (docs/contracts.md). Errors are shown;
 * a caller that passed arguments (a script, a keybinding's `args`) also gets the rejection.
 */
export function registerArgumentCommand<A>(id: string, run: (args: A | undefined, raw: unknown) => Promise<unknown>, isNode?: (x: object) => boolean): vscode.Disposable {
  return vscode.commands.registerCommand(id, async (raw?: unknown) => {
    const args = argumentObject<A>(raw, isNode);
    try {
      return await run(args, raw);
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      void vscode.window.showErrorMessage(message.startsWith('Marginalia') ? message : `Marginalia: ${message}`);
      if (args) throw e;
      return undefined;
    }
  });
}
