import * as vscode from 'vscode';
import { recordRename } from '../../core';
import type { CorpusService } from '../corpus/corpusService';
import type { RegistryFile } from './registryFile';

/** F2 on a mention renames the entity's canonical name in the registry; the article text stays as written. */
export function registerRename(corpus: CorpusService, registry: RegistryFile, selector: vscode.DocumentSelector): vscode.Disposable {
  return vscode.languages.registerRenameProvider(selector, {
    async prepareRename(document, position) {
      const hit = await corpus.mentionAt(document, position);
      if (!hit?.mention.entity) throw new Error('Marginalia renames entities: put the cursor on a recognized name.');
      const entity = corpus.index.entity(hit.mention.entity);
      return { range: hit.range, placeholder: entity?.name ?? hit.mention.text };
    },
    async provideRenameEdits(document, position, newName) {
      const entity = (await corpus.mentionAt(document, position))?.mention.entity;
      if (!entity) return undefined;
      await registry.edit(doc => recordRename(doc, entity, newName.trim()));
      await corpus.registryApplied();
      return new vscode.WorkspaceEdit();
    },
  });
}
