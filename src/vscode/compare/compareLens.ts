import * as vscode from 'vscode';
import type { Discrepancy } from '../../core';
import type { CommandId } from '../common/commandTable';
import { commandLink } from '../common/convert';
import { isArticle } from '../common/articles';
import type { StatementService } from './statementService';

const KIND_NAMES: Record<Discrepancy['kind'], string> = { date: 'date', number: 'figure', quote: 'quotation' };
/** The only command a compare hover's link may run. */
const HOVER_COMMANDS: CommandId[] = ['marginalia.compareAcrossArticles'];

/**
 * A CodeLens above each sentence that other articles report otherwise (from the last discrepancy
 * scan): "Other reports differ (date) · Compare across articles".
 */
export function registerDiscrepancyLenses(statements: StatementService, selector: vscode.DocumentSelector): vscode.Disposable {
  const changed = new vscode.EventEmitter<void>();
  const provider: vscode.CodeLensProvider = {
    onDidChangeCodeLenses: changed.event,
    provideCodeLenses(document) {
      if (!isArticle(document)) return [];
      const path = document.uri.toString();
      const text = statements.textOf(path);
      if (text === undefined || text !== document.getText()) return [];
      const byStatement = new Map<number, Set<Discrepancy['kind']>>();
      for (const d of statements.cachedDiscrepancies() ?? []) {
        for (const s of d.statements) {
          if (s.path !== path) continue;
          const kinds = byStatement.get(s.start) ?? new Set();
          kinds.add(d.kind);
          byStatement.set(s.start, kinds);
        }
      }
      return [...byStatement]
        .sort((a, b) => a[0] - b[0])
        .map(([start, kinds]) => {
          const at = document.positionAt(start);
          const opening = text
            .slice(start, start + 40)
            .split(/\s+/)
            .slice(0, 5)
            .join(' ');
          return new vscode.CodeLens(new vscode.Range(at, at), {
            title: `$(warning) Other reports differ (${[...kinds].map(k => KIND_NAMES[k]).join(', ')}): “${opening}…”`,
            tooltip: 'Compare this sentence across articles',
            command: 'marginalia.compareAcrossArticles',
            arguments: [{ uri: path, line: at.line, character: at.character }],
          });
        });
    },
  };
  return vscode.Disposable.from(
    changed,
    vscode.languages.registerCodeLensProvider(selector, provider),
    statements.onDidChange(() => changed.fire()),
  );
}

/** A hover on a sentence that other articles report: how many, and a link that compares them. */
export function registerCompareHover(statements: StatementService, selector: vscode.DocumentSelector): vscode.Disposable {
  return vscode.languages.registerHoverProvider(selector, {
    async provideHover(document, position) {
      if (!isArticle(document)) return undefined;
      const path = document.uri.toString();
      if (statements.textOf(path) !== document.getText()) return undefined;
      const reports = await statements.reportsAt(path, document.offsetAt(position));
      // the article changed while the statements were asked
      if (!reports?.articles || statements.textOf(path) !== document.getText()) return undefined;
      const { articles } = reports;
      const md = new vscode.MarkdownString(undefined, true);
      md.isTrusted = { enabledCommands: HOVER_COMMANDS };
      md.supportHtml = false;
      const { line, character } = document.positionAt(reports.start);
      md.appendMarkdown(
        `$(diff) Reported in ${articles} other article${articles === 1 ? '' : 's'} · [Compare across articles](${commandLink('marginalia.compareAcrossArticles', { uri: path, line, character })})`,
      );
      return new vscode.Hover(md);
    },
  });
}
