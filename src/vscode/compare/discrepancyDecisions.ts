import * as vscode from 'vscode';
import { targetFor, type Annotation, type AnnotationLink, type Discrepancy } from '../../core';
import type { AnnotationStore } from '../annotations/annotationStore';
import { slicePauses } from '../common/slices';

/** The label of a reviewer's decision on a discrepancy (docs/sidecar-schema.md, `links`). */
export const DISCREPANCY_LABEL = 'discrepancy';

/** What a reviewer decided: `confirmed` (a real discrepancy) or `rejected` (not a discrepancy). */
export interface Decision {
  article: vscode.Uri;
  annotation: Annotation;
}

const KIND_NAMES: Record<Discrepancy['kind'], string> = { date: 'Date', number: 'Number', quote: 'Quotation' };

/**
 * The decision stored for a discrepancy: a `discrepancy` annotation on one of its statements (in
 * that article's sidecar), found through edits as every annotation is. Its statements are looked
 * through in slices (`pause`): some 5,000 of them in one discrepancy at 10,000 articles.
 */
export async function decisionOf(store: AnnotationStore, d: Discrepancy, pause = slicePauses()): Promise<Decision | undefined> {
  for (const s of d.statements) {
    await pause();
    const article = vscode.Uri.parse(s.path);
    if (article.scheme !== 'file') continue;
    const state = store.peek(article) ?? (await store.get(article).catch(() => undefined));
    const annotation = state?.annotations.find(a => a.label === DISCREPANCY_LABEL && a.target.start < s.end && s.start < a.target.end);
    if (annotation) return { article, annotation };
  }
  return undefined;
}

/**
 * Records a decision: a new `discrepancy` annotation on the first statement, its note saying what
 * disagrees, its links the other statements; or the status of the one there already.
 */
export async function decide(
  store: AnnotationStore,
  d: Discrepancy,
  status: 'confirmed' | 'rejected',
  textOf: (path: string) => string | undefined,
): Promise<Annotation> {
  const held = await decisionOf(store, d);
  if (held)
    return store.update(
      held.annotation.id,
      a => {
        a.status = status;
      },
      held.article,
    );
  const [first, ...others] = d.statements.filter(s => vscode.Uri.parse(s.path).scheme === 'file');
  if (!first) throw new Error('Marginalia: the statements of this discrepancy are not files of the workspace; nothing can be stored.');
  const article = vscode.Uri.parse(first.path);
  const links: AnnotationLink[] = [];
  for (const o of others) {
    const text = textOf(o.path);
    if (text === undefined) continue;
    links.push({ document: relativeDocument(article, vscode.Uri.parse(o.path)), ...targetFor(text, o.start, o.end) });
  }
  const elsewhere = [...new Set(others.filter(o => o.value !== first.value).map(o => o.value))];
  const note = `${KIND_NAMES[d.kind]}: ${d.subject}. Here "${first.value}"; ${elsewhere.length ? `elsewhere ${elsewhere.map(v => `"${v}"`).join(', ')}` : 'the same elsewhere'}.`;
  return store.create(article, { start: first.start, end: first.end, label: DISCREPANCY_LABEL, status, note, links });
}

/** `to` relative to the folder of `from`, '/'-separated (both file URIs). */
export function relativeDocument(from: vscode.Uri, to: vscode.Uri): string {
  const a = from.path.split('/').slice(0, -1);
  const b = to.path.split('/');
  let common = 0;
  while (common < a.length && common < b.length - 1 && a[common] === b[common]) common++;
  return [...a.slice(common).map(() => '..'), ...b.slice(common)].join('/');
}
