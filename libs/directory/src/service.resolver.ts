import { Args, Query, Resolver, ResolveField, ResolveReference, Parent } from '@nestjs/graphql';
import { Borough, NeedCategory } from '@hub/vocabulary';
import { DirectoryService } from './directory.service';
import { OrganisationReference } from './organisation-reference.model';
import { Service } from './service.model';
import type { ServiceEntity } from './service.entity';

function toService(entity: ServiceEntity): Service {
  return { ...entity, organisation: { id: entity.organisationId } };
}

@Resolver(() => Service)
export class ServiceResolver {
  constructor(private readonly directory: DirectoryService) {}

  @Query(() => [Service], { description: 'The directory, optionally narrowed to a need or a borough of residence.' })
  async services(
    @Args('need', { type: () => NeedCategory, nullable: true }) need?: NeedCategory,
    @Args('borough', { type: () => Borough, nullable: true }) borough?: Borough,
  ): Promise<Service[]> {
    return (await this.directory.list({ need, borough })).map(toService);
  }

  @ResolveReference()
  async resolveReference(reference: { id: string }): Promise<Service | null> {
    const entity = await this.directory.byId(reference.id);
    return entity ? toService(entity) : null;
  }
}

@Resolver(() => OrganisationReference)
export class OrganisationServicesResolver {
  constructor(private readonly directory: DirectoryService) {}

  @ResolveField(() => [Service], { description: 'The services this organisation offers (directory).' })
  async services(@Parent() organisation: OrganisationReference): Promise<Service[]> {
    return (await this.directory.forOrganisation(organisation.id)).map(toService);
  }

  @ResolveReference()
  resolveReference(reference: { id: string }): OrganisationReference {
    return { id: reference.id };
  }
}
