import type { ProtectedCount } from './protect-count';
import { protectQuantile, protectRate } from './protect-derived';

const P = (value: number): ProtectedCount => ({ value, rule: 'PUBLISHED' });
const SMALL: ProtectedCount = { value: null, rule: 'SUPPRESSED_SMALL' };
const SECONDARY: ProtectedCount = { value: null, rule: 'SUPPRESSED_SECONDARY' };
const WITHHELD = { value: null, rule: 'WITHHELD_PART_SUPPRESSED' };

describe('protectRate', () => {
  it('divides the published figures, to three decimals', () => {
    expect(protectRate(P(10), P(35))).toEqual({ value: 0.286, rule: 'PUBLISHED' });
    expect(protectRate(P(20), P(20))).toEqual({ value: 1, rule: 'PUBLISHED' });
    expect(protectRate(P(15), P(10))).toEqual({ value: 1.5, rule: 'PUBLISHED' }); // rounding can push a rate past 1
  });

  it('is withheld when either part is not published', () => {
    expect(protectRate(SMALL, P(35))).toEqual(WITHHELD);
    expect(protectRate(SECONDARY, P(35))).toEqual(WITHHELD);
    expect(protectRate(P(10), SMALL)).toEqual(WITHHELD);
    expect(protectRate(P(10), SECONDARY)).toEqual(WITHHELD);
    expect(protectRate(P(10), { value: null, rule: 'NOT_APPLICABLE' })).toEqual(WITHHELD);
    expect(protectRate(P(10), P(0))).toEqual(WITHHELD);
  });
});

describe('protectQuantile', () => {
  // Days to first contact of 10 referrals: 1, 1, 1, 2, 2, 2, 2, 5, 5, 9.
  const days = new Map([[5, 2], [1, 3], [9, 1], [2, 4], [30, 0]]);

  it('is the nearest-rank quantile of the true histogram when its base is published', () => {
    expect(protectQuantile(days, 0.5, P(10))).toEqual({ value: 2, rule: 'PUBLISHED' });
    expect(protectQuantile(days, 0.7, P(10))).toEqual({ value: 2, rule: 'PUBLISHED' }); // rank 7, not 8
    expect(protectQuantile(days, 0.71, P(10))).toEqual({ value: 5, rule: 'PUBLISHED' });
    expect(protectQuantile(days, 0.9, P(10))).toEqual({ value: 5, rule: 'PUBLISHED' });
    expect(protectQuantile(days, 1, P(10))).toEqual({ value: 9, rule: 'PUBLISHED' });
    expect(protectQuantile(days, 0.01, P(10))).toEqual({ value: 1, rule: 'PUBLISHED' });
  });

  it('is withheld when its base is suppressed', () => {
    expect(protectQuantile(days, 0.5, SMALL)).toEqual(WITHHELD);
    expect(protectQuantile(days, 0.9, SECONDARY)).toEqual(WITHHELD);
  });

  it('does not apply to an empty histogram', () => {
    expect(protectQuantile(new Map(), 0.5, P(10))).toEqual({ value: null, rule: 'NOT_APPLICABLE' });
  });

  it('refuses quantiles and histograms that cannot be', () => {
    expect(() => protectQuantile(days, 0, P(10))).toThrow(RangeError);
    expect(() => protectQuantile(days, 1.1, P(10))).toThrow(RangeError);
    expect(() => protectQuantile(new Map([[1.5, 2]]), 0.5, P(10))).toThrow(RangeError);
    expect(() => protectQuantile(new Map([[1, -2]]), 0.5, P(10))).toThrow(RangeError);
  });
});
