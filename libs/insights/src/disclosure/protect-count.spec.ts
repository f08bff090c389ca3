import type { CellNoise } from './cell-noise';
import { DEFAULT_DISCLOSURE_SETTINGS, disclosureSettings } from './disclosure-settings';
import { protectCount } from './protect-count';

const noise = (suppress: number, round: number): CellNoise => ({ suppress, round });
const GRID = Array.from({ length: 20 }, (_, i) => i / 20);
const everyNoise = GRID.flatMap((s) => GRID.map((r) => noise(s, r)));

// Defaults: threshold 7, base 5, p 0.5, so the fringe is 8..9 (suppressionFringe(7, 5) = 2).
describe('protectCount', () => {
  it('suppresses every count from 0 to the threshold, whatever the noise', () => {
    for (let n = 0; n <= 7; n += 1) {
      for (const draw of everyNoise) expect(protectCount(n, draw)).toEqual({ value: null, rule: 'SUPPRESSED_SMALL' });
    }
  });

  it('suppresses a count in the fringe when the first draw falls below p', () => {
    for (const n of [8, 9]) {
      expect(protectCount(n, noise(0, 0))).toEqual({ value: null, rule: 'SUPPRESSED_SMALL' });
      expect(protectCount(n, noise(0.49, 0))).toEqual({ value: null, rule: 'SUPPRESSED_SMALL' });
    }
  });

  it('otherwise rounds a fringe count up to 10, or suppresses it when it would round down to 5', () => {
    expect(protectCount(8, noise(0.5, 0.59))).toEqual({ value: 10, rule: 'PUBLISHED' });
    expect(protectCount(8, noise(0.5, 0.6))).toEqual({ value: null, rule: 'SUPPRESSED_SMALL' });
    expect(protectCount(9, noise(0.99, 0.79))).toEqual({ value: 10, rule: 'PUBLISHED' });
    expect(protectCount(9, noise(0.99, 0.8))).toEqual({ value: null, rule: 'SUPPRESSED_SMALL' });
  });

  it('publishes every count above the fringe, even when the first draw is low', () => {
    expect(protectCount(10, noise(0, 0))).toEqual({ value: 10, rule: 'PUBLISHED' });
    expect(protectCount(11, noise(0, 0.19))).toEqual({ value: 15, rule: 'PUBLISHED' });
    expect(protectCount(11, noise(0, 0.2))).toEqual({ value: 10, rule: 'PUBLISHED' });
    expect(protectCount(12, noise(0, 0.39))).toEqual({ value: 15, rule: 'PUBLISHED' });
    expect(protectCount(12, noise(0, 0.4))).toEqual({ value: 10, rule: 'PUBLISHED' });
  });

  it('publishes a multiple of the base as it is', () => {
    for (const draw of everyNoise) expect(protectCount(20, draw)).toEqual({ value: 20, rule: 'PUBLISHED' });
  });

  it('rounds 22 up to 25 when the second draw is below 2/5, else down to 20', () => {
    expect(protectCount(22, noise(0.1, 0.39))).toEqual({ value: 25, rule: 'PUBLISHED' });
    expect(protectCount(22, noise(0.1, 0.4))).toEqual({ value: 20, rule: 'PUBLISHED' });
    expect(protectCount(22, noise(0.9, 0.41))).toEqual({ value: 20, rule: 'PUBLISHED' });
  });

  it('rounds without bias above the fringe: over evenly spread draws the mean is the true count', () => {
    const draws = Array.from({ length: 1000 }, (_, i) => noise(0.9, i / 1000));
    for (let n = 10; n <= 60; n += 1) {
      const mean = draws.reduce((sum, draw) => sum + protectCount(n, draw).value!, 0) / draws.length;
      expect(mean).toBeCloseTo(n, 9);
    }
  });

  it('never publishes a figure at or below the threshold, even where rounding down would give one', () => {
    const low = disclosureSettings({ threshold: 3 }); // fringe 4..7, first publishable 5
    expect(protectCount(4, noise(0.9, 0.9), low)).toEqual({ value: null, rule: 'SUPPRESSED_SMALL' }); // 0 is not published
    expect(protectCount(4, noise(0.9, 0.1), low)).toEqual({ value: 5, rule: 'PUBLISHED' });
    for (let n = 0; n <= 200; n += 1) {
      for (const draw of [noise(0.99, 0.99), noise(0.99, 0)]) {
        const { value } = protectCount(n, draw, low);
        if (value !== null) expect(value).toBeGreaterThan(3);
      }
    }
  });

  it('follows other settings: threshold 10 with base 5 suppresses up to 14 in the fringe, then rounds', () => {
    const settings = disclosureSettings({ threshold: 10 });
    expect(protectCount(14, noise(0.2, 0), settings)).toEqual({ value: null, rule: 'SUPPRESSED_SMALL' });
    expect(protectCount(14, noise(0.6, 0), settings)).toEqual({ value: 15, rule: 'PUBLISHED' });
    expect(protectCount(15, noise(0, 0), settings)).toEqual({ value: 15, rule: 'PUBLISHED' });
  });

  it('refuses counts and draws that cannot be', () => {
    expect(() => protectCount(-1, noise(0, 0))).toThrow(RangeError);
    expect(() => protectCount(2.5, noise(0, 0))).toThrow(RangeError);
    expect(() => protectCount(20, noise(1, 0))).toThrow(RangeError);
    expect(() => protectCount(20, noise(0, -0.1))).toThrow(RangeError);
    expect(() => protectCount(20, noise(0, 0), { ...DEFAULT_DISCLOSURE_SETTINGS, fringeSuppression: 1 })).toThrow(RangeError);
  });
});
