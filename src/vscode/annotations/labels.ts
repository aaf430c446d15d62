import * as vscode from 'vscode';
import { ANNOTATION_STATUSES, MENTION_KINDS, type AnnotationStatus } from '../../core';
import { setting } from '../common/configuration';
import { KIND_ICONS, STATUS_ICONS } from '../common/icons';

/** The labels an annotation may have: the entity kinds plus the configured labels (docs/contracts.md). */
export function annotationLabels(scope?: vscode.Uri): string[] {
  return [...new Set<string>([...MENTION_KINDS, ...setting('labels', scope)])];
}

export function isAnnotationStatus(value: unknown): value is AnnotationStatus {
  return typeof value === 'string' && (ANNOTATION_STATUSES as readonly string[]).includes(value);
}

/** A quick pick of the labels; undefined when dismissed. */
export async function pickLabel(scope: vscode.Uri | undefined, title: string, preferred?: string): Promise<string | undefined> {
  const kinds = new Set<string>(MENTION_KINDS);
  const items = annotationLabels(scope).map(label => ({
    label,
    iconPath: new vscode.ThemeIcon(kinds.has(label) ? KIND_ICONS[label as keyof typeof KIND_ICONS] : 'tag'),
    description: kinds.has(label) ? 'entity kind' : undefined,
  }));
  const quickPick = vscode.window.createQuickPick<(typeof items)[number]>();
  quickPick.title = title;
  quickPick.placeholder = 'Label of the annotation';
  quickPick.items = items;
  const active = items.find(i => i.label === preferred);
  if (active) quickPick.activeItems = [active];
  return new Promise(resolve => {
    quickPick.onDidAccept(() => {
      resolve(quickPick.selectedItems[0]?.label);
      quickPick.hide();
    });
    quickPick.onDidHide(() => {
      resolve(undefined);
      quickPick.dispose();
    });
    quickPick.show();
  });
}

/** A quick pick of the statuses, the current one marked; undefined when dismissed. */
export async function pickStatus(title: string, current?: AnnotationStatus): Promise<AnnotationStatus | undefined> {
  const picked = await vscode.window.showQuickPick(
    ANNOTATION_STATUSES.map(status => ({ label: `$(${STATUS_ICONS[status]}) ${status}`, status, description: status === current ? 'current' : undefined })),
    { title },
  );
  return picked?.status;
}

/** A quote cut to `max` characters for titles and lists. */
export function shortQuote(text: string, max = 40): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
