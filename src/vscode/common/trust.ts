import * as vscode from 'vscode';
import { UserError } from './errors';

/** What a command that writes says in Restricted Mode (package.json: capabilities.untrustedWorkspaces). */
export const RESTRICTED_MODE_MESSAGE =
  'Marginalia: this workspace is in Restricted Mode, so Marginalia changes no file (sidecars, entity registry, exports). Trust the workspace to annotate, edit the registry, import or export.';

/** True when Marginalia may write files: the workspace is trusted. */
export function canWrite(): boolean {
  return vscode.workspace.isTrusted;
}

/** Throws the Restricted Mode message unless the workspace is trusted; every write checks it. */
export function requireWriteAccess(): void {
  if (!canWrite()) throw new UserError(RESTRICTED_MODE_MESSAGE);
}
