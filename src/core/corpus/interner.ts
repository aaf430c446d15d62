import type { LocalEntity } from '../linking/linkDocument';
import type { LinkedNames } from '../linking/linkNames';
import { finish, mapSteps, STEP_UNITS, type Steps } from '../steps';
import type { DocumentAnalysis } from './documentAnalysis';
import { ShardedMap } from './shardedMap';

/**
 * One copy of what the documents of a corpus share: strings (entity keys, words, surface forms,
 * date values) and whole local entities (the same names, written the same way, recur in thousands
 * of documents). A string enters as a copy, so that it never keeps alive the document text it was
 * cut from. Everything interned is treated as immutable.
 */
export class Interner {
  private readonly strings = new ShardedMap<string>();
  private readonly entities = new ShardedMap<LocalEntity>();

  string(s: string): string {
    let shared = this.strings.get(s);
    if (shared === undefined) this.strings.set(s, (shared = detached(s)));
    return shared;
  }

  /** Replaces the parts of a document's analysis by their shared copies (in place). */
  analysis(a: DocumentAnalysis): void {
    finish(this.analysisSteps(a));
  }

  /** `analysis` in steps (a document of megabytes has tens of thousands of names and dates). */
  *analysisSteps(a: DocumentAnalysis): Steps<void> {
    for (let i = 0; i < a.dates.length; i++) {
      const m = a.dates[i];
      m.text = this.string(m.text);
      if (m.value) m.value = this.string(m.value);
      if (i % STEP_UNITS === STEP_UNITS - 1) yield;
    }
    a.surnames = yield* mapSteps(a.surnames, s => this.string(s));
    yield* this.linkedSteps(a.linked);
  }

  linked(linked: LinkedNames): void {
    finish(this.linkedSteps(linked));
  }

  *linkedSteps(linked: LinkedNames): Steps<void> {
    linked.found = yield* mapSteps(linked.found, s => this.string(s));
    linked.missing = yield* mapSteps(linked.missing, s => this.string(s));
    const { names } = linked;
    names.entities = yield* mapSteps(names.entities, e => this.entity(e), STEP_UNITS / 4);
    names.full = names.full.slice(); // sized exactly (arrays grown by push have room to spare)
    names.lone = names.lone.slice();
  }

  entity(e: LocalEntity): LocalEntity {
    const key = `${e.localId}\u0001${e.kind}${e.guessed ? '?' : ''}\u0001${e.words.join('\u0002')}\u0001${e.forms.join('\u0002')}\u0001${e.counts.join(',')}`;
    let shared = this.entities.get(key);
    if (!shared) {
      shared = {
        localId: this.string(e.localId),
        kind: e.kind,
        words: e.words.map(w => this.string(w)),
        forms: e.forms.map(f => this.string(f)),
        counts: e.counts.slice(),
        ...(e.guessed && { guessed: true }),
      };
      this.entities.set(this.string(key), shared);
    }
    return shared;
  }
}

/** A copy of a string that shares no memory with the text it may have been sliced from. */
function detached(s: string): string {
  return s.length < 13 ? s : (JSON.parse(JSON.stringify(s)) as string);
}
