// Links the entities of the documents of one analysis: one id per real-world entity.
import { lexicon } from '../lexicon/lexicon';
import type { NameKind } from '../names/recognizeNames';
import { familyFirst, type LinkedName } from './linkDocument';

interface Global {
  key: string;
  kind: NameKind;
  words: string[];
  mentions: number;
  /** Surface forms and how often each was seen. */
  forms: Map<string, number>;
  /** Documents it occurs in. */
  docs: Set<number>;
  order: number;
}

/** Readable, ASCII slug of a name: "Lee Jae-myung" -> "lee-jae-myung". */
export function slug(name: string): string {
  const s = name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return s || 'entity';
}

/**
 * Gives every name of every document a corpus-wide entity id. `docs[i]` are the linked names of
 * document i; the result holds the id of each, in the same order.
 */
export function linkCorpus(docs: readonly LinkedName[][]): string[][] {
  const lex = lexicon();
  const globals = new Map<string, Global>();
  let order = 0;
  const get = (key: string, kind: NameKind, words: string[]): Global => {
    let g = globals.get(key);
    if (!g) {
      g = { key, kind, words, mentions: 0, forms: new Map(), docs: new Set(), order: order++ };
      globals.set(key, g);
    } else if (words.length > g.words.length) g.words = words;
    return g;
  };
  // Full forms first: every local entity named with several words, or not a lone person word.
  const loneSurnames: Array<{ doc: number; localId: string; word: string }> = [];
  const localToGlobal: Array<Map<string, string>> = docs.map(() => new Map());
  docs.forEach((names, d) => {
    const lone = new Map<string, boolean>();
    for (const n of names) {
      if (n.kind === 'person' && n.words.length === 1) {
        if (!lone.has(n.localId)) lone.set(n.localId, true);
      } else if (!localToGlobal[d].has(n.localId)) {
        get(n.localId, n.kind, n.words);
        localToGlobal[d].set(n.localId, n.localId);
      }
    }
    for (const id of lone.keys()) loneSurnames.push({ doc: d, localId: id, word: id.slice(id.indexOf(':') + 1) });
  });
  // A lone surname ("Reid") in a document without the full name: the one person of the corpus with
  // that family name, or, among several, the one whose documents share the most entities with it.
  const bySurname = new Map<string, Global[]>();
  for (const g of globals.values()) {
    if (g.kind !== 'person' || g.words.length < 2) continue;
    const fam = familyFirst(lex, g.words) || (lex.eastAsianSurnames.has(g.words[0]) && !lex.given.has(g.words[0])) ? g.words[0] : g.words[g.words.length - 1];
    const list = bySurname.get(fam);
    if (list) list.push(g);
    else bySurname.set(fam, [g]);
  }
  const docsOf = new Map<string, Set<number>>();
  docs.forEach((names, d) => {
    for (const n of names) {
      const gid = localToGlobal[d].get(n.localId);
      if (!gid) continue;
      let s = docsOf.get(gid);
      if (!s) docsOf.set(gid, s = new Set());
      s.add(d);
    }
  });
  // how often each other entity shares a document with a candidate (built once per candidate)
  const cooc = new Map<string, Map<string, number>>();
  const coocOf = (key: string): Map<string, number> => {
    let m = cooc.get(key);
    if (m) return m;
    m = new Map();
    for (const d of docsOf.get(key) ?? []) for (const gid of new Set(localToGlobal[d].values())) m.set(gid, (m.get(gid) ?? 0) + 1);
    cooc.set(key, m);
    return m;
  };
  for (const { doc, localId, word } of loneSurnames) {
    const cands = bySurname.get(word);
    let chosen: Global | undefined;
    if (cands && cands.length === 1) chosen = cands[0];
    else if (cands && cands.length > 1) {
      const mine = new Set(localToGlobal[doc].values());
      let best = -1;
      for (const c of cands) {
        const m = coocOf(c.key);
        let score = 0;
        for (const gid of mine) score += m.get(gid) ?? 0;
        if (score > best || (score === best && chosen && (docsOf.get(c.key)?.size ?? 0) > (docsOf.get(chosen.key)?.size ?? 0))) {
          best = score;
          chosen = c;
        }
      }
    }
    if (chosen) localToGlobal[doc].set(localId, chosen.key);
    else {
      get(localId, 'person', [word]);
      localToGlobal[doc].set(localId, localId);
    }
  }
  // count forms and mentions
  docs.forEach((names, d) => {
    for (const n of names) {
      const g = globals.get(localToGlobal[d].get(n.localId)!)!;
      g.mentions++;
      g.docs.add(d);
      g.forms.set(n.text, (g.forms.get(n.text) ?? 0) + 1);
    }
  });
  // ids: slugs of the entity names, disambiguated in order of first appearance
  const ids = new Map<string, string>();
  const taken = new Set<string>();
  for (const g of [...globals.values()].sort((a, b) => a.order - b.order)) {
    const canon = g.key.slice(g.key.indexOf(':') + 1);
    const name = lex.aliasNames.get(canon) ?? entityName(g.forms);
    let id = slug(name);
    if (taken.has(id)) id = `${id}-${g.kind}`;
    for (let k = 2; taken.has(id); k++) id = `${slug(name)}-${g.kind}-${k}`;
    taken.add(id);
    ids.set(g.key, id);
  }
  return docs.map((names, d) => names.map(n => ids.get(localToGlobal[d].get(n.localId)!)!));
}

/** The name of an entity: among its forms with the most words, the most frequent (then the longest). */
export function entityName(forms: Map<string, number>): string {
  let best = '';
  let bestWords = -1;
  let bestCount = -1;
  for (const [form, count] of forms) {
    const words = form.split(/\s+/).length;
    if (words > bestWords || (words === bestWords && (count > bestCount || (count === bestCount && (form.length > best.length || (form.length === best.length && form < best)))))) {
      best = form;
      bestWords = words;
      bestCount = count;
    }
  }
  return best;
}
