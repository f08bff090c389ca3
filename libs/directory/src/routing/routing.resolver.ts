import { Args, ArgsType, Field, Query, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal, type Principal } from '@hub/identity';
import { IsUkPostcode } from '@hub/validation';
import { GpPracticeList } from '../postcodes/gp-practices';
import { CapacityCheckService } from './capacity-check.service';
import { CapacityCheckInput, RouteInput } from './route.input';
import { CapacityAnswer, GpPractice, PostcodeBorough, RoutePlan } from './route-plan.model';
import { RoutingService } from './routing.service';

@ArgsType()
class PostcodeArgs {
  @Field() @IsUkPostcode() postcode: string;
}

/**
 * Routing is de-identified (needs, a postcode or borough, a GP practice, an age), so every authenticated
 * role may ask, commissioners included; only casework roles' unmet needs become gap signals.
 */
@Resolver()
export class RoutingResolver {
  constructor(
    private readonly routing: RoutingService,
    private readonly capacity: CapacityCheckService,
    private readonly practices: GpPracticeList,
  ) {}

  @Query(() => RoutePlan, { description: 'The services that can take a case like this, best first; those that cannot, and why; needs nobody meets.' })
  routeOptions(@CurrentPrincipal() principal: Principal, @Args('input') input: RouteInput): Promise<RoutePlan> {
    return this.routing.route(principal, input);
  }

  @Query(() => CapacityAnswer, { description: 'Yes / No / Waitlist for a case described without identifiers.' })
  capacityCheck(@Args('input') input: CapacityCheckInput): Promise<CapacityAnswer> {
    return this.capacity.check(input);
  }

  @Query(() => PostcodeBorough, { description: 'The borough a postcode lies in, from the hub\'s postcode file.' })
  postcodeBorough(@Args() args: PostcodeArgs): PostcodeBorough {
    return this.routing.lookupPostcode(args.postcode);
  }

  @Query(() => [GpPractice], { description: 'GP practices the directory knows, with their borough.' })
  gpPractices(): GpPractice[] {
    return this.practices.practices;
  }
}
