import * as vscode from 'vscode';
import type { Disagreement, ReviewSpan } from '../../core';

/** What one reviewer has at a disagreement: their span, or nothing. */
export interface Version {
  reviewer: string;
  span?: ReviewSpan;
}

/** The versions of a disagreement, in the comparison's reviewer order (absent reviewers too). */
export function versionsOf(unit: Disagreement, reviewers: readonly string[]): Version[] {
  const out: Version[] = [];
  for (const reviewer of reviewers) {
    const spans = unit.spans.filter(s => s.reviewer === reviewer);
    if (spans.length) for (const span of spans) out.push({ reviewer, span });
    else if (unit.absent.includes(reviewer)) out.push({ reviewer });
  }
  return out;
}

/** A one-line description of a version: label, status, entity and quote. */
export function describeVersion(v: Version): string {
  if (!v.span) return 'no annotation';
  const s = v.span;
  return `${s.label} · ${s.status}${s.entity ? ` · ${s.entity}` : ''} "${short(s.quote)}"`;
}

export function short(text: string, max = 50): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/**
 * Shows the places of a disagreement: the first two versions side by side (editor columns one and
 * two), each selecting its reviewer's span and labelled with what that reviewer said.
 */
export class PlaceOpener implements vscode.Disposable {
  private readonly label = vscode.window.createTextEditorDecorationType({
    after: { margin: '0 0 0 1em', color: new vscode.ThemeColor('editorCodeLens.foreground'), fontStyle: 'italic' },
    backgroundColor: new vscode.ThemeColor('editor.findMatchHighlightBackground'),
  });
  private decorated: vscode.TextEditor[] = [];

  async openBoth(article: vscode.Uri, unit: Disagreement, reviewers: readonly string[]): Promise<void> {
    const versions = versionsOf(unit, reviewers);
    const shown = versions.length > 1 ? versions.slice(0, 2) : versions;
    this.clear();
    for (let i = 0; i < shown.length; i++) {
      await this.open(article, unit, shown[i], i === 0 ? vscode.ViewColumn.One : vscode.ViewColumn.Two);
    }
  }

  /** Shows one reviewer's place (their span, or the disagreement's extent when they have none). */
  async open(article: vscode.Uri, unit: Disagreement, version: Version, column = vscode.ViewColumn.One, preserveFocus = true): Promise<vscode.TextEditor> {
    const document = await vscode.workspace.openTextDocument(article);
    const at = version.span ?? unit;
    const range = new vscode.Range(document.positionAt(at.start), document.positionAt(at.end));
    const editor = await vscode.window.showTextDocument(document, {
      viewColumn: column,
      preserveFocus,
      preview: true,
      selection: version.span ? range : new vscode.Range(range.start, range.start),
    });
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    editor.setDecorations(this.label, [{ range, renderOptions: { after: { contentText: `◂ ${version.reviewer}: ${describeVersion(version)}` } } }]);
    this.decorated.push(editor);
    return editor;
  }

  /** Takes the reviewers' labels off the places shown. */
  clear(): void {
    for (const editor of this.decorated) editor.setDecorations(this.label, []);
    this.decorated = [];
  }

  dispose(): void {
    this.label.dispose();
  }
}
