import { ClosureReason, NeedCategory, OutcomeInstrument } from '@hub/vocabulary';
import {
  canonicalCellDefinition,
  cellNoise,
  type DisclosureSettings,
  type ProtectedCount,
  protectQuantile,
  protectCube,
  protectRate,
} from '../disclosure';
import { ALL, type CubeCounts, type CubeQuery, cellKey } from './gap-cube-reader';
import type { DerivedFigure, Figure, GapReportRow, OutcomeChange, ReasonFigure } from './gap-report.model';

import { FigureRule, GapDimension, OutcomeDirection, ReportBorough } from './report-vocabulary';

/** What the builder needs besides the counts: the question, the values each dimension can take, the secret. */
export interface ReportFrame {
  query: CubeQuery;
  /** The services a SERVICE breakdown lists (all the cube has counted, whatever the period). */
  services: string[];
  secret: Buffer;
  settings: DisclosureSettings;
}

const REASONS = Object.values(ClosureReason);
const INSTRUMENTS = Object.values(OutcomeInstrument);
const DIRECTIONS = Object.values(OutcomeDirection);
/** The service coordinate of referrals to an organisation with no named service. */
const NO_SERVICE = 'NONE';

function domainOf(dimension: GapDimension, frame: ReportFrame): string[] {
  switch (dimension) {
    case GapDimension.NEED:
      return Object.values(NeedCategory);
    case GapDimension.RESIDENCE_BOROUGH:
    case GapDimension.SERVICE_BOROUGH:
      return Object.values(ReportBorough);
    case GapDimension.SERVICE:
      return [...frame.services, NO_SERVICE];
    case GapDimension.MONTH:
      return frame.query.period.months;
  }
}

/**
 * The question a cell answers, whatever report it appears in: its period and every constraint.
 * Its noise is keyed by this, so the same question always gets the same answer.
 */
function definitionOf(frame: ReportFrame, dimensions: GapDimension[], coordinates: string[], measure: string): string {
  const q = frame.query;
  const parts: Record<string, string | undefined> = {
    measure,
    from: q.period.from,
    to: q.period.to,
    need: q.need,
    residenceBorough: q.residenceBorough,
    serviceBorough: q.serviceBorough,
    service: q.serviceId,
    organisation: q.organisationId,
  };
  dimensions.forEach((dimension, i) => {
    const value = coordinates[i];
    if (value === ALL) return;
    if (dimension === GapDimension.NEED) parts.need = value;
    if (dimension === GapDimension.RESIDENCE_BOROUGH) parts.residenceBorough = value;
    if (dimension === GapDimension.SERVICE_BOROUGH) parts.serviceBorough = value;
    if (dimension === GapDimension.SERVICE) parts.service = value;
    if (dimension === GapDimension.MONTH) parts.from = parts.to = value;
  });
  // A named service belongs to one organisation: asking as its admin is the same question.
  if (parts.service !== undefined && parts.service !== NO_SERVICE) parts.organisation = undefined;
  return canonicalCellDefinition(parts);
}

/** A count of one measure (all its details when `detail` is undefined) in one cell. */
function countOf(counts: CubeCounts, coordinates: string[], metric: string, detail?: string): number {
  const cell = counts.get(cellKey(coordinates));
  if (!cell) return 0;
  if (detail !== undefined) return cell.get(`${metric}|${detail}`) ?? 0;
  let sum = 0;
  for (const [measure, n] of cell) if (measure.startsWith(`${metric}|`)) sum += n;
  return sum;
}

const figure = (p: ProtectedCount): Figure => ({ value: p.value, rule: p.rule as FigureRule });
const derived = (p: { value: number | null; rule: string }): DerivedFigure => ({ value: p.value, rule: p.rule as FigureRule });
const notApplicable: Figure = { value: null, rule: FigureRule.NOT_APPLICABLE };

/** Protects one measure over the breakdown, optionally with a last axis of details whose margin is the measure's total. */
class MeasureTable {
  private readonly figures: Map<string, ProtectedCount>;

  constructor(
    frame: ReportFrame,
    counts: CubeCounts,
    dimensions: GapDimension[],
    axes: string[][],
    name: string,
    count: (coordinates: string[], detail: string | undefined) => number,
    details?: string[],
  ) {
    const withDetails = details ? [...axes, [...details, ALL]] : axes;
    const split = (c: readonly string[]) => (details ? { cell: c.slice(0, -1), detail: c[c.length - 1] === ALL ? undefined : c[c.length - 1] } : { cell: [...c], detail: undefined });
    this.figures = protectCube(
      {
        axes: withDetails,
        count: (c) => {
          const { cell, detail } = split(c);
          return count(cell, detail);
        },
        noiseOf: (c) => {
          const { cell, detail } = split(c);
          return cellNoise(frame.secret, definitionOf(frame, dimensions, cell, detail === undefined ? name : `${name}:${detail}`));
        },
      },
      frame.settings,
    );
  }

  at(coordinates: string[], detail?: string): ProtectedCount {
    return this.figures.get(cellKey(detail === undefined ? coordinates : [...coordinates, detail])) ??
      this.figures.get(cellKey([...coordinates, ALL]))!;
  }
}

/** Every figure of every row, each protected as part of its own table of the breakdown. */
export function buildRows(frame: ReportFrame, counts: CubeCounts, unmetApplies: boolean): GapReportRow[] {
  const dimensions = frame.query.groupBy;
  const axes = dimensions.map((d) => [...domainOf(d, frame), ALL]);
  const table = (name: string, count: (c: string[], detail?: string) => number, details?: string[]) =>
    new MeasureTable(frame, counts, dimensions, axes, name, count, details);
  const simple = (metric: string) => table(metric, (c) => countOf(counts, c, metric, ''));

  const sent = simple('SENT');
  const accepted = simple('ACCEPTED');
  const completed = simple('COMPLETED');
  const declined = table('DECLINED', (c, reason) => countOf(counts, c, 'DECLINED', reason), REASONS);
  const closedUnmet = table('CLOSED_UNMET', (c, reason) => countOf(counts, c, 'CLOSED_UNMET', reason), REASONS);
  const attended = simple('ATTENDED');
  const didNotAttend = simple('DID_NOT_ATTEND');
  const appointments = table('APPOINTMENTS', (c) => countOf(counts, c, 'ATTENDED', '') + countOf(counts, c, 'DID_NOT_ATTEND', ''));
  const firstContacts = table('FIRST_CONTACTS', (c) => countOf(counts, c, 'FIRST_CONTACT'));
  const unmet = unmetApplies ? simple('UNMET') : undefined;
  const outcomes = INSTRUMENTS.map((instrument) => ({
    instrument,
    byDirection: Object.fromEntries(
      DIRECTIONS.map((direction) => [direction, table(`OUTCOME:${instrument}:${direction}`, (c) => countOf(counts, c, 'OUTCOME', `${instrument}:${direction}`))]),
    ) as Record<OutcomeDirection, MeasureTable>,
  }));

  const cells = axes.reduce<string[][]>((all, axis) => all.flatMap((cell) => axis.map((value) => [...cell, value])), [[]]);
  const marginCount = (c: string[]) => c.filter((v) => v === ALL).length;
  cells.sort((a, b) => marginCount(a) - marginCount(b));

  return cells.map((c): GapReportRow => {
    const at = (d: GapDimension) => {
      const i = dimensions.indexOf(d);
      return i < 0 || c[i] === ALL ? null : c[i];
    };
    const service = at(GapDimension.SERVICE);
    const contacts = firstContacts.at(c);
    const histogram = new Map<number, number>();
    for (const [measure, n] of counts.get(cellKey(c)) ?? []) {
      if (measure.startsWith('FIRST_CONTACT|')) histogram.set(Number(measure.slice('FIRST_CONTACT|'.length)), n);
    }
    const appointmentFigure = appointments.at(c);
    const dnaFigure = didNotAttend.at(c);
    return {
      margin: dimensions.filter((_, i) => c[i] === ALL),
      need: at(GapDimension.NEED) as NeedCategory | null,
      residenceBorough: at(GapDimension.RESIDENCE_BOROUGH) as ReportBorough | null,
      serviceBorough: at(GapDimension.SERVICE_BOROUGH) as ReportBorough | null,
      serviceId: service === NO_SERVICE ? null : service,
      service: service === null || service === NO_SERVICE ? null : { id: service },
      month: at(GapDimension.MONTH),
      sent: figure(sent.at(c)),
      accepted: figure(accepted.at(c)),
      declined: figure(declined.at(c, ALL)),
      declinedByReason: REASONS.map((reason): ReasonFigure => ({ reason, count: figure(declined.at(c, reason)) })),
      completed: figure(completed.at(c)),
      closedUnmet: figure(closedUnmet.at(c, ALL)),
      closedUnmetByReason: REASONS.map((reason): ReasonFigure => ({ reason, count: figure(closedUnmet.at(c, reason)) })),
      unmetNeedsNoService: unmet ? figure(unmet.at(c)) : notApplicable,
      appointments: figure(appointmentFigure),
      attended: figure(attended.at(c)),
      didNotAttend: figure(dnaFigure),
      didNotAttendRate: derived(protectRate(dnaFigure, appointmentFigure)),
      firstContacts: figure(contacts),
      daysToFirstContactMedian: derived(protectQuantile(histogram, 0.5, contacts)),
      daysToFirstContactP90: derived(protectQuantile(histogram, 0.9, contacts)),
      outcomes: outcomes.map(({ instrument, byDirection }): OutcomeChange => ({
        instrument,
        improved: figure(byDirection.IMPROVED.at(c)),
        unchanged: figure(byDirection.UNCHANGED.at(c)),
        worsened: figure(byDirection.WORSENED.at(c)),
      })),
    };
  });
}

/** The flow matrix: sending counts by residence borough and service borough, with margins. */
export function buildFlows(frame: ReportFrame, counts: CubeCounts): { residenceBorough: ReportBorough | null; serviceBorough: ReportBorough | null; referrals: Figure }[] {
  const dimensions = [GapDimension.RESIDENCE_BOROUGH, GapDimension.SERVICE_BOROUGH];
  const restrict = (filter: string | undefined) => (filter === undefined ? Object.values(ReportBorough) : [filter]);
  const axes = [
    [...restrict(frame.query.residenceBorough), ALL],
    [...restrict(frame.query.serviceBorough), ALL],
  ];
  const flows = new MeasureTable(frame, counts, dimensions, axes, 'SENT', (c) => countOf(counts, c, 'SENT', ''));
  return axes[0].flatMap((residence) =>
    axes[1].map((service) => ({
      residenceBorough: residence === ALL ? null : (residence as ReportBorough),
      serviceBorough: service === ALL ? null : (service as ReportBorough),
      referrals: figure(flows.at([residence, service])),
    })),
  );
}
