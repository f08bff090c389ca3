/** How counts are protected before anyone outside the hub sees them (the mechanism is in protect-count.ts). */
export interface DisclosureSettings {
  /** Counts from 0 to this are never published. */
  readonly threshold: number;
  /** Published counts are multiples of this. */
  readonly roundingBase: number;
  /** The chance that a count in the fringe, just above the threshold, is suppressed anyway. */
  readonly fringeSuppression: number;
}

export const DEFAULT_DISCLOSURE_SETTINGS: DisclosureSettings = Object.freeze({ threshold: 7, roundingBase: 5, fringeSuppression: 0.5 });

/** The defaults with some settings replaced, checked. */
export function disclosureSettings(overrides: Partial<DisclosureSettings> = {}): DisclosureSettings {
  const defined = Object.fromEntries(Object.entries(overrides).filter(([, value]) => value !== undefined));
  const settings: DisclosureSettings = Object.freeze({ ...DEFAULT_DISCLOSURE_SETTINGS, ...defined });
  assertDisclosureSettings(settings);
  return settings;
}

/** Throws a RangeError naming the first setting that cannot protect counts. */
export function assertDisclosureSettings(settings: DisclosureSettings): void {
  const { threshold, roundingBase, fringeSuppression } = settings;
  if (!Number.isSafeInteger(threshold) || threshold < 1) {
    // Zero must stay suppressed: a published 0 says "nobody", one side of a differencing pair.
    throw new RangeError(`The disclosure threshold must be a whole number of at least 1; got ${threshold}`);
  }
  if (!Number.isSafeInteger(roundingBase) || roundingBase < 2) {
    throw new RangeError(`The rounding base must be a whole number of at least 2; got ${roundingBase}`);
  }
  if (!(fringeSuppression > 0 && fringeSuppression < 1)) {
    // At 0 or 1 the fringe is decided by the count alone, so a suppression there would prove the count.
    throw new RangeError(`The fringe suppression probability must lie strictly between 0 and 1; got ${fringeSuppression}`);
  }
  suppressionFringe(threshold, roundingBase);
}

/** The smallest multiple of `base` at or above `n`. */
export function ceilingMultiple(n: number, base: number): number {
  return Math.ceil(n / base) * base;
}

/** The smallest multiple of `base` above the threshold: the smallest count that can ever be published. */
export function firstPublishable(threshold: number, base: number): number {
  return (Math.floor(threshold / base) + 1) * base;
}

/**
 * The width F of the fringe: counts T+1..T+F are suppressed with the fringe probability, and no count
 * above T+F is ever suppressed (except secondarily). Derived from what an attacker needs, not chosen.
 *
 * The attacker asks two questions whose true counts differ by 0 or 1 (one referral more or fewer) and
 * sees both outcomes. To learn nothing, every pair of outcomes must be possible both ways. Writing
 * U = T+F for the largest count that can be suppressed:
 * - the fringe must hold every count below the first publishable multiple L (those counts are
 *   suppressed whenever they round down to at most T), so U ≥ L-1;
 * - U+1 is always published, so whatever it can publish U must also be able to publish, or
 *   "suppressed, then that value" proves a difference of one: ceil_b(U) = ceil_b(U+1);
 * - two questions both at U can give "published, then suppressed", which a difference of one can only
 *   explain if U-1 can publish what U did: U-1 above the threshold and ceil_b(U-1) = ceil_b(U).
 * Below U the counts either side of a difference share their outcomes, and above U+1 rounding alone
 * hides a difference of one (a rounding base of 2 cannot: an odd count publishes n-1 or n+1, and the
 * pair "n+1, then n-1" is impossible for counts m and m+1).
 */
export function suppressionFringe(threshold: number, base: number): number {
  if (!Number.isSafeInteger(threshold) || threshold < 1 || !Number.isSafeInteger(base) || base < 2) {
    throw new RangeError(`The fringe needs a whole threshold of at least 1 and base of at least 2; got ${threshold} and ${base}`);
  }
  const least = Math.max(1, firstPublishable(threshold, base) - 1 - threshold);
  // The condition depends on U mod b only, so if no F within one rounding block works, none does.
  for (let fringe = least; fringe < least + base + 2; fringe += 1) {
    const top = threshold + fringe;
    const steady = ceilingMultiple(top - 1, base) === ceilingMultiple(top, base) && ceilingMultiple(top, base) === ceilingMultiple(top + 1, base);
    if (top - 1 > threshold && steady) return fringe;
  }
  throw new RangeError(`No suppression fringe hides a difference of one with rounding base ${base}: it must be at least 3`);
}
