import { Query, Resolver } from '@nestjs/graphql';
import { DEFAULT_DISCLOSURE_POLICY, DisclosurePolicy } from './disclosure-policy.model';

@Resolver(() => DisclosurePolicy)
export class DisclosurePolicyResolver {
  @Query(() => DisclosurePolicy, { description: 'How insights protects people in the figures it publishes.' })
  disclosurePolicy(): DisclosurePolicy {
    return DEFAULT_DISCLOSURE_POLICY;
  }
}
