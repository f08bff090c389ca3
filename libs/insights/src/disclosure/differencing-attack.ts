import { DEFAULT_DISCLOSURE_SETTINGS, type DisclosureSettings, suppressionFringe } from './disclosure-settings';
import type { ProtectedCount } from './protect-count';

/** What an outsider sees of one count: suppressed ('S'), or the published number. */
export type Outcome = 'S' | number;
export const SUPPRESSED: Outcome = 'S';

/**
 * A disclosure mechanism as an attacker who knows it sees it: every outcome a true count can produce,
 * whatever the noise. `reach` bounds how far from a published value (or above zero, for a suppression)
 * a count that produces it can lie, so the search for explanations can stop.
 */
export interface Mechanism {
  outcomes(n: number): ReadonlySet<Outcome>;
  readonly reach: number;
}

export function outcomeOf(figure: ProtectedCount | Outcome): Outcome {
  if (typeof figure === 'object') return figure.value === null ? SUPPRESSED : figure.value;
  return figure;
}

/**
 * Every outcome protectCount can give the true count n (written from the contract, independently of
 * protectCount; a spec checks the two agree). `fringe` is there to show what a narrower one would let through.
 */
export function possibleOutcomes(
  n: number,
  settings: DisclosureSettings = DEFAULT_DISCLOSURE_SETTINGS,
  fringe: number = suppressionFringe(settings.threshold, settings.roundingBase),
): ReadonlySet<Outcome> {
  const { threshold: t, roundingBase: b } = settings;
  if (n <= t) return new Set([SUPPRESSED]);
  const outcomes = new Set<Outcome>();
  if (n <= t + fringe) outcomes.add(SUPPRESSED);
  for (const rounded of n % b === 0 ? [n] : [n - (n % b), n - (n % b) + b]) outcomes.add(rounded <= t ? SUPPRESSED : rounded);
  return outcomes;
}

const mechanisms = new Map<string, Mechanism>();

/** The hub's mechanism under these settings, its outcomes remembered (the attack asks for them often). */
export function settingsMechanism(settings: DisclosureSettings, fringe = suppressionFringe(settings.threshold, settings.roundingBase)): Mechanism {
  const key = `${settings.threshold}/${settings.roundingBase}/${fringe}`;
  let mechanism = mechanisms.get(key);
  if (!mechanism) {
    mechanism = remembering((n) => possibleOutcomes(n, settings, fringe), settings.threshold + fringe + settings.roundingBase + 1);
    mechanisms.set(key, mechanism);
  }
  return mechanism;
}

/** A mechanism given by its outcomes function, each count's outcomes computed once. */
export function remembering(outcomes: (n: number) => ReadonlySet<Outcome>, reach: number): Mechanism {
  const known: ReadonlySet<Outcome>[] = [];
  return {
    outcomes: (n) => (known[n] ??= outcomes(n)),
    reach,
  };
}

/** Whether some true count m ≥ 0 could have produced `a`, with m + delta producing `b`. */
export function consistentWithDifference(
  a: ProtectedCount | Outcome,
  b: ProtectedCount | Outcome,
  delta: number,
  against: DisclosureSettings | Mechanism = DEFAULT_DISCLOSURE_SETTINGS,
): boolean {
  const mechanism = 'outcomes' in against ? against : settingsMechanism(against);
  const [first, second] = [outcomeOf(a), outcomeOf(b)];
  const published = [first, second].filter((o): o is number => o !== SUPPRESSED);
  const low = published.length > 0 ? Math.min(...published) - mechanism.reach : 0;
  const high = (published.length > 0 ? Math.max(...published) : 0) + mechanism.reach;
  for (let m = Math.max(0, -delta, low); m <= high; m += 1) {
    if (mechanism.outcomes(m).has(first) && mechanism.outcomes(m + delta).has(second)) return true;
  }
  return false;
}

/**
 * Whether seeing a and b tells the attacker how their true counts differ: exactly one of the candidate
 * differences (0 or 1 by default, say "these referrals" and "these plus one"; add -1 when the attacker
 * does not know which question is the larger) explains what they see.
 */
export function attackerLearns(
  a: ProtectedCount | Outcome,
  b: ProtectedCount | Outcome,
  against: DisclosureSettings | Mechanism = DEFAULT_DISCLOSURE_SETTINGS,
  deltas: readonly number[] = [0, 1],
): boolean {
  return deltas.filter((delta) => consistentWithDifference(a, b, delta, against)).length === 1;
}
