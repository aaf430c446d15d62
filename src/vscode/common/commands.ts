import * as vscode from 'vscode';
import { COMMANDS, type CommandHandlers, type CommandId, type CommandSpec } from './commandTable';
import { errorMessage, isCancellation, showFailure, UserError } from './errors';
import { requireWriteAccess } from './trust';

/**
 * Registers every command of the table with its handler, under one policy:
 * - a command that writes refuses in Restricted Mode (a clear message, nothing written);
 * - a failure is shown to the user; a script that passed an argument object gets the rejection,
 *   with the same message (docs/contracts.md); the UI gets undefined, never a success value;
 * - scriptable commands receive their argument object, or undefined when called from the UI
 *   (no argument, or the Uri a menu passes).
 */
export function registerCommands(handlers: CommandHandlers): vscode.Disposable {
  const ids = Object.keys(COMMANDS) as CommandId[];
  return vscode.Disposable.from(...ids.map(id => vscode.commands.registerCommand(id, wrap(COMMANDS[id], handlers[id] as (...args: unknown[]) => unknown))));
}

function wrap(spec: CommandSpec, handler: (...args: unknown[]) => unknown): (...args: unknown[]) => Promise<unknown> {
  return async (...args: unknown[]) => {
    const scripted = spec.scriptable ? argumentObject(args[0]) : undefined;
    try {
      if (spec.writes) requireWriteAccess();
      return await (spec.scriptable ? handler(scripted) : handler(...args));
    } catch (e) {
      showFailure(e);
      // A script gets the message the user saw (a refused write names its file relative to the workspace).
      if (scripted) throw isCancellation(e) ? e : new UserError(errorMessage(e), { cause: e });
      return undefined;
    }
  };
}

/** A command's argument object, or undefined for a call from the UI (no argument, a Uri, an array). */
function argumentObject(arg: unknown): object | undefined {
  if (!arg || typeof arg !== 'object' || Array.isArray(arg) || arg instanceof vscode.Uri) return undefined;
  return arg;
}
