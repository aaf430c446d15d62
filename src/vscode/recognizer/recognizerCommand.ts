import * as vscode from 'vscode';
import { mergeImported, parseRecognizerOutput, RecognizerError } from '../../core';
import { runRecognizer } from '../../node/runRecognizer';
import type { AnnotationStore } from '../annotations/annotationStore';
import { annotationsOf, articleArg } from '../annotations/lookup';
import type { FeatureCommands } from '../common/commandTable';
import { userSetting } from '../common/configuration';
import { UserError } from '../common/errors';

/**
 * `marginalia.suggestWithRecognizer` `{uri?}`: runs the external recognizer of the user's
 * settings (`marginalia.recognizer.command`, never a workspace's) on an article and adds its spans
 * to the sidecar as suggestions with their `source` (src/core/recognizer/externalOutput.ts); a
 * span a reviewer already has keeps its status. The command runs in a process of its own
 * (src/node/runRecognizer.ts): the extension host only waits, with a cancellable progress
 * notification. A failure (time limit, output limit, garbage, a non-zero exit) changes nothing and
 * says why; so does an article edited while the recognizer ran. Returns the number added.
 */
export function recognizerCommands(store: AnnotationStore, output: vscode.OutputChannel): FeatureCommands<'marginalia.suggestWithRecognizer'> {
  return {
    'marginalia.suggestWithRecognizer': async (args?: { uri?: string }): Promise<number | undefined> => {
      const command = userSetting('recognizer.command');
      if (!command) throw new UserError('Marginalia: no external recognizer: set "marginalia.recognizer.command" in your user settings.');
      const article = articleArg(args?.uri) ?? vscode.window.activeTextEditor?.document.uri;
      if (!article) throw new UserError('Marginalia: open an article to run the external recognizer on.');
      const state = await annotationsOf(store, article);
      const text = await store.currentText(article);
      const name = vscode.workspace.asRelativePath(article, false);
      const timeoutMs = userSetting('recognizer.timeoutSeconds') * 1000;
      const cwd = vscode.workspace.getWorkspaceFolder(article)?.uri.fsPath;
      let spans;
      try {
        spans = await vscode.window.withProgress(
          { location: vscode.ProgressLocation.Notification, title: `Marginalia: external recognizer on ${name}`, cancellable: true },
          async (_progress, token) => {
            const abort = new AbortController();
            const cancel = token.onCancellationRequested(() => abort.abort());
            try {
              return parseRecognizerOutput(await runRecognizer(command, text, { timeoutMs, cwd, signal: abort.signal }), text);
            } finally {
              cancel.dispose();
            }
          },
        );
      } catch (e) {
        if (!(e instanceof RecognizerError)) throw e;
        output.appendLine(`recognizer: ${name}: ${command}: ${e.message}`);
        throw new UserError(`Marginalia: the external recognizer ${e.message === 'cancelled' ? 'was cancelled' : e.message}; nothing was added to ${name}.`);
      }
      if ((await store.currentText(article)) !== text) {
        throw new UserError(`Marginalia: ${name} changed while the external recognizer ran; nothing was added. Run it again.`);
      }
      const merged = mergeImported([...state.annotations, ...state.orphans], spans, { defaultStatus: 'suggested' });
      if (merged.added.length > 0) await store.replaceAll(article, merged.annotations);
      if (!args) void vscode.window.showInformationMessage(`Marginalia: the external recognizer suggested ${merged.added.length} new spans in ${name}.`);
      return merged.added.length;
    },
  };
}
