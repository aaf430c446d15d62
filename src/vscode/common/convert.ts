import * as vscode from 'vscode';
import type { CorpusIndex, Mention, MentionRef } from '../../core';

/** The one place where core offsets (UTF-16 code units) become VS Code positions and locations. */
export function rangeOf(index: CorpusIndex, path: string, mention: Pick<Mention, 'start' | 'end'>): vscode.Range {
  const start = index.positionAt(path, mention.start);
  const end = index.positionAt(path, mention.end);
  return new vscode.Range(start.line, start.character, end.line, end.character);
}

export function locationOf(index: CorpusIndex, ref: MentionRef): vscode.Location {
  return new vscode.Location(vscode.Uri.parse(ref.path), rangeOf(index, ref.path, ref.mention));
}

/**
 * The location of each mention of a list (its document, its start and end in UTF-16 code units),
 * in document order: each document's URI parsed once.
 */
export function locationMaker(index: CorpusIndex): (path: string, start: number, end: number) => vscode.Location {
  let last: string | undefined;
  let uri: vscode.Uri | undefined;
  return (path, start, end) => {
    if (path !== last || !uri) {
      last = path;
      uri = vscode.Uri.parse(path);
    }
    return new vscode.Location(uri, rangeOf(index, path, { start, end }));
  };
}

/** A `command:` URI for a Markdown link; the command must be listed in the hover's enabledCommands. */
export function commandLink(command: string, args: unknown): string {
  return `command:${command}?${encodeURIComponent(JSON.stringify(commandArgs(args)))}`;
}

/** Arguments for a command run from a tree item or a link: one object, as docs/contracts.md says. */
export function commandArgs(args: unknown): unknown[] {
  return [args];
}
