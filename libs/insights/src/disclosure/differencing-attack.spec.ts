import { DEFAULT_DISCLOSURE_SETTINGS, type DisclosureSettings, disclosureSettings, firstPublishable, suppressionFringe } from './disclosure-settings';
import {
  attackerLearns,
  consistentWithDifference,
  type Mechanism,
  type Outcome,
  possibleOutcomes,
  remembering,
  settingsMechanism,
} from './differencing-attack';
import { protectCount } from './protect-count';

const S: Outcome = 'S';

/** The first (n, delta, a, b) under the mechanism that tells the attacker the difference, or undefined. */
function firstLeak(mechanism: Mechanism, upTo: number, deltas: readonly number[] = [0, 1]): string | undefined {
  for (let n = 0; n <= upTo; n += 1) {
    for (const delta of deltas) {
      if (n + delta < 0) continue;
      for (const a of mechanism.outcomes(n)) {
        for (const b of mechanism.outcomes(n + delta)) {
          if (attackerLearns(a, b, mechanism, deltas)) return `n=${n} delta=${delta}: (${a}, ${b})`;
        }
      }
    }
  }
  return undefined;
}

const SETTINGS: [number, number][] = [[7, 5], [5, 5], [10, 5], [7, 10], [3, 5]];

describe('possibleOutcomes', () => {
  it('is every outcome protectCount gives over a fine grid of draws, and nothing else', () => {
    const grid = Array.from({ length: 40 }, (_, i) => i / 40);
    for (const [threshold, roundingBase] of SETTINGS) {
      const settings = disclosureSettings({ threshold, roundingBase });
      for (let n = 0; n <= 80; n += 1) {
        const seen = new Set<Outcome>();
        for (const suppress of grid) for (const round of grid) {
          const { value } = protectCount(n, { suppress, round }, settings);
          seen.add(value === null ? S : value);
        }
        expect({ n, outcomes: [...seen].sort() }).toEqual({ n, outcomes: [...possibleOutcomes(n, settings)].sort() });
      }
    }
  });

  it('lists the outcomes of the default settings', () => {
    expect([...possibleOutcomes(7)]).toEqual([S]);
    expect([...possibleOutcomes(8)].sort()).toEqual([10, S]);
    expect([...possibleOutcomes(10)]).toEqual([10]);
    expect([...possibleOutcomes(22)]).toEqual([20, 25]);
  });
});

describe('the differencing guarantee', () => {
  it.each(SETTINGS)(
    'holds for threshold %i, base %i: no pair of outcomes of counts n and n + 0 or 1, n up to 200, tells which',
    (threshold, roundingBase) => {
      const settings = disclosureSettings({ threshold, roundingBase });
      let pairs = 0;
      for (let n = 0; n <= 200; n += 1) {
        for (const delta of [0, 1]) {
          for (const a of possibleOutcomes(n, settings)) {
            for (const b of possibleOutcomes(n + delta, settings)) {
              pairs += 1;
              expect({ n, delta, a, b, learns: attackerLearns(a, b, settings) }).toEqual({ n, delta, a, b, learns: false });
              // Both explanations stand, not merely neither.
              expect(consistentWithDifference(a, b, 1 - delta, settings)).toBe(true);
            }
          }
        }
      }
      expect(pairs).toBeGreaterThan(600);
      // And when the attacker does not know which question is the larger.
      expect(firstLeak(settingsMechanism(settings), 200, [-1, 0, 1])).toBeUndefined();
    },
  );

  it('takes protected figures as they come out of protectCount', () => {
    const figure = (n: number, round: number) => protectCount(n, { suppress: 0.9, round });
    expect(attackerLearns(figure(22, 0.9), figure(23, 0.1), DEFAULT_DISCLOSURE_SETTINGS)).toBe(false); // 20 then 25
    expect(attackerLearns(protectCount(9, { suppress: 0.1, round: 0 }), figure(10, 0))).toBe(false); // suppressed then 10
  });

  it('needs the whole derived fringe: for every threshold and base, no narrower fringe covering the counts below the first publishable one holds', () => {
    for (let threshold = 1; threshold <= 15; threshold += 1) {
      for (let roundingBase = 3; roundingBase <= 10; roundingBase += 1) {
        const settings: DisclosureSettings = { threshold, roundingBase, fringeSuppression: 0.5 };
        const fringe = suppressionFringe(threshold, roundingBase);
        const upTo = threshold + fringe + 4 * roundingBase;
        expect({ threshold, roundingBase, leak: firstLeak(settingsMechanism(settings), upTo) }).toEqual({ threshold, roundingBase, leak: undefined });
        for (let narrower = Math.max(1, firstPublishable(threshold, roundingBase) - 1 - threshold); narrower < fringe; narrower += 1) {
          expect({ threshold, roundingBase, narrower, leaks: firstLeak(settingsMechanism(settings, narrower), upTo) !== undefined })
            .toEqual({ threshold, roundingBase, narrower, leaks: true });
        }
      }
    }
  });

  it('does not grow with the fringe: at threshold 7, base 5, fringes 3 and 4 leak while 2 and 5 hold', () => {
    const leak = (fringe: number) => firstLeak(settingsMechanism(DEFAULT_DISCLOSURE_SETTINGS, fringe), 100);
    expect(leak(2)).toBeUndefined();
    expect(leak(3)).toBe('n=10 delta=1: (S, 15)'); // 11 can publish 15, which no suppressible count can
    expect(leak(4)).toBeDefined();
    expect(leak(5)).toBeUndefined();
  });
});

describe('the same attacker against weaker mechanisms', () => {
  /** Deterministic rounding to the nearest 5, counts 1..7 suppressed, zeros published. */
  const naive = remembering((n) => new Set<Outcome>([n >= 1 && n <= 7 ? S : Math.round(n / 5) * 5]), 10);

  it('learns the difference under plain nearest-5 rounding', () => {
    expect(attackerLearns(20, 25, naive)).toBe(true); // 22 and 23
    expect(attackerLearns(S, 10, naive)).toBe(true); // 7 and 8
    expect(attackerLearns(0, S, naive)).toBe(true); // 0 and 1
    expect(firstLeak(naive, 200)).toBe('n=0 delta=0: (0, 0)'); // two published zeros are the same count
  });

  it('learns it under the contract as first written at threshold 3, base 5, where 4 could publish 0', () => {
    const fringe = suppressionFringe(3, 5);
    const asWritten = remembering((n) => {
      if (n <= 3) return new Set<Outcome>([S]);
      const outcomes = new Set<Outcome>(n % 5 === 0 ? [n] : [n - (n % 5), n - (n % 5) + 5]);
      if (n <= 3 + fringe) outcomes.add(S);
      return outcomes;
    }, 20);
    // Only 4 can publish 0, so two zeros are the same count.
    expect(consistentWithDifference(0, 0, 1, asWritten)).toBe(false);
    expect(firstLeak(asWritten, 200)).toBe('n=4 delta=0: (0, 0)');
  });
});
