import { randomBytes } from 'node:crypto';
import { canonicalCellDefinition, cellNoise } from './cell-noise';

const SECRET = Buffer.from('0123456789abcdef0123456789abcdef', 'hex');

describe('cellNoise', () => {
  it('gives the same draws for the same secret and question', () => {
    expect(cellNoise(SECRET, 'sent|LONELINESS')).toEqual(cellNoise(Buffer.from(SECRET), 'sent|LONELINESS'));
  });

  it('gives other draws for another question or another secret', () => {
    const base = cellNoise(SECRET, 'sent|LONELINESS');
    expect(cellNoise(SECRET, 'sent|DEBT')).not.toEqual(base);
    expect(cellNoise(randomBytes(32), 'sent|LONELINESS')).not.toEqual(base);
  });

  it('draws two roughly uniform, uncorrelated numbers in [0, 1)', () => {
    const draws = Array.from({ length: 10_000 }, (_, i) => cellNoise(SECRET, `cell ${i}`));
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    const suppress = draws.map((d) => d.suppress);
    const round = draws.map((d) => d.round);
    for (const xs of [suppress, round]) {
      expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
      expect(Math.abs(mean(xs) - 0.5)).toBeLessThan(0.02);
      // A tenth of the draws in each tenth of [0, 1), give or take.
      for (let decile = 0; decile < 10; decile += 1) {
        const share = xs.filter((x) => Math.floor(x * 10) === decile).length / xs.length;
        expect(Math.abs(share - 0.1)).toBeLessThan(0.015);
      }
    }
    const covariance = mean(suppress.map((s, i) => (s - 0.5) * (round[i] - 0.5)));
    expect(Math.abs(covariance / (1 / 12))).toBeLessThan(0.05);
  });

  it('refuses a secret short enough to guess', () => {
    expect(() => cellNoise(Buffer.from('short'), 'sent')).toThrow(/at least 16 bytes/);
  });
});

describe('canonicalCellDefinition', () => {
  it('ignores the order the parts were written in', () => {
    expect(canonicalCellDefinition({ need: 'DEBT', month: '2025-01-01' })).toBe(canonicalCellDefinition({ month: '2025-01-01', need: 'DEBT' }));
  });

  it('writes an absent part as all values', () => {
    expect(canonicalCellDefinition({ need: undefined, month: '2025-01-01' })).toBe(canonicalCellDefinition({ need: '*', month: '2025-01-01' }));
    expect(canonicalCellDefinition({ need: undefined })).toBe('[["need","*"]]');
  });

  it('keeps values apart whatever characters they hold', () => {
    expect(canonicalCellDefinition({ a: 'x","b', c: 'y' })).not.toBe(canonicalCellDefinition({ a: 'x', b: '', c: 'y' }));
    expect(canonicalCellDefinition({ a: 'DEBT' })).not.toBe(canonicalCellDefinition({ a: 'HOUSING' }));
  });
});
