import type { CellNoise } from './cell-noise';
import { DEFAULT_DISCLOSURE_SETTINGS, type DisclosureSettings } from './disclosure-settings';
import { FIGURE_RULES, type FigureRule, type ProtectedCount } from './protect-count';
import { cubeKey, protectCube } from './protect-cube';


/**
 * A table of true counts with margins: the MARGIN row holds column totals and the MARGIN column row totals.
 * A one-way table has the single column MARGIN, its MARGIN row the grand total.
 */
export interface CountTable {
  readonly rows: readonly string[];
  readonly columns: readonly string[];
  count(row: string, column: string): number;
  noiseOf(row: string, column: string): CellNoise;
}

export interface ProtectedTable {
  readonly rows: readonly string[];
  readonly columns: readonly string[];
  figure(row: string, column: string): ProtectedCount;
  /** How many cells, margins included, ended under each rule. */
  readonly cellsByRule: Readonly<Record<FigureRule, number>>;
}

/** A two-way cube: see protectCube for the rules. */
export function protectTable(table: CountTable, settings: DisclosureSettings = DEFAULT_DISCLOSURE_SETTINGS): ProtectedTable {
  assertKeys(table.rows, 'row');
  assertKeys(table.columns, 'column');
  const figures = protectCube(
    { axes: [table.rows, table.columns], count: ([row, column]) => table.count(row, column), noiseOf: ([row, column]) => table.noiseOf(row, column) },
    settings,
  );
  const cellsByRule = Object.fromEntries(FIGURE_RULES.map((rule) => [rule, 0])) as Record<FigureRule, number>;
  for (const figure of figures.values()) cellsByRule[figure.rule] += 1;
  return {
    rows: [...table.rows],
    columns: [...table.columns],
    figure(row, column) {
      const figure = figures.get(cubeKey([row, column]));
      if (!figure) throw new RangeError(`No cell (${row}, ${column}) in this table`);
      return figure;
    },
    cellsByRule,
  };
}

function assertKeys(keys: readonly string[], name: string): void {
  if (keys.length === 0) throw new RangeError(`A table needs at least one ${name}`);
  if (new Set(keys).size !== keys.length) throw new RangeError(`The ${name} keys of a table must be distinct; got ${keys.join(', ')}`);
}
