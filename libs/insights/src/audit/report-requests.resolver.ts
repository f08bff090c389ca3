import { Args, Int, Query, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal, type Principal } from '@hub/identity';
import { HubError, HubErrorCode } from '@hub/platform';
import { Role } from '@hub/vocabulary';
import { InsightsDatabase } from '../projection/insights-database';
import { GapReportRequest } from './report-request.model';

interface RequestRow {
  at: Date;
  organisation_id: string;
  user_id: string;
  role: Role;
  channel: string;
  outcome: string;
  refusal: string | null;
  question: object;
  figures: number;
  withheld: number;
}

/** An IG lead reviews the gap reports its own organisation's people asked for, newest first. */
@Resolver(() => GapReportRequest)
export class ReportRequestsResolver {
  constructor(private readonly database: InsightsDatabase) {}

  @Query(() => [GapReportRequest], { description: "IG_LEAD: the gap reports your organisation's users asked for, newest first." })
  async gapReportRequests(
    @CurrentPrincipal() principal: Principal,
    @Args('first', { type: () => Int, defaultValue: 50 }) first: number,
  ): Promise<GapReportRequest[]> {
    if (principal.role !== Role.IG_LEAD) {
      throw new HubError(HubErrorCode.FORBIDDEN, 'Report requests are for the information governance lead.', { role: principal.role });
    }
    if (!Number.isInteger(first) || first < 1 || first > 500) {
      throw new HubError(HubErrorCode.BAD_USER_INPUT, 'first must be from 1 to 500.', { field: 'first' });
    }
    const rows: RequestRow[] = await this.database.run((manager) =>
      manager.query(
        `SELECT at, organisation_id, user_id, role, channel, outcome, refusal, question, figures, withheld
           FROM insights.report_requests WHERE organisation_id = $1 ORDER BY seq DESC LIMIT $2`,
        [principal.orgId, first],
      ),
    );
    return rows.map((r) => ({
      at: new Date(r.at),
      organisationId: r.organisation_id,
      userId: r.user_id,
      role: r.role,
      channel: r.channel,
      outcome: r.outcome,
      refusal: r.refusal,
      question: JSON.stringify(r.question),
      figures: r.figures,
      withheld: r.withheld,
    }));
  }
}
