import { Directive, Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { ClosureReason, NeedCategory, OutcomeInstrument } from '@hub/vocabulary';
import { InsightsModule } from '../insights.module';
import { FigureRule, GapDimension, ReportBorough } from './report-vocabulary';

/** A published count: null unless its rule is PUBLISHED. */
@ObjectType('Figure', { registerIn: () => InsightsModule })
export class Figure {
  @Field(() => Int, { nullable: true })
  value: number | null;

  @Field(() => FigureRule)
  rule: FigureRule;
}

/** A rate or a number of days, derived from published figures only. */
@ObjectType('DerivedFigure', { registerIn: () => InsightsModule })
export class DerivedFigure {
  @Field(() => Float, { nullable: true })
  value: number | null;

  @Field(() => FigureRule)
  rule: FigureRule;
}

@ObjectType('ReasonFigure', { registerIn: () => InsightsModule })
export class ReasonFigure {
  @Field(() => ClosureReason)
  reason: ClosureReason;

  @Field(() => Figure)
  count: Figure;
}

/** Residents whose scores moved between baseline and end, by instrument. */
@ObjectType('OutcomeChange', { registerIn: () => InsightsModule })
export class OutcomeChange {
  @Field(() => OutcomeInstrument)
  instrument: OutcomeInstrument;

  @Field(() => Figure)
  improved: Figure;

  @Field(() => Figure)
  unchanged: Figure;

  @Field(() => Figure)
  worsened: Figure;
}

/** The directory's Service, by key only: the gateway fetches its name and the rest. */
@ObjectType('Service', { registerIn: () => InsightsModule })
@Directive('@key(fields: "id", resolvable: false)')
export class ServiceReference {
  @Field(() => ID)
  id: string;
}

/** One cell of the breakdown, or a margin: `margin` lists the dimensions summed over. */
@ObjectType('GapReportRow', { registerIn: () => InsightsModule })
export class GapReportRow {
  @Field(() => [GapDimension], { description: 'The dimensions this row sums over (all of them for the total).' })
  margin: GapDimension[];

  @Field(() => NeedCategory, { nullable: true })
  need: NeedCategory | null;

  @Field(() => ReportBorough, { nullable: true })
  residenceBorough: ReportBorough | null;

  @Field(() => ReportBorough, { nullable: true })
  serviceBorough: ReportBorough | null;

  @Field(() => ID, { nullable: true, description: 'Null with SERVICE outside the margin: referrals to an organisation, no named service.' })
  serviceId: string | null;

  @Field(() => ServiceReference, { nullable: true })
  service: ServiceReference | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM' })
  month: string | null;

  @Field(() => Figure) sent: Figure;
  @Field(() => Figure) accepted: Figure;
  @Field(() => Figure) declined: Figure;
  @Field(() => [ReasonFigure]) declinedByReason: ReasonFigure[];
  @Field(() => Figure) completed: Figure;
  @Field(() => Figure) closedUnmet: Figure;
  @Field(() => [ReasonFigure]) closedUnmetByReason: ReasonFigure[];

  @Field(() => Figure, { description: 'Needs routing found no eligible service for (de-identified signals from the directory).' })
  unmetNeedsNoService: Figure;

  @Field(() => Figure, { description: 'Appointments attended or missed.' }) appointments: Figure;
  @Field(() => Figure) attended: Figure;
  @Field(() => Figure) didNotAttend: Figure;
  @Field(() => DerivedFigure, { description: 'didNotAttend / appointments, from the published figures.' })
  didNotAttendRate: DerivedFigure;

  @Field(() => Figure) firstContacts: Figure;
  @Field(() => DerivedFigure, { description: 'Whole days from sending to first contact.' })
  daysToFirstContactMedian: DerivedFigure;
  @Field(() => DerivedFigure) daysToFirstContactP90: DerivedFigure;

  @Field(() => [OutcomeChange]) outcomes: OutcomeChange[];
}

/** Residents of one borough served by services of another (null: all boroughs). */
@ObjectType('BoundaryFlow', { registerIn: () => InsightsModule })
export class BoundaryFlow {
  @Field(() => ReportBorough, { nullable: true }) residenceBorough: ReportBorough | null;
  @Field(() => ReportBorough, { nullable: true }) serviceBorough: ReportBorough | null;
  @Field(() => Figure, { description: 'Referrals sent.' }) referrals: Figure;
}

@ObjectType('DisclosureRuleUse', { registerIn: () => InsightsModule })
export class DisclosureRuleUse {
  @Field(() => FigureRule) rule: FigureRule;
  @Field(() => Int, { description: 'How many figures of this response it applied to.' }) figures: number;
}

/** What protected this response: the settings, and how often each rule applied. */
@ObjectType('DisclosureApplied', { registerIn: () => InsightsModule })
export class DisclosureApplied {
  @Field(() => Int, { description: 'Counts from 0 to this are always suppressed.' }) threshold: number;
  @Field(() => Int, { description: 'Counts above the threshold up to this are sometimes suppressed too.' }) fringeUpTo: number;
  @Field(() => Int, { description: 'Published counts are multiples of this.' }) roundingBase: number;
  @Field(() => [DisclosureRuleUse]) rules: DisclosureRuleUse[];
  @Field() explanation: string;
}

@ObjectType('GapReport', { registerIn: () => InsightsModule })
export class GapReport {
  @Field() from: string;
  @Field() to: string;
  @Field(() => [GapDimension]) groupBy: GapDimension[];
  @Field(() => NeedCategory, { nullable: true }) need: NeedCategory | null;
  @Field(() => ReportBorough, { nullable: true }) residenceBorough: ReportBorough | null;
  @Field(() => ReportBorough, { nullable: true }) serviceBorough: ReportBorough | null;
  @Field(() => ID, { nullable: true }) serviceId: string | null;
  @Field(() => ID, { nullable: true, description: 'Set for a service admin: the report covers its own services only.' })
  organisationId: string | null;

  @Field(() => DisclosureApplied) disclosure: DisclosureApplied;
  @Field(() => [GapReportRow], { description: 'Every combination of the breakdown, then its margins.' }) rows: GapReportRow[];
  @Field(() => GapReportRow) total: GapReportRow;
  @Field(() => [BoundaryFlow], { description: 'Residence borough by service borough, with margins.' }) flows: BoundaryFlow[];
  @Field({ description: 'The same report as CSV, for a spreadsheet: a signed link, valid for a week.' }) csvUrl: string;
}
