import * as vscode from 'vscode';
import type { AnnotationStore } from '../annotations/annotationStore';
import { annotationsOf } from '../annotations/lookup';
import type { CorpusService } from '../corpus/corpusService';
import type { FeatureCommands } from '../common/commandTable';
import { UserError } from '../common/errors';

interface SetPublicationDateArgs {
  /** YYYY-MM-DD, or null to remove the date from the sidecar. */
  date: string | null;
  /** The article (URI string); absent: the active editor's. */
  uri?: string;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The status bar item that shows the active article's publication date (the date relative dates resolve against). */
export function registerPublicationDate(corpus: CorpusService): vscode.Disposable {
  const item = vscode.window.createStatusBarItem('marginalia.publicationDate', vscode.StatusBarAlignment.Right, 100);
  item.name = 'Marginalia publication date';
  item.command = 'marginalia.setPublicationDate';
  const update = () => {
    const editor = vscode.window.activeTextEditor;
    // while an edit is analyzed, the date of the version before (an edit seldom changes it); its
    // mentions are not made: a long article has tens of thousands
    const analyzed = editor && corpus.index.publicationDate(editor.document.uri.toString());
    if (!analyzed) return item.hide();
    item.text = `$(calendar) ${analyzed.dct ?? 'no publication date'}`;
    item.tooltip = analyzed.dct
      ? `Relative dates in this article resolve against ${analyzed.dct}. Click to change it.`
      : 'Relative dates in this article cannot be resolved. Click to set its publication date.';
    item.show();
  };
  update();
  return vscode.Disposable.from(item, vscode.window.onDidChangeActiveTextEditor(update), corpus.onDidChange(update));
}

/** `marginalia.setPublicationDate`: the date kept in the article's sidecar (docs/contracts.md). */
export function publicationDateCommands(corpus: CorpusService, store: AnnotationStore): FeatureCommands<'marginalia.setPublicationDate'> {
  return {
    'marginalia.setPublicationDate': async (args?: SetPublicationDateArgs) => {
      const uri = args?.uri ? vscode.Uri.parse(args.uri) : vscode.window.activeTextEditor?.document.uri;
      if (!uri) throw new UserError('Marginalia: open an article to set its publication date.');
      await annotationsOf(store, uri); // refuses an article whose sidecar would lie outside the workspace
      let date = args?.date;
      if (args === undefined) {
        const current = corpus.index.publicationDate(uri.toString())?.dct ?? '';
        const input = await vscode.window.showInputBox({
          title: 'Publication date of this article',
          prompt: 'YYYY-MM-DD, kept in the article\'s sidecar; empty removes it. Relative dates ("last Friday") resolve against it.',
          value: current,
          validateInput: v => (v === '' || ISO_DATE.test(v) ? undefined : 'Use YYYY-MM-DD'),
        });
        if (input === undefined) return undefined;
        date = input || null;
      }
      if (date !== null && date !== undefined && !ISO_DATE.test(date)) throw new UserError(`Marginalia: ${date} is not a YYYY-MM-DD date.`);
      await store.setPublicationDate(uri, date ?? undefined);
      return date ?? null;
    },
  };
}
