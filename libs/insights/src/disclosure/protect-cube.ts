import type { CellNoise } from './cell-noise';
import { DEFAULT_DISCLOSURE_SETTINGS, type DisclosureSettings } from './disclosure-settings';
import { type ProtectedCount, protectCount } from './protect-count';

/** The key, on any axis, of the value that totals its line. */
export const MARGIN = '*';

/**
 * True counts along any number of axes, each axis's values including MARGIN: a breakdown by need and
 * month, or by need, month and decline reason (whose margin is the decline total).
 */
export interface CountCube {
  readonly axes: readonly (readonly string[])[];
  count(coordinates: readonly string[]): number;
  noiseOf(coordinates: readonly string[]): CellNoise;
}

export const cubeKey = (coordinates: readonly string[]): string => coordinates.join('\u001f');

const SECONDARY: ProtectedCount = Object.freeze({ value: null, rule: 'SUPPRESSED_SECONDARY' });

function product(axes: readonly (readonly string[])[]): string[][] {
  return axes.reduce<string[][]>((cells, axis) => cells.flatMap((cell) => axis.map((value) => [...cell, value])), [[]]);
}

interface LineCell {
  key: string;
  margin: boolean;
}

/** Each line: the cells that vary along one axis, the others fixed. A line of one cell has nothing to sum. */
function linesOf(axes: readonly (readonly string[])[]): LineCell[][] {
  const lines: LineCell[][] = [];
  axes.forEach((axis, along) => {
    if (axis.length < 2) return;
    const fixed = axes.map((values, i) => (i === along ? [MARGIN] : values));
    for (const base of product(fixed)) {
      lines.push(axis.map((value) => ({ key: cubeKey(base.map((v, i) => (i === along ? value : v))), margin: value === MARGIN })));
    }
  });
  return lines;
}

/**
 * Every cell protected on its own, then secondary suppression: a line with exactly one suppressed cell
 * would give it away as margin minus the rest, so one more of its cells is suppressed, until no line has
 * exactly one. The extra cell is chosen from published values only (the smallest, the first on a tie), so
 * the choice reveals nothing hidden; the margin only when nothing else in the line is published.
 */
export function protectCube(cube: CountCube, settings: DisclosureSettings = DEFAULT_DISCLOSURE_SETTINGS): Map<string, ProtectedCount> {
  const figures = new Map<string, ProtectedCount>();
  for (const coordinates of product(cube.axes)) {
    figures.set(cubeKey(coordinates), protectCount(cube.count(coordinates), cube.noiseOf(coordinates), settings));
  }
  const lines = linesOf(cube.axes);
  let changed = true;
  while (changed) {
    changed = false;
    for (const line of lines) {
      if (line.filter((cell) => figures.get(cell.key)!.value === null).length !== 1) continue;
      figures.set(secondaryChoice(line, figures).key, SECONDARY);
      changed = true;
    }
  }
  return figures;
}

function secondaryChoice(line: LineCell[], figures: Map<string, ProtectedCount>): LineCell {
  let smallest: LineCell | undefined;
  for (const cell of line) {
    const value = figures.get(cell.key)!.value;
    if (cell.margin || value === null) continue;
    if (smallest === undefined || value < figures.get(smallest.key)!.value!) smallest = cell;
  }
  // A line with exactly one suppressed cell and two or more cells has a published one: the margin at worst.
  return smallest ?? line.find((cell) => cell.margin && figures.get(cell.key)!.value !== null)!;
}
