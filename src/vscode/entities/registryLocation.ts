import * as vscode from 'vscode';
import { DEFAULT_REGISTRY_PATH } from '../../core';
import { setting } from '../shared/configuration';
import { fileInside } from '../shared/workspacePaths';

/** Where the registry is: a file inside the workspace folder, or none, with why a setting was refused. */
export interface RegistryLocation {
  readonly uri: vscode.Uri | undefined;
  /** Set when `marginalia.registryPath` (or the default) leads outside the workspace folder. */
  readonly refused?: string;
}

/**
 * The registry of the first workspace folder: `marginalia.registryPath` when it stays inside the
 * folder once links are resolved (a cloned repository's settings may point anywhere), else the
 * default path, else none. In Restricted Mode VS Code ignores the workspace's value of the setting
 * (package.json: restrictedConfigurations).
 */
export async function registryLocation(): Promise<RegistryLocation> {
  const folder = vscode.workspace.workspaceFolders?.find(f => f.uri.scheme === 'file');
  if (!folder) return { uri: undefined };
  const configured = setting('registryPath', folder.uri);
  const uri = await fileInside(folder.uri, configured);
  if (uri) return { uri };
  const fallback = configured === DEFAULT_REGISTRY_PATH ? undefined : await fileInside(folder.uri, DEFAULT_REGISTRY_PATH);
  const instead = fallback ? `${DEFAULT_REGISTRY_PATH} is used instead` : 'no registry is used';
  return {
    uri: fallback,
    refused: `Marginalia: the entity registry path "${configured}" leads outside the workspace folder, so Marginalia neither reads nor writes it; ${instead}. Set marginalia.registryPath to a path inside the folder.`,
  };
}
