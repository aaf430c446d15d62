/**
 * Fleiss' kappa (Fleiss 1971) for a fixed number of raters per subject: each subject adds how many
 * raters chose each category. Additive, so a corpus is gathered subject by subject.
 */
export class FleissKappa {
  private subjects = 0;
  /** Sum over subjects of the agreeing ordered rater pairs, m(m-1) P_i (whole numbers, so exact). */
  private agreeingPairs = 0;
  private readonly totals = new Map<string, number>();

  /** `raters`: how many ratings every subject gets (at least 2). */
  constructor(readonly raters: number) {}

  /** Adds one subject: the categories its raters chose (exactly `raters` of them). */
  addSubject(categories: readonly string[]): void {
    if (categories.length !== this.raters) throw new RangeError(`Fleiss' kappa: a subject needs ${this.raters} ratings, not ${categories.length}`);
    const counts = new Map<string, number>();
    for (const c of categories) counts.set(c, (counts.get(c) ?? 0) + 1);
    this.addCounts(counts);
  }

  /** Adds one subject as counts per category (they sum to `raters`). */
  addCounts(counts: ReadonlyMap<string, number>): void {
    let squares = 0;
    for (const [c, n] of counts) {
      squares += n * n;
      this.totals.set(c, (this.totals.get(c) ?? 0) + n);
    }
    this.agreeingPairs += squares - this.raters;
    this.subjects++;
  }

  get size(): number {
    return this.subjects;
  }

  /** (P̄ - P̄e) / (1 - P̄e); null without subjects or with fewer than 2 raters; 1 when every pair agrees. */
  kappa(): number | null {
    if (this.subjects === 0 || this.raters < 2) return null;
    const m = this.raters;
    const observed = this.agreeingPairs / (m * (m - 1) * this.subjects);
    if (observed === 1) return 1;
    let squares = 0;
    for (const n of this.totals.values()) squares += n * n;
    const expected = squares / (this.subjects * m) ** 2;
    return (observed - expected) / (1 - expected);
  }
}
