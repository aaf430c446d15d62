import type { WordSet } from '../names/nameCandidate';

/** The family names of a corpus, counted by document, so that documents can come and go. */
export class SurnameCounts implements WordSet {
  private readonly counts = new Map<string, number>();
  /** Incremented whenever a name enters or leaves the set. */
  version = 0;

  has(word: string): boolean {
    return this.counts.has(word);
  }

  /** The names, each once. */
  words(): string[] {
    return [...this.counts.keys()];
  }

  add(names: readonly string[]): void {
    for (const n of names) {
      const c = this.counts.get(n) ?? 0;
      this.counts.set(n, c + 1);
      if (c === 0) this.version++;
    }
  }

  remove(names: readonly string[]): void {
    for (const n of names) {
      const c = this.counts.get(n) ?? 0;
      if (c > 1) this.counts.set(n, c - 1);
      else if (c === 1) {
        this.counts.delete(n);
        this.version++;
      }
    }
  }
}
