/** The kinds of names the tagger labels, in the order of its labels (B and I per kind after O). */
export const KIND_NAMES = ['person', 'organization', 'place'] as const;

/** The kind of a reviewed span that is no name at all (rejected, or "not an entity"): training teaches O for it. */
export const NOT_A_NAME = 'none';
