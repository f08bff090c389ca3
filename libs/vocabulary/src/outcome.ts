import { registerEnumType } from '@nestjs/graphql';

/** How far the referral met the resident's needs, as the receiving service judges it. */
export enum OutcomeSummary {
  NEEDS_MET = 'NEEDS_MET',
  PARTLY_MET = 'PARTLY_MET',
  NOT_MET = 'NOT_MET',
}

/**
 * Outcome measures some services record (BRIEF.md; optional per provider: one refuses to score
 * people). Multi-item instruments name the item (ONS4's four questions, Wellbeing Star's areas).
 */
export enum OutcomeInstrument {
  ONS4 = 'ONS4',
  SWEMWBS = 'SWEMWBS',
  WELLBEING_STAR = 'WELLBEING_STAR',
  PHQ9 = 'PHQ9',
  GAD7 = 'GAD7',
  MYCAW = 'MYCAW',
}

export enum OutcomeTimepoint {
  BASELINE = 'BASELINE',
  END = 'END',
  FOLLOW_UP = 'FOLLOW_UP',
}

/** The score range of each instrument (per item where it has items), and its item names if fixed. */
export const INSTRUMENT_SCALES: Record<OutcomeInstrument, { min: number; max: number; items?: readonly string[]; itemRequired: boolean }> = {
  [OutcomeInstrument.ONS4]: { min: 0, max: 10, items: ['LIFE_SATISFACTION', 'WORTHWHILE', 'HAPPINESS', 'ANXIETY'], itemRequired: true },
  [OutcomeInstrument.SWEMWBS]: { min: 7, max: 35, itemRequired: false },
  [OutcomeInstrument.WELLBEING_STAR]: { min: 1, max: 10, itemRequired: true },
  [OutcomeInstrument.PHQ9]: { min: 0, max: 27, itemRequired: false },
  [OutcomeInstrument.GAD7]: { min: 0, max: 21, itemRequired: false },
  [OutcomeInstrument.MYCAW]: { min: 0, max: 6, itemRequired: true },
};

registerEnumType(OutcomeSummary, { name: 'OutcomeSummary' });
registerEnumType(OutcomeInstrument, { name: 'OutcomeInstrument' });
registerEnumType(OutcomeTimepoint, { name: 'OutcomeTimepoint' });
