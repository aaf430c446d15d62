import * as vscode from 'vscode';

/** A span of an article: its URI string and UTF-16 offsets into its text as indexed. */
export interface Place {
  path: string;
  start: number;
  end: number;
}

async function rangeIn(place: Place): Promise<{ document: vscode.TextDocument; range: vscode.Range }> {
  const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(place.path));
  return { document, range: new vscode.Range(document.positionAt(place.start), document.positionAt(place.end)) };
}

/** Opens an article with the place selected. */
export async function openPlace(place: Place, column?: vscode.ViewColumn): Promise<void> {
  const { document, range } = await rangeIn(place);
  await vscode.window.showTextDocument(document, { selection: range, preview: false, ...(column ? { viewColumn: column } : {}) });
}

/** Opens the first place and shows all of them in a peek view, where a reviewer steps through them. */
export async function peekPlaces(places: readonly Place[]): Promise<void> {
  if (!places.length) return;
  const found = await Promise.all(places.map(rangeIn));
  const [first] = found;
  await vscode.window.showTextDocument(first.document, { selection: first.range, preview: false });
  const locations = found.map(f => new vscode.Location(f.document.uri, f.range));
  await vscode.commands.executeCommand('editor.action.peekLocations', first.document.uri, first.range.start, locations, 'peek');
}
