/** One reason a row of an import file was not imported, naming the column it is about. */
export interface RowProblem {
  column: string;
  reason: string;
}
