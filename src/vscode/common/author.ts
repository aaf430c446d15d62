import { execFile } from 'node:child_process';
import { userInfo } from 'node:os';
import * as vscode from 'vscode';
import { setting } from './configuration';

/** Who is annotating: the `marginalia.author` setting, else git's user.name, else the OS user. */
export async function currentAuthor(): Promise<string> {
  const configured = setting('author');
  if (configured) return configured;
  const cwd = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  const fromGit = await new Promise<string>(resolve => {
    execFile('git', ['config', 'user.name'], { cwd, timeout: 2000 }, (error, stdout) => resolve(error ? '' : stdout.trim()));
  });
  if (fromGit) return fromGit;
  try {
    return userInfo().username;
  } catch {
    return 'reviewer';
  }
}
