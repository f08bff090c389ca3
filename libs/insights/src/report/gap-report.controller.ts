import { Controller, Get, Headers, Inject, Query, Res } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import type { Response } from 'express';
import { type Principal, TokenVerifier } from '@hub/identity';
import { type Clock, HUB_CLOCK, HubError, HubErrorCode } from '@hub/platform';
import { GapReportInput } from './gap-report.input';
import { gapReportCsv } from './gap-report-csv';
import { GapReportService } from './gap-report.service';
import { readTicket } from './report-ticket';

const HTTP_STATUS: Record<string, number> = { [HubErrorCode.FORBIDDEN]: 403, [HubErrorCode.BAD_USER_INPUT]: 400, [HubErrorCode.UNAUTHENTICATED]: 401 };

type CsvQuery = Record<string, string | undefined>;

/** A bearer caller puts the question in the query string: groupBy is a comma-separated list. */
function questionOf(query: CsvQuery): Record<string, unknown> {
  return {
    from: query.from,
    to: query.to,
    groupBy: query.groupBy ? query.groupBy.split(',').filter(Boolean) : [],
    need: query.need,
    residenceBorough: query.residenceBorough,
    serviceBorough: query.serviceBorough,
    serviceId: query.serviceId,
  };
}

/**
 * The gap report as CSV for a commissioner's spreadsheet, at `GET /reports/gap-report.csv`: either
 * the signed `ticket` link a gapReport answer carries (a spreadsheet cannot send a bearer token), or a
 * bearer token with the question in the query string. Same figures, same audit, as GraphQL.
 */
@Controller('reports')
export class GapReportController {
  constructor(
    private readonly reports: GapReportService,
    private readonly verifier: TokenVerifier,
    @Inject(HUB_CLOCK) private readonly clock: Clock,
  ) {}

  @Get('gap-report.csv')
  async csv(@Query() query: CsvQuery, @Headers('authorization') authorization: string | undefined, @Res() response: Response): Promise<void> {
    try {
      const { principal, question } = await this.callerOf(query, authorization);
      const input = plainToInstance(GapReportInput, question);
      const problems = await validate(input, { forbidUnknownValues: true });
      if (problems.length > 0) {
        const first = problems[0];
        throw new HubError(HubErrorCode.BAD_USER_INPUT, Object.values(first.constraints ?? {}).join('; ') || 'Invalid question.', { field: first.property });
      }
      const report = await this.reports.report(principal, input, 'CSV');
      response
        .status(200)
        .set({
          'content-type': 'text/csv; charset=utf-8',
          'content-disposition': `attachment; filename="gap-report-${report.from}-to-${report.to}.csv"`,
          'cache-control': 'private, no-store',
          'x-disclosure-control': `threshold=${report.disclosure.threshold}; fringe=${report.disclosure.fringeUpTo}; rounding=${report.disclosure.roundingBase}`,
        })
        .send(gapReportCsv(report));
    } catch (error) {
      const code = error instanceof HubError ? String(error.extensions.code) : HubErrorCode.INTERNAL_SERVER_ERROR;
      const message = error instanceof HubError ? error.message : 'The report could not be produced.';
      response.status(HTTP_STATUS[code] ?? 500).json({ code, message });
    }
  }

  private async callerOf(query: CsvQuery, authorization: string | undefined): Promise<{ principal: Principal; question: Record<string, unknown> }> {
    if (query.ticket) {
      const secret = await this.reports.secretOf();
      const ticket = await readTicket(secret, query.ticket, this.clock.now()).catch(() => undefined);
      if (!ticket) throw new HubError(HubErrorCode.UNAUTHENTICATED, 'This report link is not valid or has expired: ask for the report again.');
      return { principal: ticket.principal, question: ticket.input };
    }
    const principal = await this.verifier.tryVerify(authorization);
    if (!principal) throw new HubError(HubErrorCode.UNAUTHENTICATED, 'Authentication required: send a valid bearer token or use a report link.');
    return { principal, question: questionOf(query) };
  }
}
