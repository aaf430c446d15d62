// Links the entities of the documents of one analysis: one id per real-world entity.
import { lexicon, normKey } from '../lexicon/lexicon';
import { familyFirst } from '../names/familyNames';
import type { NameKind } from '../names/nameCandidate';
import { finish, STEP_UNITS, type Steps } from '../steps';
import { documentConfidence, KindVotes, oneKindOfName } from './entityKinds';
import { teamNameAt } from '../names/teams';
import type { DocumentNames } from './linkDocument';

interface Global {
  /** Its place in the list of corpus entities made so far. */
  n: number;
  key: string;
  kind: NameKind;
  words: string[];
  /** Surface forms and how often each was seen. */
  forms: Map<string, number>;
  /** Its id, once all are known. */
  id: string;
  /** The documents' votes for its kind, counted over the documents that name it in full. */
  votes: KindVotes;
  /** For a person sharing a family name with another: the documents naming it in full. */
  docs?: number[];
  /** How often each other entity shares a document with it, once needed (built from `docs`). */
  cooc?: Map<Global, number>;
  /** The last listing of a document's distinct entities that met it (linkCorpusSteps: `distinct`). */
  seen: number;
}

/** Readable, ASCII slug of a name: "Lee Jae-myung" -> "lee-jae-myung". */
export function slug(name: string): string {
  const s = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return s || 'entity';
}

/** The corpus-wide entities of an analysis: each document's entity ids, and what new documents link against. */
export interface CorpusLinks {
  /** `ids[d][e]`: the id of entity e of document d. */
  ids: string[][];
  /** Id of each corpus entity, by the local id of its fullest form. */
  idOfKey: Map<string, string>;
  /** Ids of the persons named in full, by family name, in order of first appearance. */
  idsOfSurname: Map<string, string[]>;
  /** The kind of each entity, by id: every mention of it has this kind. */
  kindOfId: Map<string, NameKind>;
}

/**
 * The corpus-wide entities of an analysis as linkCorpusSteps gives them: each document's ids are
 * made on request, from buffers that a caller linking again may give back (LinkBuffers).
 */
export interface LinkedCorpus extends Omit<CorpusLinks, 'ids'> {
  /** The id of entity e of document d. */
  idOf(d: number, e: number): string;
  /** The ids of document d's entities, in a new array. */
  ids(d: number): string[];
}

/**
 * Where linkCorpusSteps keeps which corpus entity each entity of each document is: two typed
 * arrays, grown as needed and reused by the next link given the same buffers, so that linking a
 * corpus again and again (an index after edits) makes no arrays per document, which outlived the
 * young generation and grew the heap with garbage. The answer of a link reads them: a caller gives
 * them to the next link only once it is done with that answer.
 */
export class LinkBuffers {
  /** Per document, where its entities start in `slots` (one more at the end). */
  starts = new Int32Array(0);
  /** Per entity of every document, the number of its corpus entity (-1: not known yet). */
  slots = new Int32Array(0);

  /** Sizes the buffers for `docs`, every slot unknown. */
  fit(docs: readonly DocumentNames[]): void {
    if (this.starts.length < docs.length + 1) this.starts = new Int32Array(grown(docs.length + 1));
    let total = 0;
    for (let d = 0; d < docs.length; d++) {
      this.starts[d] = total;
      total += docs[d].entities.length;
    }
    this.starts[docs.length] = total;
    if (this.slots.length < total) this.slots = new Int32Array(grown(total));
    this.slots.fill(-1, 0, total);
  }
}

/** A size with room to grow (an edit rarely changes a corpus by an eighth). */
function grown(n: number): number {
  return n + (n >> 3) + 16;
}

/**
 * Documents with more entities than this (only texts of megabytes have them) are left out of the
 * co-occurrence counts below, whose cost grows with the square of a document's entities; a lone
 * family name in such a document goes to the person named in the most documents.
 */
const COOCCURRENCE_MAX_ENTITIES = 10_000;

/**
 * Gives every entity of every document a corpus-wide id. `docs[d]` are the linked names of
 * document d; documents earlier in the list take the plainer ids when two entities share a name.
 */
export function linkCorpus(docs: readonly DocumentNames[]): CorpusLinks {
  const { ids, idOf, ...links } = finish(linkCorpusSteps(docs));
  return { ...links, ids: docs.map((_, d) => ids(d)) };
}

/**
 * linkCorpus in steps (the documents read must not change meanwhile), its answer kept in `buffers`
 * (which the answer reads: not to be given to another link while it is used).
 */
export function* linkCorpusSteps(docs: readonly DocumentNames[], buffers = new LinkBuffers()): Steps<LinkedCorpus> {
  const lex = lexicon();
  // a yield every STEP_UNITS entities, whatever the loop
  let units = 0;
  const due = (n = 1): boolean => {
    units += n;
    if (units < STEP_UNITS) return false;
    units = 0;
    return true;
  };
  const globals = new Map<string, Global>();
  const list: Global[] = [];
  const get = (key: string, kind: NameKind, words: string[]): Global => {
    let g = globals.get(key);
    if (!g) {
      g = { n: list.length, key, kind, words, forms: new Map(), id: '', votes: new KindVotes(kind), seen: 0 };
      globals.set(key, g);
      list.push(g);
    } else if (words.length > g.words.length) g.words = words;
    return g;
  };
  // Full forms first: every local entity named with several words, or not a lone person word.
  // `list[slots[starts[d] + e]]`: the corpus entity of entity e of document d, once known.
  buffers.fit(docs);
  const { starts, slots } = buffers;
  // acronyms that documents define ("IFRC" for its expansion) -> the entity, null for several
  const acronyms = new Map<string, Global | null>();
  for (let d = 0; d < docs.length; d++) {
    const { entities, full } = docs[d];
    const at = starts[d];
    for (let k = 0; k < full.length; k++) {
      const e = full[k];
      const { localId, kind, words, counts, forms } = entities[e];
      const g = get(localId, kind, words);
      if (forms.length > 1 && kind !== 'person') {
        for (const f of forms) {
          if (!ACRONYM.test(f)) continue;
          const key = `${kind}:${normKey(f)}`;
          if (key !== localId) acronyms.set(key, acronyms.has(key) && acronyms.get(key) !== g ? null : g);
        }
      }
      let n = 0;
      for (let c = 0; c < counts.length; c++) n += counts[c];
      g.votes.add(documentConfidence(entities[e]), n);
      slots[at + e] = g.n;
      if (due()) yield;
    }
    if (due()) yield;
  }
  const redirect = yield* sameEntities(globals, acronyms);
  if (redirect) {
    for (let d = 0; d < docs.length; d++) {
      for (let s = starts[d]; s < starts[d + 1]; s++) {
        const to = slots[s] >= 0 ? redirect.get(list[slots[s]]) : undefined;
        if (to) slots[s] = to.n;
      }
      if (due(starts[d + 1] - starts[d] + 1)) yield;
    }
    for (const [from, to] of redirect) {
      globals.delete(from.key);
      if (from.words.length > to.words.length) to.words = from.words;
    }
  }
  // A lone surname ("Reid") in a document without the full name: the one person of the corpus with
  // that family name, or, among several, the one whose documents share the most entities with it.
  const bySurname = new Map<string, Global[]>();
  for (const g of globals.values()) {
    if (g.kind !== 'person' || g.words.length < 2) continue;
    const fam = familyFirst(lex, g.words) || (lex.eastAsianSurnames.has(g.words[0]) && !lex.given.has(g.words[0])) ? g.words[0] : g.words[g.words.length - 1];
    const list = bySurname.get(fam);
    if (list) list.push(g);
    else bySurname.set(fam, [g]);
    if (due()) yield;
  }
  // the documents naming each person who shares a family name with another, to choose between them
  let shared = false;
  for (const list of bySurname.values())
    if (list.length > 1)
      for (const g of list) {
        g.docs = [];
        shared = true;
      }
  if (shared) {
    for (let d = 0; d < docs.length; d++) {
      const { full } = docs[d];
      for (let k = 0; k < full.length; k++) list[slots[starts[d] + full[k]]].docs?.push(d);
      if (due(docs[d].full.length + 1)) yield;
    }
  }
  // how often each other entity shares a document with a candidate (built once per candidate, from
  // what is known when it is first needed)
  // arrays reused, and loops by index: sets cleared and iterators made for every document were
  // garbage enough, over the corpus, to outlive the young generation (and an array emptied by
  // setting its length lets its storage go, so that the next pushes allocate it again: the list's
  // length is kept aside instead)
  const scratch: Global[] = [];
  const mineScratch: Global[] = [];
  const counted = (d: number): boolean => docs[d].entities.length <= COOCCURRENCE_MAX_ENTITIES;
  // the distinct corpus entities known so far for the entities of document d, in order, in `into`
  // (overwritten from its start); returns how many
  let listing = 0;
  const distinct = (d: number, into: Global[]): number => {
    let n = 0;
    listing++;
    for (let s = starts[d]; s < starts[d + 1]; s++) {
      const g = slots[s] >= 0 ? list[slots[s]] : undefined;
      if (g && g.seen !== listing) {
        g.seen = listing;
        into[n++] = g;
      }
    }
    return n;
  };
  const coocOf = (g: Global): Map<Global, number> => {
    if (g.cooc) return g.cooc;
    const m = new Map<Global, number>();
    const withIt = g.docs ?? [];
    for (let k = 0; k < withIt.length; k++) {
      if (!counted(withIt[k])) continue;
      const n = distinct(withIt[k], scratch);
      for (let o = 0; o < n; o++) m.set(scratch[o], (m.get(scratch[o]) ?? 0) + 1);
    }
    return (g.cooc = m);
  };
  // the word of a lone name's local id ("person:reid" -> "reid"), made once per id: a lone name is
  // in many documents, and a string cut for each, at every link, was garbage for the collector
  const words = new Map<string, string>();
  const wordOf = (localId: string): string => {
    let word = words.get(localId);
    if (word === undefined) words.set(localId, (word = localId.slice(localId.indexOf(':') + 1)));
    return word;
  };
  // per lone word, the documents that guess it a person with no evidence
  const loneGuesses = new Map<string, number>();
  for (let d = 0; d < docs.length; d++) {
    const { entities, lone } = docs[d];
    for (let l = 0; l < lone.length; l++) {
      const e = lone[l];
      if (!entities[e].guessed) continue;
      const word = wordOf(entities[e].localId);
      loneGuesses.set(word, (loneGuesses.get(word) ?? 0) + 1);
    }
    if (due(lone.length + 1)) yield;
  }
  for (let d = 0; d < docs.length; d++) {
    const { entities, lone } = docs[d];
    for (let l = 0; l < lone.length; l++) {
      const e = lone[l];
      const localId = entities[e].localId;
      const word = wordOf(localId);
      const cands = bySurname.get(word);
      let chosen: Global | undefined;
      let work = 1;
      if (cands && cands.length === 1) chosen = cands[0];
      else if (cands && cands.length > 1) {
        const mine = counted(d) ? distinct(d, mineScratch) : -1;
        work += entities.length + cands.length * (mine < 0 ? 1 : mine);
        let best = -1;
        for (let k = 0; k < cands.length; k++) {
          const c = cands[k];
          let score = 0;
          if (mine >= 0) {
            const m = coocOf(c);
            for (let o = 0; o < mine; o++) score += m.get(mineScratch[o]) ?? 0;
          }
          if (score > best || (score === best && chosen && (c.docs?.length ?? 0) > (chosen.docs?.length ?? 0))) {
            best = score;
            chosen = c;
          }
        }
      }
      slots[starts[d] + e] = (
        chosen ??
        (entities[e].guessed ? otherKindOf(globals, word, loneGuesses.get(word)!) : undefined) ??
        get(localId, 'person', [word])
      ).n;
      if (due(work)) yield;
    }
    if (due()) yield;
  }
  // count forms
  for (let d = 0; d < docs.length; d++) {
    const { entities } = docs[d];
    for (let e = 0; e < entities.length; e++) {
      const totals = list[slots[starts[d] + e]].forms;
      const { forms, counts } = entities[e];
      for (let f = 0; f < forms.length; f++) totals.set(forms[f], (totals.get(forms[f]) ?? 0) + counts[f]);
      if (due(forms.length)) yield;
    }
    if (due()) yield;
  }
  // ids: slugs of the entity names, disambiguated in order of first appearance
  const idOfKey = new Map<string, string>();
  const kindOfId = new Map<string, NameKind>();
  const idSpace = new IdSpace();
  for (const g of globals.values()) {
    const canon = g.key.slice(g.key.indexOf(':') + 1);
    g.id = idSpace.unique(lex.aliasNames.get(canon) ?? entityName(g.forms), g.kind);
    idOfKey.set(g.key, g.id);
    kindOfId.set(g.id, g.kind);
    if (due(4)) yield;
  }
  if (redirect) for (const [from, to] of redirect) idOfKey.set(from.key, to.id);
  const idsOfSurname = new Map<string, string[]>();
  for (const [fam, list] of bySurname)
    idsOfSurname.set(
      fam,
      list.map(g => g.id),
    );
  const idOf = (d: number, e: number): string => list[slots[starts[d] + e]].id;
  const ids = (d: number): string[] => Array.from({ length: starts[d + 1] - starts[d] }, (_, e) => idOf(d, e));
  return { idOf, ids, idOfKey, idsOfSurname, kindOfId };
}

/**
 * Corpus entities that are another one: a name that documents give different kinds is one entity
 * of the kind they vote for (entityKinds.ts: "Haldenbruck" a place after a dateline, guessed an
 * organization elsewhere), unless several kinds rest on evidence; a team's own name ("organization:saints")
 * is the one team of the corpus named with its place ("organization:neworleanssaints"), if there is one;
 * an acronym alone ("IFRC") is the one entity other documents define it for.
 */
function* sameEntities(globals: ReadonlyMap<string, Global>, acronyms: ReadonlyMap<string, Global | null>): Steps<Map<Global, Global> | undefined> {
  const lex = lexicon();
  let units = 0;
  const byName = new Map<string, Global | Global[]>(); // name without kind -> its entities
  const teams = new Map<string, Global | null>(); // own name's key -> its one team, null for several
  for (const g of globals.values()) {
    if (++units % STEP_UNITS === 0) yield;
    const name = g.key.slice(g.key.indexOf(':') + 1);
    const seen = byName.get(name);
    if (!seen) byName.set(name, g);
    else if (Array.isArray(seen)) seen.push(g);
    else byName.set(name, [seen, g]);
    const at = g.kind === 'organization' ? teamNameAt(lex, g.words) : 0;
    if (!at) continue;
    const own = `organization:${normKey(g.words.slice(at).join(''))}`;
    teams.set(own, teams.has(own) ? null : g);
  }
  let out: Map<Global, Global> | undefined;
  for (const list of byName.values()) {
    if (++units % STEP_UNITS === 0) yield;
    if (!Array.isArray(list)) continue;
    const winner = oneKindOfName(list.map(g => g.votes));
    // several kinds with evidence ("Philadelphia" the city and the team): different entities
    if (winner < 0) continue;
    const best = list[winner];
    for (const g of list) if (g !== best) (out ??= new Map()).set(g, best);
  }
  for (const [key, to] of acronyms) {
    const g = to && globals.get(key);
    if (g && g !== to && !out?.has(g)) (out ??= new Map()).set(g, to);
  }
  for (const [own, team] of teams) {
    const g = team && globals.get(own);
    if (g && g !== team) (out ??= new Map()).set(g, team);
  }
  // to the end of each chain: "place:saints" -> "organization:saints" -> the team
  if (out) {
    for (const [from, to] of out) {
      let end = to;
      for (let hops = 0; hops < 4 && out.has(end); hops++) end = out.get(end)!;
      out.set(from, end);
    }
  }
  return out;
}

/**
 * The one organization or place of the corpus named `word` (a name's key), if exactly one and the
 * documents vote for it more than the `guesses` documents that guess the lone word a person (with
 * no person of the corpus having it as family name): "Seacom" guessed a person in two documents,
 * the company in six, is the company, as one name given different kinds is one entity of the kind
 * the documents vote for (sameEntities, entityKinds.ts).
 */
function otherKindOf(globals: ReadonlyMap<string, Global>, word: string, guesses: number): Global | undefined {
  const org = globals.get(`organization:${word}`);
  const place = globals.get(`place:${word}`);
  const other = org && place ? undefined : (org ?? place);
  return other && other.votes.votes > guesses * documentConfidence({ guessed: true }) ? other : undefined;
}

/** A form that is an acronym: "IFRC", "U.N.". */
const ACRONYM = /^[A-Z][A-Z.&]{1,9}$/;

/** The ids given so far. */
export class IdSpace {
  private readonly taken = new Set<string>();
  /**
   * Per slug and kind, the number to try next: all below it are taken, and ids are never given
   * back, so counting need not start over (names without ASCII letters all have the slug "entity").
   */
  private readonly next = new Map<string, number>();

  /** `before`: ids taken already, read in place (a corpus has hundreds of thousands: copying them would hold a step). */
  constructor(private readonly before: { has(id: string): boolean } = new Set()) {}

  private has(id: string): boolean {
    return this.taken.has(id) || this.before.has(id);
  }

  /** The slug of a name, made unique (and taken): "lee", "lee-person", "lee-person-2". */
  unique(name: string, kind: NameKind): string {
    const base = slug(name);
    let id = base;
    if (this.has(id)) id = `${base}-${kind}`;
    if (this.has(id)) {
      const key = `${kind}:${base}`;
      let k = this.next.get(key) ?? 2;
      while (this.has((id = `${base}-${kind}-${k}`))) k++;
      this.next.set(key, k + 1);
    }
    this.taken.add(id);
    return id;
  }
}

/** The name of an entity: among its forms with the most words, the most frequent (then the longest). */
export function entityName(forms: Map<string, number>): string {
  let best = '';
  let bestWords = -1;
  let bestCount = -1;
  for (const [form, count] of forms) {
    const words = form.split(/\s+/).length;
    if (
      words > bestWords ||
      (words === bestWords && (count > bestCount || (count === bestCount && (form.length > best.length || (form.length === best.length && form < best)))))
    ) {
      best = form;
      bestWords = words;
      bestCount = count;
    }
  }
  return best;
}
