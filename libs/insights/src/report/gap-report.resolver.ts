import { Args, Query, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal, type Principal } from '@hub/identity';
import { GapReportInput } from './gap-report.input';
import { GapReport } from './gap-report.model';
import { GapReportService } from './gap-report.service';

@Resolver(() => GapReport)
export class GapReportResolver {
  constructor(private readonly reports: GapReportService) {}

  @Query(() => GapReport, {
    description: 'Where needs go unmet: de-identified counts over closed months, every figure under disclosure control. COMMISSIONER, or SERVICE_ADMIN for its own services.',
  })
  gapReport(@CurrentPrincipal() principal: Principal, @Args('input') input: GapReportInput): Promise<GapReport> {
    return this.reports.report(principal, input);
  }
}
