// Every command of the extension: id, title, icon, where it shows, whether it writes files and
// whether scripts call it with an argument object (docs/contracts.md). No `vscode` import: the unit
// tests check this table against package.json's contributes.commands and menus, and
// shared/commands.ts registers exactly these ids with one error and trust policy.

/** One command as package.json contributes it and as the registrar treats it. */
export interface CommandSpec {
  readonly title: string;
  /** A codicon name (package.json: `$(name)`). */
  readonly icon?: string;
  /** In the Command Palette always, only while an article is the active editor, or never. */
  readonly palette: 'always' | 'article' | 'never';
  /** Changes files (sidecars, the registry, export output): refused in Restricted Mode. */
  readonly writes?: boolean;
  /**
   * Takes one argument object from scripts and keybindings (docs/contracts.md): given one, a
   * failure rejects; from the UI a failure is shown and the command returns undefined.
   */
  readonly scriptable?: boolean;
}

/** The category every command shows under in the palette. */
export const COMMAND_CATEGORY = 'Marginalia';

export const COMMANDS = {
  'marginalia.crossReference': { title: 'Cross-reference Entity...', icon: 'references', palette: 'always', scriptable: true },
  'marginalia.mergeEntities': { title: 'Merge Entities...', icon: 'git-merge', palette: 'always', writes: true, scriptable: true },
  'marginalia.renameEntity': { title: 'Rename Entity...', palette: 'always', writes: true, scriptable: true },
  'marginalia.markNotEntity': { title: 'Mark as Not an Entity...', palette: 'always', writes: true, scriptable: true },
  'marginalia.reindex': { title: 'Reindex Workspace', icon: 'refresh', palette: 'always', scriptable: true },
  'marginalia.learnFromReviews': { title: 'Learn from Reviews', icon: 'mortar-board', palette: 'always', writes: true, scriptable: true },
  'marginalia.forgetLearnedModel': { title: 'Forget Learned Model', palette: 'always', writes: true, scriptable: true },
  'marginalia.exportAnnotations': { title: 'Export Annotations...', icon: 'export', palette: 'always', writes: true, scriptable: true },
  'marginalia.importAnnotations': { title: 'Import Annotations...', icon: 'cloud-download', palette: 'always', writes: true, scriptable: true },
  'marginalia.setPublicationDate': { title: 'Set Publication Date...', icon: 'calendar', palette: 'always', writes: true, scriptable: true },
  'marginalia.showReferences': { title: 'Show References of Entity', palette: 'never' },
  'marginalia.openMention': { title: 'Open Mention', palette: 'never' },
  'marginalia.mergeEntityWith': { title: 'Merge Entity With...', palette: 'never', writes: true },
  'marginalia.mergeVariants': { title: 'Merge Variants', palette: 'never', writes: true },
  'marginalia.annotateSelection': { title: 'Annotate Selection...', icon: 'comment', palette: 'article', writes: true, scriptable: true },
  'marginalia.annotateAllOccurrences': { title: 'Annotate All Occurrences...', palette: 'article', writes: true, scriptable: true },
  'marginalia.setStatus': { title: 'Set Annotation Status...', palette: 'article', writes: true, scriptable: true },
  'marginalia.suggestWithRecognizer': { title: 'Suggest with External Recognizer', palette: 'article', writes: true, scriptable: true },
  'marginalia.deleteAnnotation': { title: 'Delete Annotation', palette: 'article', writes: true, scriptable: true },
  'marginalia.confirmMention': { title: 'Confirm Mention', icon: 'check', palette: 'article', writes: true, scriptable: true },
  'marginalia.rejectMention': { title: 'Reject Mention', icon: 'close', palette: 'article', writes: true, scriptable: true },
  'marginalia.nextAnnotation': { title: 'Go to Next Annotation', icon: 'arrow-down', palette: 'article', scriptable: true },
  'marginalia.previousAnnotation': { title: 'Go to Previous Annotation', icon: 'arrow-up', palette: 'article', scriptable: true },
  'marginalia.internal.revealAnnotation': { title: 'Show Annotation', palette: 'never', scriptable: true },
  'marginalia.internal.createAnnotationFromThread': { title: 'Annotate', palette: 'never', writes: true },
  'marginalia.internal.replyToAnnotation': { title: 'Reply', palette: 'never', writes: true },
  'marginalia.internal.editComment': { title: 'Edit', icon: 'edit', palette: 'never' },
  'marginalia.internal.cancelEditComment': { title: 'Cancel', palette: 'never' },
  'marginalia.internal.saveComment': { title: 'Save', palette: 'never', writes: true },
  'marginalia.internal.deleteReply': { title: 'Delete Reply', icon: 'trash', palette: 'never', writes: true },
  'marginalia.internal.deleteThreadAnnotation': { title: 'Delete Annotation', icon: 'trash', palette: 'never', writes: true },
  'marginalia.internal.confirmThread': { title: 'Confirm', icon: 'check', palette: 'never', writes: true },
  'marginalia.internal.rejectThread': { title: 'Reject', icon: 'close', palette: 'never', writes: true },
  'marginalia.internal.disputeThread': { title: 'Dispute', icon: 'question', palette: 'never', writes: true },
  'marginalia.internal.suggestThread': { title: 'Mark Suggested', icon: 'lightbulb', palette: 'never', writes: true },
  'marginalia.internal.setStatusOfItem': { title: 'Set Status...', icon: 'tasklist', palette: 'never', writes: true },
  'marginalia.internal.deleteAnnotationItem': { title: 'Delete Annotation', icon: 'trash', palette: 'never', writes: true },
  'marginalia.agreementReport': { title: 'Agreement Report...', icon: 'graph', palette: 'always', scriptable: true },
  'marginalia.exportAgreementCsv': { title: 'Export Agreement Report as CSV...', palette: 'always', writes: true, scriptable: true },
  'marginalia.nextDisagreement': { title: 'Next Disagreement', icon: 'arrow-down', palette: 'always', scriptable: true },
  'marginalia.previousDisagreement': { title: 'Previous Disagreement', icon: 'arrow-up', palette: 'always', scriptable: true },
  'marginalia.curate': { title: 'Settle Disagreement...', palette: 'always', writes: true, scriptable: true },
  'marginalia.internal.showAgreementReport': { title: 'Show Agreement Report', icon: 'graph', palette: 'never' },
  'marginalia.internal.openDisagreement': { title: 'Open Both Places', icon: 'split-horizontal', palette: 'never' },
  'marginalia.internal.openVersion': { title: 'Open This Place', palette: 'never' },
  'marginalia.internal.moreDisagreements': { title: 'Show More Documents', palette: 'never' },
  'marginalia.internal.takeVersion': { title: 'Take This Version', icon: 'check', palette: 'never', writes: true },
  'marginalia.internal.curateBoth': { title: 'Keep Both Versions', icon: 'combine', palette: 'never', writes: true },
  'marginalia.internal.curateNeither': { title: 'Keep Neither', icon: 'circle-slash', palette: 'never', writes: true },
  'marginalia.internal.curateEdit': { title: 'Edit the Curated Annotation...', icon: 'edit', palette: 'never', writes: true },
  'marginalia.compareAcrossArticles': { title: 'Compare Across Articles', icon: 'diff', palette: 'article', scriptable: true },
  'marginalia.findDiscrepancies': { title: 'Find Discrepancies', icon: 'warning', palette: 'always', scriptable: true },
  'marginalia.showTimeline': { title: 'Show Timeline', icon: 'history', palette: 'always', scriptable: true },
  'marginalia.internal.openPlaces': { title: 'Open All Places', icon: 'references', palette: 'never' },
  'marginalia.internal.openStatement': { title: 'Open Statement', palette: 'never' },
  'marginalia.internal.confirmDiscrepancy': { title: 'Confirm Discrepancy', icon: 'check', palette: 'never', writes: true },
  'marginalia.internal.dismissDiscrepancy': { title: 'Not a Discrepancy', icon: 'close', palette: 'never', writes: true },
  // For tests and scripts: what the extension holds, as plain data.
  'marginalia.internal.annotations': { title: 'Annotations of an Article (as data)', palette: 'never', scriptable: true },
  'marginalia.internal.commentThreads': { title: 'Comment Threads of an Article (as data)', palette: 'never', scriptable: true },
  'marginalia.internal.orphans': { title: 'Orphaned Annotations (as data)', palette: 'never', scriptable: true },
} as const satisfies Record<string, CommandSpec>;

export type CommandId = keyof typeof COMMANDS;

/**
 * What a command runs. Each handler declares the arguments it takes (whatever VS Code, a menu or a
 * script passes); `never[]` accepts any such declaration.
 */
type CommandHandler = (...args: never[]) => unknown;

/** A handler for every command of the table: the composition root must wire them all. */
export type CommandHandlers = { readonly [K in CommandId]: CommandHandler };

/** The handlers one feature provides. */
export type FeatureCommands<K extends CommandId> = Pick<CommandHandlers, K>;
