import { NotFoundException } from '@nestjs/common';
import { Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal, type Principal } from '@hub/identity';
import { Organisation } from './organisation.model';
import { OrganisationService } from './organisation.service';
import { PrincipalModel } from './principal.model';

@Resolver(() => PrincipalModel)
export class PrincipalResolver {
  constructor(private readonly organisations: OrganisationService) {}

  @Query(() => PrincipalModel, { description: 'Who the hub takes the caller to be.' })
  me(@CurrentPrincipal() principal: Principal): PrincipalModel {
    return { ...principal };
  }

  @ResolveField(() => Organisation)
  async organisation(@Parent() principal: PrincipalModel): Promise<Organisation> {
    const organisation = await this.organisations.byId(principal.orgId);
    // A trusted issuer for an organisation the hub does not list is a deployment error, not the caller's.
    if (!organisation) throw new NotFoundException(`Organisation ${principal.orgId} is trusted but not registered`);
    return organisation;
  }
}
