import type { Figure, GapReport, GapReportRow } from './gap-report.model';
import { FigureRule, GapDimension } from './report-vocabulary';

/** GSS shorthand a statistician expects: [c] confidential (withheld), [z] not applicable. */
function cellText(figure: { value: number | null; rule: FigureRule }): string {
  if (figure.rule === FigureRule.NOT_APPLICABLE) return '[z]';
  return figure.value === null ? '[c]' : String(figure.value);
}

const quote = (text: string) => (/[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);

interface Column {
  header: string;
  value(row: GapReportRow): string;
}

function columnsOf(report: GapReport): Column[] {
  const text = (pick: (row: GapReportRow) => string | null) => (row: GapReportRow) => pick(row) ?? 'All';
  const figure = (header: string, pick: (row: GapReportRow) => Figure | { value: number | null; rule: FigureRule }): Column => ({
    header,
    value: (row) => cellText(pick(row)),
  });
  const sample = report.total;
  return [
    { header: 'month', value: text((r) => r.month) },
    { header: 'need', value: text((r) => r.need) },
    { header: 'residence_borough', value: text((r) => r.residenceBorough) },
    { header: 'service_borough', value: text((r) => r.serviceBorough) },
    { header: 'service_id', value: (r) => (r.margin.includes(GapDimension.SERVICE) ? 'All' : (r.serviceId ?? 'No named service')) },
    figure('sent', (r) => r.sent),
    figure('accepted', (r) => r.accepted),
    figure('declined', (r) => r.declined),
    ...sample.declinedByReason.map((_, i) => figure(`declined_${sample.declinedByReason[i].reason.toLowerCase()}`, (r) => r.declinedByReason[i].count)),
    figure('completed', (r) => r.completed),
    figure('closed_unmet', (r) => r.closedUnmet),
    ...sample.closedUnmetByReason.map((_, i) => figure(`closed_unmet_${sample.closedUnmetByReason[i].reason.toLowerCase()}`, (r) => r.closedUnmetByReason[i].count)),
    figure('unmet_needs_no_service', (r) => r.unmetNeedsNoService),
    figure('appointments', (r) => r.appointments),
    figure('attended', (r) => r.attended),
    figure('did_not_attend', (r) => r.didNotAttend),
    figure('did_not_attend_rate', (r) => r.didNotAttendRate),
    figure('first_contacts', (r) => r.firstContacts),
    figure('days_to_first_contact_median', (r) => r.daysToFirstContactMedian),
    figure('days_to_first_contact_p90', (r) => r.daysToFirstContactP90),
    ...sample.outcomes.flatMap((o, i) => [
      figure(`${o.instrument.toLowerCase()}_improved`, (r) => r.outcomes[i].improved),
      figure(`${o.instrument.toLowerCase()}_unchanged`, (r) => r.outcomes[i].unchanged),
      figure(`${o.instrument.toLowerCase()}_worsened`, (r) => r.outcomes[i].worsened),
    ]),
  ];
}

/** One line per row of the report, the total last; RFC 4180 quoting, CRLF line ends. */
export function gapReportCsv(report: GapReport): string {
  const columns = columnsOf(report);
  const lines = [columns.map((c) => c.header), ...[...report.rows, report.total].map((row) => columns.map((c) => quote(c.value(row))))];
  return lines.map((line) => line.join(',')).join('\r\n') + '\r\n';
}
