import * as vscode from 'vscode';
import { registerArgumentCommand } from './commandArgs';
import type { DisagreementNode, DisagreementTree } from './disagreementTree';

/** Stepping through disagreements (`marginalia.nextDisagreement`, `...previous...`) and the view's own rows. */
export function registerDisagreementCommands(tree: DisagreementTree): vscode.Disposable {
  return vscode.Disposable.from(
    registerArgumentCommand('marginalia.nextDisagreement', () => tree.step(1)),
    registerArgumentCommand('marginalia.previousDisagreement', () => tree.step(-1)),
    vscode.commands.registerCommand('marginalia.internal.openDisagreement', (node?: DisagreementNode) =>
      node?.type === 'disagreement' || node?.type === 'version' ? tree.open(node.path, node.unit) : undefined),
    vscode.commands.registerCommand('marginalia.internal.openVersion', async (node?: DisagreementNode) => {
      if (node?.type !== 'version') return;
      const uri = tree.uriOf(node.path);
      if (uri) await tree.opener.open(uri, node.unit, node.version);
    }),
    vscode.commands.registerCommand('marginalia.internal.moreDisagreements', () => tree.showMore()),
  );
}
