import type { EntityManager } from 'typeorm';
import type { NeedCategory } from '@hub/vocabulary';
import type { AgeBand, UnmetNeedReason } from '../routing/route-reasons';

/** One need nobody could take, as insights will count it: no person, no postcode, no service, no time finer than a month. */
export interface UnmetNeedSignal {
  need: NeedCategory;
  reason: UnmetNeedReason;
  /** The single borough of residence, or UNKNOWN (split postcode, outside the area, not given). */
  borough: string;
  ageBand: AgeBand | 'UNKNOWN';
}

/** Adds to the month's count in `directory.unmet_needs`; the insights issue reads it from there. */
export async function recordUnmetNeeds(manager: EntityManager, signals: UnmetNeedSignal[]): Promise<void> {
  for (const s of signals) {
    await manager.query(
      `INSERT INTO directory.unmet_needs (month, need, borough, age_band, reason)
       VALUES (date_trunc('month', now() AT TIME ZONE 'Europe/London')::date, $1, $2, $3, $4)
       ON CONFLICT (month, need, borough, age_band, reason) DO UPDATE SET signals = directory.unmet_needs.signals + 1`,
      [s.need, s.borough, s.ageBand, s.reason],
    );
  }
}
