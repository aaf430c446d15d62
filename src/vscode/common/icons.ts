import type { AnnotationStatus, MentionKind } from '../../core';

/** The codicon of each entity kind, in pickers, trees and labels. */
export const KIND_ICONS: Record<MentionKind, string> = {
  person: 'person',
  organization: 'organization',
  place: 'location',
  date: 'calendar',
};

/** The codicon of each annotation status in pickers. */
export const STATUS_ICONS: Record<AnnotationStatus, string> = {
  suggested: 'lightbulb',
  confirmed: 'check',
  rejected: 'close',
  disputed: 'question',
};
