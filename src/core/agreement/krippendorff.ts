/**
 * Krippendorff's alpha for nominal data (Krippendorff 2011, "Computing Krippendorff's
 * Alpha-Reliability"), from units holding any number of values: missing values are simply absent,
 * and units with fewer than two values are not pairable and count for nothing. Additive per unit.
 *
 * With n pairable values, n_c of them in category c, and per unit u with m_u values of which n_uc
 * in c: alpha = 1 - (n - 1) * sum_u (m_u^2 - sum_c n_uc^2) / (m_u - 1) / (n^2 - sum_c n_c^2).
 */
export class NominalAlpha {
  private pairable = 0;
  /** Per unit size m_u, the sum of its units' mismatching ordered value pairs (whole numbers, so exact). */
  private readonly mismatches = new Map<number, number>();
  private readonly totals = new Map<string, number>();

  /** Adds one unit: the values the observers gave it (one per observer who coded it). */
  addUnit(values: readonly string[]): void {
    const m = values.length;
    if (m < 2) return;
    const counts = new Map<string, number>();
    for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
    let squares = 0;
    for (const [v, n] of counts) {
      squares += n * n;
      this.totals.set(v, (this.totals.get(v) ?? 0) + n);
    }
    this.mismatches.set(m, (this.mismatches.get(m) ?? 0) + m * m - squares);
    this.pairable += m;
  }

  /** Number of pairable values. */
  get values(): number {
    return this.pairable;
  }

  /** 1 - D_o / D_e; null with fewer than two pairable values; 1 when no unit holds differing values. */
  alpha(): number | null {
    const n = this.pairable;
    if (n < 2) return null;
    let mismatches = 0;
    for (const [m, pairs] of [...this.mismatches].sort((x, y) => x[0] - y[0])) mismatches += pairs / (m - 1);
    if (mismatches === 0) return 1;
    let squares = 0;
    for (const c of this.totals.values()) squares += c * c;
    return 1 - ((n - 1) * mismatches) / (n * n - squares);
  }
}
