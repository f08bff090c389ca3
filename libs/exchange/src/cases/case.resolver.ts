import { Args, ID, Info, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { CurrentPrincipal, type Principal } from '@hub/identity';
import { Organisation, OrganisationService } from '@hub/organisations';
import { requireUuid } from '../ids';
import { selectedFields } from '../policy/selected-fields';
import { CaseModel } from './case.model';
import { CaseReader } from './case-reader';
import { CaseService } from './case.service';
import { CreateCaseInput } from './dto/create-case.input';

@Resolver(() => CaseModel)
export class CaseResolver {
  constructor(
    private readonly cases: CaseService,
    private readonly reader: CaseReader,
    private readonly organisations: OrganisationService,
  ) {}

  /** Public facts about the owning organisation, fetched only when a query asks for them. */
  @ResolveField(() => Organisation)
  async owner(@Parent() view: CaseModel): Promise<Organisation> {
    return (await this.organisations.byId(view.ownerId)) as Organisation;
  }

  @Query(() => CaseModel, { nullable: true, description: 'A case, each field released or withheld by the policy.' })
  case(
    @CurrentPrincipal() principal: Principal,
    @Args('id', { type: () => ID }) id: string,
    @Info() info: GraphQLResolveInfo,
  ): Promise<CaseModel> {
    return this.reader.readOne(principal, requireUuid(id, 'id'), selectedFields(info));
  }

  @Mutation(() => CaseModel, { description: 'Opens a case for the caller\'s organisation, which owns it.' })
  createCase(@CurrentPrincipal() principal: Principal, @Args('input') input: CreateCaseInput): Promise<CaseModel> {
    return this.cases.create(principal, input);
  }
}
