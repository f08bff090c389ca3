import { Query, Resolver } from '@nestjs/graphql';
import { DisclosurePolicy } from './disclosure-policy.model';
import { GapReportService } from './report/gap-report.service';

@Resolver(() => DisclosurePolicy)
export class DisclosurePolicyResolver {
  constructor(private readonly reports: GapReportService) {}

  @Query(() => DisclosurePolicy, { description: 'How insights protects people in the figures it publishes.' })
  disclosurePolicy(): DisclosurePolicy {
    const { threshold, roundingBase } = this.reports.settings;
    return { suppressionThreshold: threshold, roundingBase };
  }
}
