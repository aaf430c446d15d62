/**
 * Cohen's kappa (Cohen 1960) from a table of label pairs: how often reviewer A gave label x where
 * reviewer B gave label y. Tables are additive, so one table can gather a whole corpus.
 */
export class LabelPairTable {
  private readonly counts = new Map<string, Map<string, number>>();
  private n = 0;

  /** Records `times` items labelled `a` by the first rater and `b` by the second. */
  add(a: string, b: string, times = 1): void {
    let row = this.counts.get(a);
    if (!row) this.counts.set(a, (row = new Map()));
    row.set(b, (row.get(b) ?? 0) + times);
    this.n += times;
  }

  /** Adds every count of `other`. */
  addAll(other: LabelPairTable): void {
    for (const [a, row] of other.counts) for (const [b, times] of row) this.add(a, b, times);
  }

  /** Items labelled `a` by the first rater and `b` by the second. */
  count(a: string, b: string): number {
    return this.counts.get(a)?.get(b) ?? 0;
  }

  /** Number of items. */
  get total(): number {
    return this.n;
  }

  /** Items on which both raters agree. */
  get agreed(): number {
    let agreed = 0;
    for (const [a, row] of this.counts) agreed += row.get(a) ?? 0;
    return agreed;
  }

  /** The table with every label outside `label` folded into one "other" (for a label's own kappa). */
  binary(label: string): LabelPairTable {
    const out = new LabelPairTable();
    for (const [a, row] of this.counts) {
      for (const [b, times] of row) out.add(a === label ? 'yes' : 'no', b === label ? 'yes' : 'no', times);
    }
    return out;
  }

  /**
   * Cohen's kappa, (p_o - p_e) / (1 - p_e); null without items. Observed agreement on every item
   * gives 1, also when a single label was used (where the formula is 0/0).
   */
  kappa(): number | null {
    if (this.n === 0) return null;
    const agreed = this.agreed;
    if (agreed === this.n) return 1;
    const rows = new Map<string, number>();
    const columns = new Map<string, number>();
    for (const [a, row] of this.counts) {
      for (const [b, times] of row) {
        rows.set(a, (rows.get(a) ?? 0) + times);
        columns.set(b, (columns.get(b) ?? 0) + times);
      }
    }
    // In whole counts, (p_o - p_e) / (1 - p_e) = (agreed * n - chance) / (n^2 - chance), with
    // chance = sum over labels of row total * column total: exact, whatever the order of labels.
    let chance = 0;
    for (const [label, count] of rows) chance += count * (columns.get(label) ?? 0);
    return (agreed * this.n - chance) / (this.n * this.n - chance);
  }
}
