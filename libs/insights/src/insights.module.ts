import { Module } from '@nestjs/common';
import { ReportRequestsResolver } from './audit/report-requests.resolver';
import { DisclosurePolicyResolver } from './disclosure-policy.resolver';
import { GapProjector } from './projection/gap-projector';
import { InsightsDatabase } from './projection/insights-database';
import { GapReportController } from './report/gap-report.controller';
import { GapReportResolver } from './report/gap-report.resolver';
import { GapReportService } from './report/gap-report.service';

@Module({
  controllers: [GapReportController],
  providers: [DisclosurePolicyResolver, InsightsDatabase, GapProjector, GapReportService, GapReportResolver, ReportRequestsResolver],
  exports: [InsightsDatabase, GapProjector, GapReportService],
})
export class InsightsModule {}
