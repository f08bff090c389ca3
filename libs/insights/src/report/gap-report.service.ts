import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Principal } from '@hub/identity';
import { type Clock, HUB_CLOCK, HUB_ENVIRONMENT, HubError, HubErrorCode, type HubEnvironment } from '@hub/platform';
import { Role } from '@hub/vocabulary';
import { recordReportRequest, type ReportChannel } from '../audit/report-requests';
import { type DisclosureSettings, suppressionFringe } from '../disclosure';
import { GapProjector } from '../projection/gap-projector';
import { InsightsDatabase } from '../projection/insights-database';
import { buildFlows, buildRows, type ReportFrame } from './gap-report.builder';
import type { GapReportInput } from './gap-report.input';
import { DisclosureApplied, type Figure, type GapReport, type GapReportRow } from './gap-report.model';
import { type CubeQuery, countedServices, readCube } from './gap-cube-reader';
import { reportPeriod } from './report-period';
import { signTicket } from './report-ticket';
import { FigureRule, GapDimension } from './report-vocabulary';

/** A breakdown and a filter on the same dimension would ask one question two ways. */
const FILTER_OF: Record<GapDimension, keyof GapReportInput | undefined> = {
  [GapDimension.NEED]: 'need',
  [GapDimension.RESIDENCE_BOROUGH]: 'residenceBorough',
  [GapDimension.SERVICE_BOROUGH]: 'serviceBorough',
  [GapDimension.SERVICE]: 'serviceId',
  [GapDimension.MONTH]: undefined,
};

/**
 * Gap reports: counts from insights' own rollups, every figure passed through disclosure control,
 * every request (answered or refused) audited. Commissioners see the whole area, the same figures
 * whichever borough commissions them; a service admin sees its own organisation's referrals.
 */
@Injectable()
export class GapReportService {
  private secret: Buffer | undefined;
  readonly settings: DisclosureSettings;

  constructor(
    private readonly database: InsightsDatabase,
    private readonly projector: GapProjector,
    @Inject(HUB_CLOCK) private readonly clock: Clock,
    @Inject(HUB_ENVIRONMENT) private readonly environment: HubEnvironment,
  ) {
    this.settings = {
      threshold: environment.DISCLOSURE_THRESHOLD,
      roundingBase: environment.DISCLOSURE_ROUNDING_BASE,
      fringeSuppression: 0.5,
    };
  }

  async report(principal: Principal, input: GapReportInput, channel: ReportChannel = 'GRAPHQL'): Promise<GapReport> {
    try {
      const organisationId = this.scopeOf(principal);
      for (const dimension of input.groupBy) {
        const filter = FILTER_OF[dimension];
        if (filter && input[filter] !== undefined && input[filter] !== null) {
          throw new HubError(HubErrorCode.BAD_USER_INPUT, `Break down by ${dimension} or filter on it, not both.`, { field: filter });
        }
      }
      const period = reportPeriod(input.from, input.to, this.clock.now());
      const query: CubeQuery = {
        period,
        groupBy: input.groupBy,
        need: input.need ?? undefined,
        residenceBorough: input.residenceBorough ?? undefined,
        serviceBorough: input.serviceBorough ?? undefined,
        serviceId: input.serviceId ?? undefined,
        organisationId,
      };
      await this.projector.catchUp();
      const report = await this.database.run((manager) => this.answer(manager, principal, input, query, channel));
      return report;
    } catch (error) {
      if (error instanceof HubError) await this.refused(principal, input, channel, String(error.extensions.code));
      throw error;
    }
  }

  /** A commissioner sees every organisation's referrals; a service admin only its own. */
  private scopeOf(principal: Principal): string | undefined {
    if (principal.role === Role.COMMISSIONER) return undefined;
    if (principal.role === Role.SERVICE_ADMIN) return principal.orgId;
    throw new HubError(HubErrorCode.FORBIDDEN, 'Gap reports are for commissioners, and for service admins about their own services.', {
      role: principal.role,
    });
  }

  private async answer(manager: EntityManager, principal: Principal, input: GapReportInput, query: CubeQuery, channel: ReportChannel): Promise<GapReport> {
    const secret = await this.secretOf(manager);
    const { counts, unmetApplies } = await readCube(manager, query);
    const flowQuery = { ...query, groupBy: [GapDimension.RESIDENCE_BOROUGH, GapDimension.SERVICE_BOROUGH] };
    const { counts: flowCounts } = await readCube(manager, flowQuery);
    const services = query.groupBy.includes(GapDimension.SERVICE) ? await countedServices(manager, query.organisationId) : [];
    const frame: ReportFrame = { query, services, secret, settings: this.settings };
    const rows = buildRows(frame, counts, unmetApplies);
    const flows = buildFlows({ ...frame, query: flowQuery }, flowCounts);
    const total = rows.find((row) => row.margin.length === query.groupBy.length)!;
    const disclosure = this.disclosureOf(rows, flows.map((f) => f.referrals));
    const withheld = disclosure.rules.filter((r) => r.rule !== FigureRule.PUBLISHED).reduce((sum, r) => sum + r.figures, 0);
    await recordReportRequest(manager, {
      principal,
      channel,
      question: input,
      figures: disclosure.rules.reduce((sum, r) => sum + r.figures, 0),
      withheld,
    });
    return {
      from: query.period.from,
      to: query.period.to,
      groupBy: query.groupBy,
      need: input.need ?? null,
      residenceBorough: input.residenceBorough ?? null,
      serviceBorough: input.serviceBorough ?? null,
      serviceId: input.serviceId ?? null,
      organisationId: query.organisationId ?? null,
      disclosure,
      rows: rows.filter((row) => row !== total),
      total,
      flows,
      csvUrl: await this.csvUrl(secret, principal, input),
    };
  }

  private disclosureOf(rows: GapReportRow[], extra: Figure[]): DisclosureApplied {
    const tally = new Map<FigureRule, number>();
    const add = (figure: { rule: FigureRule }) => tally.set(figure.rule, (tally.get(figure.rule) ?? 0) + 1);
    for (const row of rows) {
      for (const value of Object.values(row)) {
        if (value && typeof value === 'object' && 'rule' in value) add(value as Figure);
      }
      for (const r of [...row.declinedByReason, ...row.closedUnmetByReason]) add(r.count);
      for (const o of row.outcomes) [o.improved, o.unchanged, o.worsened].forEach(add);
    }
    extra.forEach(add);
    const { threshold, roundingBase } = this.settings;
    const fringeUpTo = threshold + suppressionFringe(threshold, roundingBase);
    return {
      threshold,
      fringeUpTo,
      roundingBase,
      rules: Object.values(FigureRule).map((rule) => ({ rule, figures: tally.get(rule) ?? 0 })),
      explanation:
        `Counts from 0 to ${threshold} are suppressed, and counts up to ${fringeUpTo} sometimes are, so a suppressed figure ` +
        `does not prove a small count. Other counts are rounded to a multiple of ${roundingBase}, up or down at random ` +
        `but the same way every time the same question is asked. Further figures are suppressed where a total would ` +
        `reveal a suppressed one. Rates and days are computed only from published figures.`,
    };
  }

  private async csvUrl(secret: Buffer, principal: Principal, input: GapReportInput): Promise<string> {
    const ticket = await signTicket(secret, principal, input, this.clock.now());
    const origin = (this.environment.PUBLIC_URL ?? `http://localhost:${this.environment.PORT}`).replace(/\/$/, '');
    return `${origin}/reports/gap-report.csv?ticket=${ticket}`;
  }

  async secretOf(manager?: EntityManager): Promise<Buffer> {
    if (!this.secret) {
      const read = (m: EntityManager) => m.query('SELECT secret FROM insights.disclosure_secret WHERE id = 1');
      const [row] = manager ? await read(manager) : await this.database.run(read);
      this.secret = Buffer.from(row.secret);
    }
    return this.secret;
  }

  private async refused(principal: Principal, input: GapReportInput, channel: ReportChannel, code: string): Promise<void> {
    await this.database.run((manager) => recordReportRequest(manager, { principal, channel, question: input, refusal: code }));
  }
}
