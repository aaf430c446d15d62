/** The kinds of names the tagger labels, in the order of its labels (B and I per kind after O). */
export const KIND_NAMES = ['person', 'organization', 'place'] as const;
