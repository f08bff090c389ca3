import { MARGIN, cubeKey, protectCube } from './protect-cube';

// Declines by borough (first axis) and reason (second), each with its margin, for two months (third):
// the shape a gap report's "declined by reason" takes when broken down by borough and month.
const BOROUGHS = ['GREENWICH', 'BEXLEY', MARGIN];
const REASONS = ['NO_CAPACITY', 'OUT_OF_AREA', MARGIN];
const MONTHS = ['2024-01', '2024-02', MARGIN];
const COUNTS: Record<string, Record<string, Record<string, number>>> = {
  GREENWICH: { NO_CAPACITY: { '2024-01': 20, '2024-02': 30 }, OUT_OF_AREA: { '2024-01': 3, '2024-02': 40 } },
  BEXLEY: { NO_CAPACITY: { '2024-01': 25, '2024-02': 15 }, OUT_OF_AREA: { '2024-01': 35, '2024-02': 45 } },
};

function count([borough, reason, month]: readonly string[]): number {
  const boroughs = borough === MARGIN ? ['GREENWICH', 'BEXLEY'] : [borough];
  const reasons = reason === MARGIN ? ['NO_CAPACITY', 'OUT_OF_AREA'] : [reason];
  const months = month === MARGIN ? ['2024-01', '2024-02'] : [month];
  return boroughs.reduce((sum, b) => sum + reasons.reduce((s, r) => s + months.reduce((t, m) => t + COUNTS[b][r][m], 0), 0), 0);
}

// Rounds down, never suppresses in the fringe: every figure a multiple of 5 is exact, the rest known.
const cube = { axes: [BOROUGHS, REASONS, MONTHS], count, noiseOf: () => ({ suppress: 0.99, round: 0.99 }) };

describe('protectCube', () => {
  const figures = protectCube(cube);
  const at = (...coordinates: string[]) => figures.get(cubeKey(coordinates))!;

  it('suppresses the small cell, one more along each of its three lines, and closes the 2x2x2 block they make', () => {
    expect(at('GREENWICH', 'OUT_OF_AREA', '2024-01')).toEqual({ value: null, rule: 'SUPPRESSED_SMALL' });
    // The smallest published in each of its lines: the reason line (20), the borough line (35), the month line (40).
    expect(at('GREENWICH', 'NO_CAPACITY', '2024-01').rule).toBe('SUPPRESSED_SECONDARY');
    expect(at('BEXLEY', 'OUT_OF_AREA', '2024-01').rule).toBe('SUPPRESSED_SECONDARY');
    expect(at('GREENWICH', 'OUT_OF_AREA', '2024-02').rule).toBe('SUPPRESSED_SECONDARY');
    // In three dimensions nothing smaller than a block of eight leaves every line with two hidden.
    const inner = ['GREENWICH', 'BEXLEY'].flatMap((b) => ['NO_CAPACITY', 'OUT_OF_AREA'].flatMap((r) => ['2024-01', '2024-02'].map((m) => at(b, r, m))));
    expect(inner.every((figure) => figure.value === null)).toBe(true);
    expect(at('BEXLEY', MARGIN, '2024-01')).toEqual({ value: 60, rule: 'PUBLISHED' });
  });

  it('leaves no line of any axis with exactly one suppressed cell', () => {
    const withOne: string[] = [];
    const lines = [
      ...REASONS.flatMap((r) => MONTHS.map((m) => BOROUGHS.map((b) => [b, r, m]))),
      ...BOROUGHS.flatMap((b) => MONTHS.map((m) => REASONS.map((r) => [b, r, m]))),
      ...BOROUGHS.flatMap((b) => REASONS.map((r) => MONTHS.map((m) => [b, r, m]))),
    ];
    for (const line of lines) {
      if (line.filter((c) => at(...c).value === null).length === 1) withOne.push(line.map((c) => c.join('/')).join(' | '));
    }
    expect(withOne).toEqual([]);
  });

  it('publishes what needs no protection exactly as rounded', () => {
    expect(at(MARGIN, MARGIN, MARGIN)).toEqual({ value: 210, rule: 'PUBLISHED' });
    expect(at('BEXLEY', MARGIN, '2024-02')).toEqual({ value: 60, rule: 'PUBLISHED' });
  });
});
