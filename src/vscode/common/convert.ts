import * as vscode from 'vscode';
import type { CorpusIndex, Mention, MentionRef } from '../../core';
import { listLocationMaker } from './locationLists';

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
 * in document order: each document's URI parsed once, one range for mentions at the same lines and
 * characters (src/vscode/common/locationLists.ts).
 */
export function locationMaker(index: CorpusIndex): (path: string, start: number, end: number) => vscode.Location {
  return listLocationMaker(index, {
    uri: path => vscode.Uri.parse(path),
    range: (startLine, startCharacter, endLine, endCharacter) => new vscode.Range(startLine, startCharacter, endLine, endCharacter),
    location: (uri, range) => new vscode.Location(uri, range),
  });
}

/** A `command:` URI for a Markdown link; the command must be listed in the hover's enabledCommands. */
export function commandLink(command: string, args: unknown): string {
  return `command:${command}?${encodeURIComponent(JSON.stringify(commandArgs(args)))}`;
}

/** Arguments for a command run from a tree item or a link: one object, as docs/contracts.md says. */
export function commandArgs(args: unknown): unknown[] {
  return [args];
}
