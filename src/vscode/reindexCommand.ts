import * as vscode from 'vscode';
import { analyze, decodeArticle, isArticlePath, type SourceDocument } from '../core';
import { articleGlobs } from './articles';

export interface ReindexResult {
  documents: number;
  entities: number;
  mentions: number;
}

/** `marginalia.reindex`: analyzes every article of the workspace and reports the totals. */
export function registerReindexCommand(): vscode.Disposable {
  return vscode.commands.registerCommand('marginalia.reindex', async (): Promise<ReindexResult> => {
    const { include, exclude } = articleGlobs();
    const found = await Promise.all(include.map(glob => vscode.workspace.findFiles(glob)));
    const uris = dedupe(found.flat()).filter(uri =>
      isArticlePath(vscode.workspace.asRelativePath(uri, false), include, exclude));
    const open = new Map(vscode.workspace.textDocuments.map(d => [d.uri.toString(), d]));
    const documents: SourceDocument[] = [];
    for (const uri of uris) {
      const text = open.get(uri.toString())?.getText() ?? decodeArticle(await vscode.workspace.fs.readFile(uri));
      if (typeof text === 'string') documents.push({ path: uri.toString(), text });
      else if (!text.binary) documents.push({ path: uri.toString(), text: text.text });
    }
    const result = analyze(documents);
    return {
      documents: result.documents.length,
      entities: result.entities.length,
      mentions: result.documents.reduce((n, d) => n + d.mentions.length, 0),
    };
  });
}

function dedupe(uris: vscode.Uri[]): vscode.Uri[] {
  const seen = new Map(uris.map(uri => [uri.toString(), uri]));
  return [...seen.values()].sort((a, b) => a.toString().localeCompare(b.toString()));
}
