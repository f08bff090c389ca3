import type { FigureRule, ProtectedCount } from './protect-count';

/** A figure computed from counts: a rate or a quantile. */
export interface DerivedFigure {
  readonly value: number | null;
  readonly rule: FigureRule;
}

const WITHHELD: DerivedFigure = Object.freeze({ value: null, rule: 'WITHHELD_PART_SUPPRESSED' });

/**
 * A rate from published figures only: a rate from true counts beside a rounded base would let an
 * attacker undo the rounding (true numerator = rate × base), and any rate would reveal a suppressed part.
 */
export function protectRate(numerator: ProtectedCount, base: ProtectedCount): DerivedFigure {
  if (numerator.rule !== 'PUBLISHED' || base.rule !== 'PUBLISHED' || numerator.value === null || base.value === null || base.value <= 0) {
    return WITHHELD;
  }
  return { value: Math.round((numerator.value / base.value) * 1000) / 1000, rule: 'PUBLISHED' };
}

/**
 * The q-quantile (nearest rank) of a histogram of whole values (value → true count), published only when
 * the count it describes is: a median over a suppressed count would describe the people it hides.
 * Not applicable when the histogram is empty (nothing to describe though the base was published).
 */
export function protectQuantile(histogram: ReadonlyMap<number, number>, q: number, base: ProtectedCount): DerivedFigure {
  if (!(q > 0 && q <= 1)) throw new RangeError(`A quantile must lie in (0, 1]; got ${q}`);
  for (const [value, count] of histogram) {
    if (!Number.isSafeInteger(value)) throw new RangeError(`Histogram values must be whole numbers; got ${value}`);
    if (!Number.isSafeInteger(count) || count < 0) throw new RangeError(`Histogram counts must be whole numbers of at least 0; got ${count}`);
  }
  if (base.rule !== 'PUBLISHED') return WITHHELD;
  const entries = [...histogram].filter(([, count]) => count > 0).sort(([a], [b]) => a - b);
  const total = entries.reduce((sum, [, count]) => sum + count, 0);
  if (total === 0) return { value: null, rule: 'NOT_APPLICABLE' };
  // The small allowance keeps q × total exact where floating point overshoots (0.7 × 10 = 7.000000000000001).
  const rank = Math.max(1, Math.ceil(q * total - 1e-9));
  let seen = 0;
  for (const [value, count] of entries) {
    seen += count;
    if (seen >= rank) return { value, rule: 'PUBLISHED' };
  }
  return { value: entries[entries.length - 1][0], rule: 'PUBLISHED' };
}
