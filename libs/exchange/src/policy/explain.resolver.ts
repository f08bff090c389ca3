import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { CurrentPrincipal, type Principal } from '@hub/identity';
import { HubError, HubErrorCode } from '@hub/platform';
import { londonToday } from '../agreements/agreement-status';
import { requireUuid } from '../ids';
import { decideAccess } from './access-decision';
import { AccessDecisionModel } from './access-decision.model';
import { CASE_FIELD_CATEGORIES, CASE_FIELDS, isCaseField } from './case-fields';
import { loadPolicyFacts } from './policy-facts.loader';

@Resolver(() => AccessDecisionModel)
export class ExplainAccessResolver {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Why the caller may or may not read this field of this case, from the same rule the reads use. */
  @Query(() => AccessDecisionModel)
  async explainAccess(
    @CurrentPrincipal() principal: Principal,
    @Args('caseId', { type: () => ID }) caseId: string,
    @Args('field') field: string,
  ): Promise<AccessDecisionModel> {
    if (!isCaseField(field)) {
      throw new HubError(HubErrorCode.BAD_USER_INPUT, `field must be one of: ${CASE_FIELDS.join(', ')}`, { field: 'field' });
    }
    const {
      facts: [facts],
    } = await loadPolicyFacts(this.dataSource.manager, principal.orgId, [requireUuid(caseId, 'caseId')]);
    const category = CASE_FIELD_CATEGORIES[field];
    return { field, category, ...decideAccess(principal, facts, category, londonToday()) };
  }
}
