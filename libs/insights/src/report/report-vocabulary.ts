import { registerEnumType } from '@nestjs/graphql';

/** What a gap report can be broken down by: the cube's dimensions. */
export enum GapDimension {
  NEED = 'NEED',
  RESIDENCE_BOROUGH = 'RESIDENCE_BOROUGH',
  SERVICE_BOROUGH = 'SERVICE_BOROUGH',
  SERVICE = 'SERVICE',
  MONTH = 'MONTH',
}

/** A borough as insights counts it: the events' boroughs, plus UNKNOWN where none was recorded. */
export enum ReportBorough {
  GREENWICH = 'GREENWICH',
  BEXLEY = 'BEXLEY',
  LEWISHAM = 'LEWISHAM',
  UNKNOWN = 'UNKNOWN',
}

/** How a published figure was treated. The CSV shows [c] for every withheld one and [z] where it does not apply. */
export enum FigureRule {
  PUBLISHED = 'PUBLISHED',
  SUPPRESSED_SMALL = 'SUPPRESSED_SMALL',
  SUPPRESSED_SECONDARY = 'SUPPRESSED_SECONDARY',
  WITHHELD_PART_SUPPRESSED = 'WITHHELD_PART_SUPPRESSED',
  NOT_APPLICABLE = 'NOT_APPLICABLE',
}

export enum OutcomeDirection {
  IMPROVED = 'IMPROVED',
  UNCHANGED = 'UNCHANGED',
  WORSENED = 'WORSENED',
}

registerEnumType(GapDimension, { name: 'GapDimension', description: 'A dimension of the gap cube.' });
registerEnumType(ReportBorough, { name: 'ReportBorough' });
registerEnumType(FigureRule, {
  name: 'FigureRule',
  valuesMap: {
    PUBLISHED: { description: 'Rounded to the rounding base (randomly up or down, fixed per question).' },
    SUPPRESSED_SMALL: { description: 'Too few people: every count up to the threshold, and some just above it.' },
    SUPPRESSED_SECONDARY: { description: 'Withheld so a suppressed figure cannot be worked out from totals.' },
    WITHHELD_PART_SUPPRESSED: { description: 'A rate or quantile whose base or part is suppressed.' },
    NOT_APPLICABLE: { description: 'This figure is not kept along this breakdown.' },
  },
});
registerEnumType(OutcomeDirection, { name: 'OutcomeDirection' });
