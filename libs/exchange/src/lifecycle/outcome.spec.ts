import type { HubError } from '@hub/platform';
import { OutcomeInstrument as I, OutcomeSummary, OutcomeTimepoint as T } from '@hub/vocabulary';
import type { OutcomeMeasureInput } from './dto/outcome.input';
import { recordOutcome } from './outcome';

const refusal = (measures: Partial<OutcomeMeasureInput>[]) => {
  try {
    recordOutcome({ summary: OutcomeSummary.PARTLY_MET, measures: measures as OutcomeMeasureInput[] });
    return undefined;
  } catch (error) {
    return (error as HubError).extensions.field;
  }
};

describe('outcome measures', () => {
  it('keeps an outcome with no measures: scoring is optional per provider', () => {
    expect(recordOutcome({ summary: OutcomeSummary.NEEDS_MET })).toEqual({ summary: 'NEEDS_MET', measures: [] });
  });

  it('accepts scores within each instrument\'s range', () => {
    const recorded = recordOutcome({
      summary: OutcomeSummary.NEEDS_MET,
      measures: [
        { instrument: I.SWEMWBS, timepoint: T.BASELINE, score: 7 },
        { instrument: I.SWEMWBS, timepoint: T.END, score: 35 },
        { instrument: I.PHQ9, timepoint: T.BASELINE, score: 27 },
        { instrument: I.ONS4, item: 'ANXIETY', timepoint: T.FOLLOW_UP, score: 0, recordedOn: '2026-03-01' },
      ],
    });
    expect(recorded.measures.map((m) => `${m.instrument}/${m.item ?? ''}/${m.timepoint}=${m.score}`)).toEqual([
      'SWEMWBS//BASELINE=7', 'SWEMWBS//END=35', 'PHQ9//BASELINE=27', 'ONS4/ANXIETY/FOLLOW_UP=0',
    ]);
  });

  it('refuses a score out of range, naming the measure', () => {
    expect(refusal([{ instrument: I.SWEMWBS, timepoint: T.END, score: 6 }])).toBe('outcome.measures.0.score');
    expect(refusal([{ instrument: I.GAD7, timepoint: T.END, score: 5 }, { instrument: I.GAD7, timepoint: T.BASELINE, score: 22 }])).toBe(
      'outcome.measures.1.score',
    );
  });

  it('wants the item of a multi-item instrument, and no item for a single score', () => {
    expect(refusal([{ instrument: I.ONS4, timepoint: T.END, score: 5 }])).toBe('outcome.measures.0.item');
    expect(refusal([{ instrument: I.ONS4, item: 'MOOD', timepoint: T.END, score: 5 }])).toBe('outcome.measures.0.item');
    expect(refusal([{ instrument: I.PHQ9, item: 'SLEEP', timepoint: T.END, score: 5 }])).toBe('outcome.measures.0.item');
  });

  it('refuses the same measure twice at one timepoint', () => {
    expect(refusal([{ instrument: I.PHQ9, timepoint: T.END, score: 5 }, { instrument: I.PHQ9, timepoint: T.END, score: 6 }])).toBe(
      'outcome.measures.1.timepoint',
    );
  });
});
