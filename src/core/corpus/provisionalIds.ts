import { lexicon } from '../lexicon/lexicon';
import { entityName, IdSpace, type CorpusLinks } from '../linking/linkCorpus';
import type { DocumentNames, LocalEntity } from '../linking/linkDocument';
import type { NameKind } from '../names/nameCandidate';
import { finish, STEP_UNITS, type Steps } from '../steps';

/**
 * Ids for the entities of changed documents, found at once against the corpus as last linked: an
 * entity the corpus knows keeps its id, a lone family name goes to the one person of that name (or
 * to the one it went to before the edit), anything new gets a fresh id, the same in every document
 * until the next link, and every entity the kind the last link gave it (a new one, its own). A full
 * link (linkCorpus) may decide otherwise; the index relinks when idle.
 */
export class ProvisionalIds {
  private readonly idSpace: IdSpace;
  /** Fresh ids given since the last link, by local id. */
  private readonly given = new Map<string, string>();
  /** The kinds of the fresh ids. */
  private readonly givenKinds = new Map<string, NameKind>();

  constructor(private readonly links: CorpusLinks) {
    this.idSpace = new IdSpace(links.kindOfId); // every id the link gave, also those it redirected
  }

  /** `before`: the document's ids by local id before the edit. */
  ids(names: DocumentNames, before: ReadonlyMap<string, string>): string[] {
    return finish(this.idsSteps(names, before));
  }

  /** `ids` in steps. */
  *idsSteps(names: DocumentNames, before: ReadonlyMap<string, string>): Steps<string[]> {
    const { entities } = names;
    const ids = new Array<string>(entities.length);
    const per = STEP_UNITS / 4;
    let n = 0;
    for (const e of names.full) {
      ids[e] = this.known(entities[e], before) ?? this.fresh(entities[e]);
      if (++n % per === 0) yield;
    }
    for (const e of names.lone) {
      if (++n % per === 0) yield;
      const { localId } = entities[e];
      const persons = this.links.idsOfSurname.get(localId.slice(localId.indexOf(':') + 1));
      const previous = before.get(localId);
      if (persons?.length) ids[e] = previous !== undefined && persons.includes(previous) ? previous : persons[0];
      else ids[e] = this.known(entities[e], before) ?? this.fresh(entities[e]);
    }
    return ids;
  }

  /** The kind of an entity: the one the last link gave it, or its own when it is new since. */
  kindOf(id: string): NameKind | undefined {
    return this.links.kindOfId.get(id) ?? this.givenKinds.get(id);
  }

  private known(e: LocalEntity, before: ReadonlyMap<string, string>): string | undefined {
    return this.links.idOfKey.get(e.localId) ?? this.given.get(e.localId) ?? before.get(e.localId);
  }

  private fresh(e: LocalEntity): string {
    const canon = e.localId.slice(e.localId.indexOf(':') + 1);
    const name = lexicon().aliasNames.get(canon) ?? entityName(new Map(e.forms.map((f, i) => [f, e.counts[i]])));
    const id = this.idSpace.unique(name, e.kind);
    this.given.set(e.localId, id);
    this.givenKinds.set(id, e.kind);
    return id;
  }
}

/** The ids a linked document gave its entities, by local id. */
export function* idsByLocalId(names: DocumentNames, ids: readonly string[]): Steps<Map<string, string>> {
  const out = new Map<string, string>();
  for (let i = 0; i < ids.length; i++) {
    out.set(names.entities[i].localId, ids[i]);
    if (i % STEP_UNITS === STEP_UNITS - 1) yield;
  }
  return out;
}
