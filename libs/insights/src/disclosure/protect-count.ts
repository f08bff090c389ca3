import type { CellNoise } from './cell-noise';
import { assertDisclosureSettings, DEFAULT_DISCLOSURE_SETTINGS, type DisclosureSettings, suppressionFringe } from './disclosure-settings';

/** Why a figure reads as it does. */
export type FigureRule =
  | 'PUBLISHED'
  | 'SUPPRESSED_SMALL'
  | 'SUPPRESSED_SECONDARY'
  | 'WITHHELD_PART_SUPPRESSED'
  | 'NOT_APPLICABLE';

export const FIGURE_RULES: readonly FigureRule[] = ['PUBLISHED', 'SUPPRESSED_SMALL', 'SUPPRESSED_SECONDARY', 'WITHHELD_PART_SUPPRESSED', 'NOT_APPLICABLE'];

/** A count as it may leave the hub: a value only when the rule is PUBLISHED. */
export interface ProtectedCount {
  readonly value: number | null;
  readonly rule: FigureRule;
}

const SMALL: ProtectedCount = Object.freeze({ value: null, rule: 'SUPPRESSED_SMALL' });

/**
 * Primary protection of one true count n (T threshold, F fringe, b rounding base, p fringe probability):
 * - 0..T: suppressed;
 * - T+1..T+F: suppressed when the cell's first draw is below p, so a suppression never proves a small count;
 * - otherwise randomly rounded to a multiple of b, up with probability (n mod b) / b by the second draw
 *   (unbiased; a multiple of b is published as it is);
 * - a rounding that lands at or below T is suppressed instead: a published figure never looks like a
 *   small count, and the lowest multiple could otherwise come from one count only (0 from 4 when T = 3, b = 5).
 */
export function protectCount(n: number, noise: CellNoise, settings: DisclosureSettings = DEFAULT_DISCLOSURE_SETTINGS): ProtectedCount {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`A count must be a whole number of at least 0; got ${n}`);
  assertUnitDraw(noise.suppress, 'suppress');
  assertUnitDraw(noise.round, 'round');
  assertDisclosureSettings(settings);
  const { threshold, roundingBase, fringeSuppression } = settings;
  if (n <= threshold) return SMALL;
  if (n <= threshold + suppressionFringe(threshold, roundingBase) && noise.suppress < fringeSuppression) return SMALL;
  const rounded = randomlyRounded(n, roundingBase, noise.round);
  return rounded <= threshold ? SMALL : { value: rounded, rule: 'PUBLISHED' };
}

/** n rounded to a neighbouring multiple of base: up when the draw is below the remainder's share of base. */
export function randomlyRounded(n: number, base: number, draw: number): number {
  const remainder = n % base;
  if (remainder === 0) return n;
  return draw < remainder / base ? n - remainder + base : n - remainder;
}

/** Whether the figure is withheld for any reason. */
export function isWithheld(figure: ProtectedCount): boolean {
  return figure.value === null;
}

function assertUnitDraw(draw: number, name: string): void {
  if (!(draw >= 0 && draw < 1)) throw new RangeError(`The ${name} draw must lie in [0, 1); got ${draw}`);
}
