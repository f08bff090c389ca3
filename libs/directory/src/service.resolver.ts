import { Args, ID, Mutation, Parent, Query, ResolveField, ResolveReference, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal, type Principal } from '@hub/identity';
import { Borough, NeedCategory } from '@hub/vocabulary';
import { CapacityStatus, WaitlistBand } from './capacity-status';
import { DirectoryService } from './directory.service';
import { ServiceInput } from './dto/service.input';
import { ServiceEditor } from './editing/service-editor';
import { requireUuid } from './ids';
import { OrganisationReference } from './organisation-reference.model';
import { toService } from './service.mapper';
import { Service } from './service.model';

@Resolver(() => Service)
export class ServiceResolver {
  constructor(
    private readonly directory: DirectoryService,
    private readonly editor: ServiceEditor,
  ) {}

  @Query(() => [Service], { description: 'The directory, optionally narrowed to a need or a borough of residence.' })
  async services(
    @Args('need', { type: () => NeedCategory, nullable: true }) need?: NeedCategory,
    @Args('borough', { type: () => Borough, nullable: true }) borough?: Borough,
  ): Promise<Service[]> {
    return (await this.directory.list({ need, borough })).map(toService);
  }

  @Mutation(() => Service, { description: 'Adds a service to your organisation\'s entries (SERVICE_ADMIN).' })
  async createService(@CurrentPrincipal() principal: Principal, @Args('input') input: ServiceInput): Promise<Service> {
    return toService(await this.editor.create(principal, input));
  }

  @Mutation(() => Service, { description: 'Replaces one of your organisation\'s entries (SERVICE_ADMIN of its organisation).' })
  async updateService(
    @CurrentPrincipal() principal: Principal,
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: ServiceInput,
  ): Promise<Service> {
    return toService(await this.editor.update(principal, requireUuid(id, 'id'), input));
  }

  @Mutation(() => Service, { description: 'States whether the service can take cases now (SERVICE_ADMIN of its organisation).' })
  async setServiceCapacity(
    @CurrentPrincipal() principal: Principal,
    @Args('id', { type: () => ID }) id: string,
    @Args('capacity', { type: () => CapacityStatus }) capacity: CapacityStatus,
    @Args('waitlistBand', { type: () => WaitlistBand, nullable: true }) waitlistBand?: WaitlistBand,
  ): Promise<Service> {
    return toService(await this.editor.setCapacity(principal, requireUuid(id, 'id'), capacity, waitlistBand ?? undefined));
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
