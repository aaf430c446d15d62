import * as vscode from 'vscode';
import { dateCard, entityCard, escapeMarkdown, type CardDocument } from '../../core';
import { commandLink } from '../common/convert';
import type { CorpusService } from '../corpus/corpusService';
import type { CommandId } from '../common/commandTable';
import { setting } from '../common/configuration';

/** The only commands a hover's links may run: Marginalia's own. */
export const HOVER_COMMANDS: CommandId[] = [
  'marginalia.openMention',
  'marginalia.showReferences',
  'marginalia.mergeEntityWith',
  'marginalia.renameEntity',
  'marginalia.markNotEntity',
];

/** Hover cards on mentions: the entity across the corpus, or a date and how it was resolved. */
export function registerHover(corpus: CorpusService, selector: vscode.DocumentSelector): vscode.Disposable {
  return vscode.languages.registerHoverProvider(selector, {
    async provideHover(document, position) {
      const hit = await corpus.mentionAt(document, position);
      if (!hit) return undefined;
      const path = document.uri.toString();
      const max = setting('hover.maxDocuments', document.uri);
      const md = new vscode.MarkdownString(undefined, true);
      md.isTrusted = { enabledCommands: HOVER_COMMANDS };
      md.supportHtml = false;
      if (hit.mention.kind === 'date') {
        const card = dateCard(corpus.index, hit.mention, path, max);
        const value = card.mention.value;
        md.appendMarkdown(`**${escapeMarkdown(card.mention.text)}** · date  \n`);
        md.appendMarkdown(value ? `\`${value}\`${card.weekday ? ` (${card.weekday})` : ''}` : '*unresolved: no publication date*');
        md.appendMarkdown(card.dct ? `  \nResolved against the publication date ${card.dct}.` : '  \nNo publication date known for this article.');
        appendDocuments(md, card.documents, card.more, 'Same date elsewhere');
        return new vscode.Hover(md, hit.range);
      }
      const card = hit.mention.entity ? entityCard(corpus.index, hit.mention.entity, path, max) : undefined;
      if (!card) return undefined;
      const { entity } = card;
      const description = corpus.registryEntity(entity.id)?.description;
      md.appendMarkdown(`**${escapeMarkdown(entity.name)}** · ${entity.kind}  \n`);
      const others = entity.aliases.filter(a => a !== entity.name);
      if (others.length) md.appendMarkdown(`Also written: ${others.map(a => `*${escapeMarkdown(a)}*`).join(', ')}  \n`);
      md.appendMarkdown(`${plural(entity.mentions, 'mention')} in ${plural(entity.documents, 'document')}`);
      if (description) md.appendMarkdown(`\n\n${escapeMarkdown(description)}`);
      const notes = corpus.notesOn(entity.id);
      if (notes.length) {
        md.appendMarkdown("\n\n**Reviewers' notes**\n");
        for (const { annotation: a } of notes.slice(0, max)) {
          md.appendMarkdown(`\n- ${escapeMarkdown(a.author ?? 'reviewer')} (${a.status}): ${escapeMarkdown(firstLine(a.note!))}`);
        }
      }
      appendDocuments(md, card.documents, card.more, 'Other documents');
      md.appendMarkdown(
        '\n\n' +
          [
            `[Find all references](${commandLink('marginalia.showReferences', { entity: entity.id })})`,
            `[Merge with…](${commandLink('marginalia.mergeEntityWith', { from: entity.id })})`,
            `[Rename…](${commandLink('marginalia.renameEntity', { id: entity.id })})`,
            `[Not an entity](${commandLink('marginalia.markNotEntity', { id: entity.id })})`,
          ].join(' · '),
      );
      return new vscode.Hover(md, hit.range);
    },
  });
}

function appendDocuments(md: vscode.MarkdownString, documents: CardDocument[], more: number, heading: string): void {
  if (documents.length === 0) return;
  md.appendMarkdown(`\n\n**${heading}**\n`);
  for (const d of documents) {
    const name = escapeMarkdown(vscode.workspace.asRelativePath(vscode.Uri.parse(d.path)));
    const link = commandLink('marginalia.openMention', { path: d.path, start: d.first.start, end: d.first.end });
    md.appendMarkdown(`\n- [${name}](${link}) (${d.count}): ${escapeMarkdown(d.context)}`);
  }
  if (more > 0) md.appendMarkdown(`\n- and ${more} more`);
}

function firstLine(note: string): string {
  const line = note.trim().split(/\r?\n/)[0];
  return line.length > 200 ? `${line.slice(0, 199)}…` : line;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
