import { cellNoise, type CellNoise } from './cell-noise';
import { DEFAULT_DISCLOSURE_SETTINGS, suppressionFringe } from './disclosure-settings';
import { protectCount, type ProtectedCount } from './protect-count';
import { MARGIN } from './protect-cube';
import { type ProtectedTable, protectTable } from './protect-table';

type Grid = Record<string, Record<string, number>>;

/** Noise that rounds down and never suppresses in the fringe, unless pinned otherwise for a cell. */
function pinnedNoise(pins: Record<string, CellNoise> = {}) {
  return (row: string, column: string): CellNoise => pins[`${row}/${column}`] ?? { suppress: 0.99, round: 0.99 };
}

function tableOf(counts: Grid, pins: Record<string, CellNoise> = {}) {
  const rows = Object.keys(counts);
  return { rows, columns: Object.keys(counts[rows[0]]), count: (r: string, c: string) => counts[r][c], noiseOf: pinnedNoise(pins) };
}

const S = { value: null, rule: 'SUPPRESSED_SMALL' } as const;
const SEC = { value: null, rule: 'SUPPRESSED_SECONDARY' } as const;
const P = (value: number): ProtectedCount => ({ value, rule: 'PUBLISHED' });

function figuresOf(table: ProtectedTable): Record<string, Record<string, ProtectedCount>> {
  return Object.fromEntries(table.rows.map((r) => [r, Object.fromEntries(table.columns.map((c) => [c, table.figure(r, c)]))]));
}

/** Lines with exactly one suppressed cell, worked out here rather than by the code under test. */
function linesGivingAway(table: ProtectedTable): string[] {
  const found: string[] = [];
  const suppressed = (r: string, c: string) => table.figure(r, c).value === null;
  if (table.columns.length > 1) {
    for (const r of table.rows) if (table.columns.filter((c) => suppressed(r, c)).length === 1) found.push(`row ${r}`);
  }
  if (table.rows.length > 1) {
    for (const c of table.columns) if (table.rows.filter((r) => suppressed(r, c)).length === 1) found.push(`column ${c}`);
  }
  return found;
}

// Referrals sent, by borough of residence (rows) and need (columns); true counts, margins additive.
const TWO_WAY: Grid = {
  A: { X: 3, Y: 12, Z: 40, [MARGIN]: 55 },
  B: { X: 14, Y: 11, Z: 31, [MARGIN]: 56 },
  C: { X: 25, Y: 35, Z: 50, [MARGIN]: 110 },
  [MARGIN]: { X: 42, Y: 58, Z: 121, [MARGIN]: 221 },
};
const TWO_WAY_PINS = { 'B/Z': { suppress: 0.99, round: 0.1 }, [`${MARGIN}/Y`]: { suppress: 0.99, round: 0.5 } };

describe('protectTable', () => {
  it('protects a two-way table cell by cell, suppressing a rectangle around the one small cell', () => {
    const table = protectTable(tableOf(TWO_WAY, TWO_WAY_PINS));
    // A/X is small. Row A gives it away, so its smallest published cell A/Y goes; column X gives it away,
    // so B/X (10, below C/X's 25) goes; column Y now gives A/Y away, so B/Y (10, below C/Y's 35) goes.
    expect(figuresOf(table)).toEqual({
      A: { X: S, Y: SEC, Z: P(40), [MARGIN]: P(55) },
      B: { X: SEC, Y: SEC, Z: P(35), [MARGIN]: P(55) },
      C: { X: P(25), Y: P(35), Z: P(50), [MARGIN]: P(110) },
      [MARGIN]: { X: P(40), Y: P(60), Z: P(120), [MARGIN]: P(220) },
    });
    expect(table.cellsByRule).toEqual({ PUBLISHED: 12, SUPPRESSED_SMALL: 1, SUPPRESSED_SECONDARY: 3, WITHHELD_PART_SUPPRESSED: 0, NOT_APPLICABLE: 0 });
    expect(linesGivingAway(table)).toEqual([]);
  });

  it('protects a one-way table: its total is the margin, and the smallest published cell goes, the first on a tie', () => {
    const table = protectTable(tableOf({ ANXIETY: { [MARGIN]: 17 }, DEBT: { [MARGIN]: 6 }, HOUSING: { [MARGIN]: 31 }, LONELINESS: { [MARGIN]: 18 }, [MARGIN]: { [MARGIN]: 72 } }));
    expect(figuresOf(table)).toEqual({
      ANXIETY: { [MARGIN]: SEC },
      DEBT: { [MARGIN]: S },
      HOUSING: { [MARGIN]: P(30) },
      LONELINESS: { [MARGIN]: P(15) },
      [MARGIN]: { [MARGIN]: P(70) },
    });
    expect(linesGivingAway(table)).toEqual([]);
  });

  it('suppresses the margin when nothing else in the line is published', () => {
    // One row, 9 referrals: the row rounds down to 5 and is suppressed; its total, drawn apart, rounds up to 10.
    const table = protectTable(tableOf({ ONLY: { [MARGIN]: 9 }, [MARGIN]: { [MARGIN]: 9 } }, { [`${MARGIN}/${MARGIN}`]: { suppress: 0.99, round: 0.3 } }));
    expect(figuresOf(table)).toEqual({ ONLY: { [MARGIN]: S }, [MARGIN]: { [MARGIN]: SEC } });
  });

  it('leaves a table with nothing suppressed as primary protection left it', () => {
    const table = protectTable(tableOf({ A: { X: 20, [MARGIN]: 20 }, [MARGIN]: { X: 20, [MARGIN]: 20 } }));
    expect(table.cellsByRule.PUBLISHED).toBe(4);
  });

  it('leaves no line with exactly one suppressed cell, and changes published cells only into secondary suppressions', () => {
    const secret = Buffer.alloc(32, 7);
    for (let trial = 0; trial < 200; trial += 1) {
      const rows = ['R1', 'R2', 'R3', 'R4'].slice(0, 2 + (trial % 3));
      const columns = ['C1', 'C2', 'C3', 'C4', 'C5'].slice(0, 1 + (trial % 5));
      const inner: Grid = Object.fromEntries(rows.map((r) => [r, Object.fromEntries(columns.map((c) => [c, Math.floor(cellNoise(secret, `count ${trial}/${r}/${c}`).round * 30)]))]));
      const count = (r: string, c: string): number =>
        r === MARGIN ? rows.reduce((sum, row) => sum + count(row, c), 0) : c === MARGIN ? columns.reduce((sum, col) => sum + inner[r][col], 0) : inner[r][c];
      const noiseOf = (r: string, c: string) => cellNoise(secret, `${trial}/${r}/${c}`);
      const input = { rows: [...rows, MARGIN], columns: [...columns, MARGIN], count, noiseOf };
      const table = protectTable(input);
      expect(linesGivingAway(table)).toEqual([]);
      for (const r of input.rows) {
        for (const c of input.columns) {
          const figure = table.figure(r, c);
          if (figure.rule !== 'SUPPRESSED_SECONDARY') expect(figure).toEqual(protectCount(count(r, c), noiseOf(r, c)));
          else expect(protectCount(count(r, c), noiseOf(r, c)).rule).toBe('PUBLISHED');
        }
      }
    }
  });

  it('refuses repeated keys and unknown cells', () => {
    expect(() => protectTable(tableOf({ A: { X: 1, [MARGIN]: 1 } }), DEFAULT_DISCLOSURE_SETTINGS).figure('B', 'X')).toThrow(RangeError);
    expect(() => protectTable({ rows: ['A', 'A'], columns: [MARGIN], count: () => 1, noiseOf: pinnedNoise() })).toThrow(/distinct/);
  });
});

/**
 * What an attacker can work out from a protected table with interval arithmetic: a published v means a
 * true count in [v-b+1, v+b-1], above the threshold; a small suppression means 0..T+F; a secondary one
 * means a count primary protection would have published, so above T. Every line's margin is the sum of
 * its other cells; bounds are tightened through those sums until nothing changes.
 */
function attackIntervals(table: ProtectedTable): Map<string, [number, number]> {
  const { threshold: t, roundingBase: b } = DEFAULT_DISCLOSURE_SETTINGS;
  const fringeTop = t + suppressionFringe(t, b);
  const bounds = new Map<string, [number, number]>();
  for (const r of table.rows) {
    for (const c of table.columns) {
      const { value, rule } = table.figure(r, c);
      bounds.set(`${r}/${c}`, value !== null ? [Math.max(value - b + 1, t + 1), value + b - 1] : rule === 'SUPPRESSED_SMALL' ? [0, fringeTop] : [t + 1, Infinity]);
    }
  }
  const lines: { parts: string[]; total: string }[] = [
    ...table.rows.map((r) => ({ parts: table.columns.filter((c) => c !== MARGIN).map((c) => `${r}/${c}`), total: `${r}/${MARGIN}` })),
    ...table.columns.map((c) => ({ parts: table.rows.filter((r) => r !== MARGIN).map((r) => `${r}/${c}`), total: `${MARGIN}/${c}` })),
  ];
  const sum = (keys: string[], end: 0 | 1) => keys.reduce((s, k) => s + bounds.get(k)![end], 0);
  let changed = true;
  while (changed) {
    changed = false;
    const narrow = (key: string, lo: number, hi: number) => {
      const [oldLo, oldHi] = bounds.get(key)!;
      const next: [number, number] = [Math.max(oldLo, lo), Math.min(oldHi, hi)];
      if (next[0] !== oldLo || next[1] !== oldHi) {
        bounds.set(key, next);
        changed = true;
      }
    };
    for (const { parts, total } of lines) {
      narrow(total, sum(parts, 0), sum(parts, 1));
      for (const part of parts) {
        const others = parts.filter((p) => p !== part);
        narrow(part, bounds.get(total)![0] - sum(others, 1), bounds.get(total)![1] - sum(others, 0));
      }
    }
  }
  return bounds;
}

describe('what an attacker can recover from the protected two-way table', () => {
  const table = protectTable(tableOf(TWO_WAY, TWO_WAY_PINS));

  it('is a range of at least two values for every suppressed cell, never the cell itself', () => {
    const bounds = attackIntervals(table);
    const suppressed = [...bounds.keys()].filter((key) => {
      const [r, c] = key.split('/');
      return table.figure(r, c).value === null;
    });
    expect(suppressed.sort()).toEqual(['A/X', 'A/Y', 'B/X', 'B/Y']);
    for (const key of suppressed) {
      const [lo, hi] = bounds.get(key)!;
      const [r, c] = key.split('/');
      expect({ key, pinned: hi <= lo }).toEqual({ key, pinned: false });
      expect(TWO_WAY[r][c]).toBeGreaterThanOrEqual(lo); // the truth is inside: the attack is sound
      expect(TWO_WAY[r][c]).toBeLessThanOrEqual(hi);
    }
    expect(bounds.get('A/X')).toEqual([0, 9]);
  });

  it('cannot tell the true table from others that move counts around the suppressed rectangle', () => {
    // Even knowing every noise draw, these tables give exactly the same protected output.
    for (const shift of [-1, 1]) {
      const other: Grid = JSON.parse(JSON.stringify(TWO_WAY));
      other.A.X += shift;
      other.B.Y += shift;
      other.A.Y -= shift;
      other.B.X -= shift;
      expect(figuresOf(protectTable(tableOf(other, TWO_WAY_PINS)))).toEqual(figuresOf(table));
    }
  });
});
