import { NeedCategory } from '@hub/vocabulary';
import type { PstFormRecord } from './pst-form-columns';
import { ticked } from './pst-form-values';
import type { RowProblem } from './row-problem';

/** Each tick box of the form and the need it means. */
const NEED_TICKS: readonly [column: string, need: NeedCategory][] = [
  ['need_debt', NeedCategory.DEBT],
  ['need_benefits', NeedCategory.BENEFITS],
  ['need_housing', NeedCategory.HOUSING],
  ['need_emergency_food', NeedCategory.EMERGENCY_FOOD],
  ['need_food_club', NeedCategory.LONGER_TERM_FOOD],
  ['need_employment', NeedCategory.EMPLOYMENT],
  ['need_volunteering', NeedCategory.VOLUNTEERING],
  ['need_disability_housing', NeedCategory.DISABILITY_ADVICE],
  ['need_disability_benefits', NeedCategory.DISABILITY_ADVICE],
  ['need_disability_other', NeedCategory.DISABILITY_ADVICE],
  ['need_immigration', NeedCategory.IMMIGRATION],
  ['need_counselling', NeedCategory.COUNSELLING],
  ['need_energy_bills', NeedCategory.ENERGY_BILLS],
  ['need_digital_support', NeedCategory.DIGITAL_SUPPORT],
  ['need_gardening', NeedCategory.GARDENING],
];

/** The disability-advice boxes say what about; the vocabulary has one need, so the detail keeps which. */
const DISABILITY_TOPICS: Record<string, string> = {
  need_disability_housing: 'housing',
  need_disability_benefits: 'benefits',
  need_disability_other: 'other',
};

export interface FormNeeds {
  categories: NeedCategory[];
  /** Disability topics and the resident's own words, when there are any. */
  detail?: string;
}

/** The ticked needs; "Any other comments" goes beside them as detail, never instead of a tick. */
export function readNeeds(record: PstFormRecord, problems: RowProblem[]): FormNeeds {
  const categories = new Set<NeedCategory>();
  const topics: string[] = [];
  for (const [column, need] of NEED_TICKS) {
    const answer = ticked(record[column] ?? '');
    if (answer.problem) problems.push({ column, reason: answer.problem });
    if (!answer.value) continue;
    categories.add(need);
    if (DISABILITY_TOPICS[column]) topics.push(DISABILITY_TOPICS[column]);
  }
  const detail = [topics.length ? `Disability advice about: ${topics.join(', ')}.` : '', record.other_comments ?? '']
    .filter(Boolean)
    .join('\n');
  return { categories: [...categories], ...(detail ? { detail } : {}) };
}
