import { Directive, Parent, ResolveField, ResolveReference, Resolver } from '@nestjs/graphql';
import { DirectoryService } from '../directory.service';
import { toService } from '../service.mapper';
import { Service } from '../service.model';
import { ReferralReference } from './referral-reference.model';

/** Adds `recipientService` to the exchange's Referral; the referral itself is read (and guarded) by the exchange. */
@Resolver(() => ReferralReference)
export class ReferralServiceResolver {
  constructor(private readonly directory: DirectoryService) {}

  @ResolveField(() => Service, { nullable: true, description: 'The directory service the referral was sent to, when the sender chose one.' })
  @Directive('@requires(fields: "serviceId")')
  async recipientService(@Parent() referral: ReferralReference): Promise<Service | null> {
    if (!referral.serviceId) return null;
    const entity = await this.directory.byId(referral.serviceId);
    return entity ? toService(entity) : null;
  }

  @ResolveReference()
  resolveReference(reference: ReferralReference): ReferralReference {
    return { id: reference.id, serviceId: reference.serviceId ?? null };
  }
}
