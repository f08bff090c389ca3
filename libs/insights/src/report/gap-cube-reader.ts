import type { EntityManager } from 'typeorm';
import type { ReportPeriod } from './report-period';
import { GapDimension } from './report-vocabulary';

/** What one report asks of the cube: its period, breakdown and filters, as insights stores them. */
export interface CubeQuery {
  period: ReportPeriod;
  groupBy: GapDimension[];
  need?: string;
  residenceBorough?: string;
  serviceBorough?: string;
  serviceId?: string;
  /** A service admin's own organisation: only referrals it received. */
  organisationId?: string;
}

/** The margin marker: "all values of this dimension". */
export const ALL = '*';

/** True counts by cell (the breakdown's coordinates, ALL for a margin) and `metric|detail`. */
export type CubeCounts = Map<string, Map<string, number>>;

export const cellKey = (coordinates: string[]): string => coordinates.join('\u001f');

const COLUMN: Record<GapDimension, string> = {
  [GapDimension.NEED]: 'need',
  [GapDimension.RESIDENCE_BOROUGH]: 'residence_borough',
  [GapDimension.SERVICE_BOROUGH]: 'service_borough',
  [GapDimension.SERVICE]: 'service_id',
  [GapDimension.MONTH]: 'month_key',
};

/** Every subset of the dimensions: the grouping sets that give cells and all their margins in one scan. */
function subsets<T>(items: T[]): T[][] {
  return items.reduce<T[][]>((sets, item) => [...sets, ...sets.map((set) => [...set, item])], [[]]);
}

interface Filter {
  column: string;
  value: string | undefined;
}

function where(filters: Filter[], params: unknown[]): string {
  return filters
    .filter((f) => f.value !== undefined)
    .map((f) => {
      params.push(f.value);
      return `${f.column} = $${params.length}`;
    })
    .join(' AND ');
}

function firstDay(month: string): string {
  return `${month}-01`;
}

/** Groups `source` rows by the breakdown with all margins, and folds the result into `counts`. */
async function readGrouped(
  manager: EntityManager,
  source: string,
  dimensions: GapDimension[],
  /** Dimensions every grouping set keeps (need, when the cube already holds its distinct-referral margin). */
  alwaysGrouped: GapDimension[],
  conditions: string,
  params: unknown[],
  counts: CubeCounts,
): Promise<void> {
  const varying = dimensions.filter((d) => !alwaysGrouped.includes(d));
  const sets = subsets(varying).map((set) => [...alwaysGrouped, ...set, 'metric', 'detail'].map((d) => (d in COLUMN ? COLUMN[d as GapDimension] : d)));
  const select = dimensions.map((d) =>
    alwaysGrouped.includes(d) ? `${COLUMN[d]} AS d_${d}` : `CASE WHEN GROUPING(${COLUMN[d]}) = 1 THEN '${ALL}' ELSE ${COLUMN[d]} END AS d_${d}`,
  );
  const rows: Record<string, string>[] = await manager.query(
    `SELECT ${[...select, 'metric', 'detail', 'sum(count)::text AS n'].join(', ')}
       FROM (${source}) c ${conditions ? `WHERE ${conditions}` : ''}
      GROUP BY GROUPING SETS (${sets.map((s) => `(${s.join(', ')})`).join(', ')})`,
    params,
  );
  for (const row of rows) {
    const key = cellKey(dimensions.map((d) => row[`d_${d.toLowerCase()}`]));
    let cell = counts.get(key);
    if (!cell) counts.set(key, (cell = new Map()));
    const measure = `${row.metric}|${row.detail}`;
    cell.set(measure, (cell.get(measure) ?? 0) + Number(row.n));
  }
}

/**
 * Reads the gap cube's true counts for a report: one grouped scan of insights' rollups (never the
 * events), and one of the directory's unmet-need signals where the breakdown allows.
 */
export async function readCube(manager: EntityManager, query: CubeQuery): Promise<{ counts: CubeCounts; unmetApplies: boolean }> {
  const counts: CubeCounts = new Map();
  const byNeed = query.groupBy.includes(GapDimension.NEED);
  const params: unknown[] = [firstDay(query.period.from), firstDay(query.period.to)];
  // The cube keeps need '*' (distinct referrals) beside each need: the need margin is read, never summed.
  const needCondition = byNeed
    ? query.need === undefined ? '' : (params.push(query.need), `need IN ($${params.length}, '${ALL}')`)
    : (params.push(query.need ?? ALL), `need = $${params.length}`);
  const filters = where(
    [
      { column: 'residence_borough', value: query.residenceBorough },
      { column: 'service_borough', value: query.serviceBorough },
      { column: 'service_id', value: query.serviceId },
      { column: 'recipient_org', value: query.organisationId },
    ],
    params,
  );
  const conditions = ['month BETWEEN $1::date AND $2::date', needCondition, filters].filter(Boolean).join(' AND ');
  await readGrouped(
    manager,
    `SELECT *, to_char(month, 'YYYY-MM') AS month_key FROM insights.gap_cells`,
    query.groupBy,
    byNeed ? [GapDimension.NEED] : [],
    conditions,
    params,
    counts,
  );

  // Routing's signals carry need, residence borough and month only, and belong to no service.
  const unmetApplies =
    query.organisationId === undefined &&
    query.serviceBorough === undefined &&
    query.serviceId === undefined &&
    !query.groupBy.some((d) => d === GapDimension.SERVICE || d === GapDimension.SERVICE_BOROUGH);
  if (unmetApplies) {
    const unmetParams: unknown[] = [firstDay(query.period.from), firstDay(query.period.to)];
    const unmetFilters = where(
      [
        { column: 'need', value: query.need },
        { column: 'residence_borough', value: query.residenceBorough },
      ],
      unmetParams,
    );
    await readGrouped(
      manager,
      `SELECT need, residence_borough, to_char(month, 'YYYY-MM') AS month_key, month, 'UNMET'::text AS metric, ''::text AS detail,
              signals AS count FROM hub_events.unmet_need_signals`,
      query.groupBy,
      [],
      ['month BETWEEN $1::date AND $2::date', unmetFilters].filter(Boolean).join(' AND '),
      unmetParams,
      counts,
    );
  }
  return { counts, unmetApplies };
}

/** The services the cube has ever counted (all time, so a service's presence says nothing about the period). */
export async function countedServices(manager: EntityManager, organisationId: string | undefined): Promise<string[]> {
  const rows: { service_id: string }[] = await manager.query(
    `SELECT service_id FROM insights.gap_cells WHERE service_id <> 'NONE' ${organisationId ? 'AND recipient_org = $1' : ''}
      GROUP BY service_id ORDER BY service_id`,
    organisationId ? [organisationId] : [],
  );
  return rows.map((r) => r.service_id);
}
