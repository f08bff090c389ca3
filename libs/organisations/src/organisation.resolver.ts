import { Query, Resolver, ResolveReference } from '@nestjs/graphql';
import { Organisation } from './organisation.model';
import { OrganisationService } from './organisation.service';

@Resolver(() => Organisation)
export class OrganisationResolver {
  constructor(private readonly participants: OrganisationService) {}

  @Query(() => [Organisation], { description: 'Every participant of the hub.' })
  organisations(): Promise<Organisation[]> {
    return this.participants.list();
  }

  @ResolveReference()
  resolveReference(reference: { id: string }): Promise<Organisation | null> {
    return this.participants.byId(reference.id);
  }
}
