import { HubError, HubErrorCode } from '@hub/platform';
import { INSTRUMENT_SCALES, type OutcomeInstrument, type OutcomeSummary, type OutcomeTimepoint } from '@hub/vocabulary';
import type { OutcomeInput } from './dto/outcome.input';

export interface RecordedMeasure {
  instrument: OutcomeInstrument;
  item: string | null;
  timepoint: OutcomeTimepoint;
  score: number;
  recordedOn: string | null;
}

export interface RecordedOutcome {
  summary: OutcomeSummary;
  measures: RecordedMeasure[];
}

/** Each score within its instrument's range, with the item a multi-item instrument needs, once per timepoint. */
export function recordOutcome(input: OutcomeInput): RecordedOutcome {
  const seen = new Set<string>();
  const measures = (input.measures ?? []).map((measure, i) => {
    const field = (name: string) => `outcome.measures.${i}.${name}`;
    const scale = INSTRUMENT_SCALES[measure.instrument];
    const refuse = (name: string, message: string) => new HubError(HubErrorCode.BAD_USER_INPUT, message, { field: field(name) });
    if (scale.itemRequired && !measure.item) throw refuse('item', `${measure.instrument} scores are per item: name the item.`);
    if (!scale.itemRequired && measure.item) throw refuse('item', `${measure.instrument} has a single total score: give no item.`);
    if (scale.items && measure.item && !scale.items.includes(measure.item)) {
      throw refuse('item', `${measure.instrument} items are ${scale.items.join(', ')}.`);
    }
    if (measure.score < scale.min || measure.score > scale.max) {
      throw refuse('score', `${measure.instrument} scores run from ${scale.min} to ${scale.max}.`);
    }
    const key = `${measure.instrument}/${measure.item ?? ''}/${measure.timepoint}`;
    if (seen.has(key)) throw refuse('timepoint', `${key} is given twice.`);
    seen.add(key);
    return {
      instrument: measure.instrument,
      item: measure.item ?? null,
      timepoint: measure.timepoint,
      score: measure.score,
      recordedOn: measure.recordedOn ?? null,
    };
  });
  return { summary: input.summary, measures };
}
