import {
  assertDisclosureSettings,
  ceilingMultiple,
  DEFAULT_DISCLOSURE_SETTINGS,
  disclosureSettings,
  firstPublishable,
  suppressionFringe,
} from './disclosure-settings';

describe('disclosure settings', () => {
  it('default to threshold 7, rounding base 5 and an even chance of fringe suppression', () => {
    expect(DEFAULT_DISCLOSURE_SETTINGS).toEqual({ threshold: 7, roundingBase: 5, fringeSuppression: 0.5 });
    expect(disclosureSettings()).toEqual(DEFAULT_DISCLOSURE_SETTINGS);
    expect(disclosureSettings({ threshold: 10, roundingBase: undefined })).toEqual({ threshold: 10, roundingBase: 5, fringeSuppression: 0.5 });
  });

  it.each([
    [{ threshold: 0 }, /threshold/],
    [{ threshold: 2.5 }, /threshold/],
    [{ roundingBase: 1 }, /rounding base/],
    [{ roundingBase: 4.5 }, /rounding base/],
    [{ fringeSuppression: 0 }, /fringe suppression/],
    [{ fringeSuppression: 1 }, /fringe suppression/],
    [{ fringeSuppression: Number.NaN }, /fringe suppression/],
  ])('refuse %j', (overrides, message) => {
    expect(() => disclosureSettings(overrides)).toThrow(message);
  });

  it('refuse rounding base 2, under which no fringe can hide a difference of one', () => {
    expect(() => assertDisclosureSettings({ threshold: 7, roundingBase: 2, fringeSuppression: 0.5 })).toThrow(/at least 3/);
  });
});

describe('suppressionFringe', () => {
  it.each([
    [7, 5, 2],
    [5, 5, 4],
    [10, 5, 4],
    [7, 10, 2],
    [3, 5, 4],
    [1, 3, 4],
    [8, 5, 4],
  ])('is derived: threshold %i, base %i gives a fringe of %i', (threshold, base, fringe) => {
    expect(suppressionFringe(threshold, base)).toBe(fringe);
  });

  it('ends where the top of the fringe and its neighbours round up alike, its count below publishable', () => {
    for (let threshold = 1; threshold <= 40; threshold += 1) {
      for (let base = 3; base <= 12; base += 1) {
        const fringe = suppressionFringe(threshold, base);
        const top = threshold + fringe;
        expect(ceilingMultiple(top - 1, base)).toBe(ceilingMultiple(top, base));
        expect(ceilingMultiple(top + 1, base)).toBe(ceilingMultiple(top, base));
        expect(top - 1).toBeGreaterThan(threshold);
        // Everything below the first publishable multiple is in the fringe.
        expect(top).toBeGreaterThanOrEqual(firstPublishable(threshold, base) - 1);
      }
    }
  });

  it('is the first publishable multiple above the threshold', () => {
    expect(firstPublishable(7, 5)).toBe(10);
    expect(firstPublishable(10, 5)).toBe(15);
    expect(firstPublishable(3, 5)).toBe(5);
  });
});
