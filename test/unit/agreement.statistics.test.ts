import { strict as assert } from 'node:assert';
import { LabelPairTable } from '../../src/core/agreement/cohen';
import { FleissKappa } from '../../src/core/agreement/fleiss';
import { NominalAlpha } from '../../src/core/agreement/krippendorff';
import { UnitizingAlpha, type MarkedUnit } from '../../src/core/agreement/unitizing';

/** `actual` is `expected` as published, to the places it is given (0.5 in the last place). */
const close = (actual: number | null, expected: number, places = 3): void => {
  assert.ok(actual !== null, `expected ${expected}, got null`);
  assert.ok(Math.abs(actual - expected) <= 0.5 * 10 ** -places + 1e-12, `${actual} is not ${expected} to ${places} places`);
};

describe('agreement statistics: known answers from the literature', () => {
  it("Cohen's kappa: 50 items, yes/yes 20, yes/no 5, no/yes 10, no/no 15 -> 0.40", () => {
    const table = new LabelPairTable();
    table.add('yes', 'yes', 20);
    table.add('yes', 'no', 5);
    table.add('no', 'yes', 10);
    table.add('no', 'no', 15);
    close(table.kappa(), 0.4);
    assert.equal(table.total, 50);
    assert.equal(table.agreed, 35);
  });

  it("Fleiss' kappa: Fleiss (1971) as tabulated by Wikipedia, 10 subjects x 14 raters x 5 categories -> 0.210", () => {
    const rows = [
      [0, 0, 0, 0, 14],
      [0, 2, 6, 4, 2],
      [0, 0, 3, 5, 6],
      [0, 3, 9, 2, 0],
      [2, 2, 8, 1, 1],
      [7, 7, 0, 0, 0],
      [3, 2, 6, 3, 0],
      [2, 5, 3, 2, 2],
      [6, 5, 2, 1, 0],
      [0, 2, 2, 3, 7],
    ];
    const fleiss = new FleissKappa(14);
    for (const row of rows) fleiss.addCounts(new Map(row.map((n, j) => [`c${j + 1}`, n])));
    close(fleiss.kappa(), 0.21);
    assert.equal(fleiss.size, 10);
  });

  it("Krippendorff's alpha, nominal: Krippendorff (2011), 4 observers x 12 units with missing values -> 0.743", () => {
    const m = null;
    const data = [
      [1, 2, 3, 3, 2, 1, 4, 1, 2, m, m, m],
      [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, m, 3],
      [m, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, m],
      [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, m],
    ];
    const alpha = new NominalAlpha();
    for (let unit = 0; unit < 12; unit++) {
      alpha.addUnit(
        data
          .map(row => row[unit])
          .filter(v => v !== null)
          .map(String),
      );
    }
    close(alpha.alpha(), 0.743);
    assert.equal(alpha.values, 40, 'unit 12 has one value and is not pairable');
  });

  it("Krippendorff's alpha_u: Krippendorff (2004, p. 254), two observers, categories c and k on [150, 450)", () => {
    // The worked example's continuum starts at 150; stretches start at 0.
    const unit = (observer: number, begin: number, length: number, category: string): MarkedUnit => ({
      observer,
      start: begin - 150,
      end: begin - 150 + length,
      category,
    });
    const alpha = new UnitizingAlpha(2);
    alpha.addStretch(300, [
      unit(0, 225, 70, 'c'),
      unit(0, 370, 30, 'c'),
      unit(1, 220, 80, 'c'),
      unit(1, 355, 20, 'c'),
      unit(1, 400, 20, 'c'),
      unit(0, 180, 60, 'k'),
      unit(0, 300, 50, 'k'),
      unit(1, 180, 60, 'k'),
      unit(1, 300, 50, 'k'),
    ]);
    const result = alpha.result();
    const c = result.categories.get('c')!;
    const k = result.categories.get('k')!;
    close(c.observed, 0.0144, 4);
    close(c.expected, 0.0532, 4);
    close(c.alpha, 0.7286, 4);
    close(k.observed, 0, 4);
    close(k.expected, 0.049, 4);
    close(k.alpha, 1, 4);
    // The book's 0.8591 is 1 - 0.0144 / (0.0532 + 0.0490), from the rounded D values; unrounded: 0.8587.
    close(1 - 0.0144 / (0.0532 + 0.049), 0.8591, 4);
    close(result.alpha, 0.859, 3);
  });

  it("Krippendorff's alpha_u: observed disagreements of Krippendorff (1995, p. 57), four pairs of observers on 24 units", () => {
    const cases: [string, [number, number][], [number, number][], number][] = [
      [
        'A',
        [
          [2, 8],
          [14, 6],
        ],
        [
          [4, 4],
          [15, 2],
        ],
        0.03125,
      ],
      [
        'B',
        [[0, 18]],
        [
          [0, 2],
          [2, 1],
          [3, 1],
          [4, 1],
          [5, 1],
          [6, 3],
          [9, 1],
        ],
        2.26736,
      ],
      [
        'C',
        [
          [2, 6],
          [10, 2],
          [14, 4],
          [20, 2],
        ],
        [
          [0, 2],
          [4, 4],
          [10, 4],
          [16, 2],
          [20, 2],
        ],
        0.02778,
      ],
      [
        'D',
        [
          [0, 2],
          [2, 8],
          [10, 4],
          [14, 6],
          [20, 4],
        ],
        [
          [0, 4],
          [4, 4],
          [8, 7],
          [15, 2],
          [17, 7],
        ],
        0.38715,
      ],
    ];
    for (const [name, first, second, observed] of cases) {
      const alpha = new UnitizingAlpha(2);
      const units = [...first.map(([b, l]) => ({ observer: 0, b, l })), ...second.map(([b, l]) => ({ observer: 1, b, l }))];
      alpha.addStretch(
        24,
        units.map(u => ({ observer: u.observer, start: u.b, end: u.b + u.l, category: name })),
      );
      close(alpha.result().categories.get(name)!.observed, observed, 5);
    }
  });
});
