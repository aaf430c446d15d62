import * as vscode from 'vscode';
import type { CorpusService } from './corpusService';

/** The corpus at a glance; a click opens the Marginalia view. */
export function registerStatusBar(corpus: CorpusService): vscode.Disposable {
  const item = vscode.window.createStatusBarItem('marginalia.corpus', vscode.StatusBarAlignment.Left, 50);
  item.name = 'Marginalia corpus';
  item.command = 'workbench.view.extension.marginalia';
  const update = () => {
    const { documents, entities, mentions } = corpus.index.stats();
    item.text = `$(book) ${documents} articles · ${entities} entities`;
    item.tooltip = `Marginalia: ${documents} articles, ${entities} entities, ${mentions} mentions. Click to open the Marginalia view.`;
    item.show();
  };
  update();
  return vscode.Disposable.from(item, corpus.onDidChange(update));
}
