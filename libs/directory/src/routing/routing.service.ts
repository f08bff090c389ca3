import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Principal } from '@hub/identity';
import { HubError, HubErrorCode } from '@hub/platform';
import { Role } from '@hub/vocabulary';
import { recordUnmetNeeds } from '../gaps/unmet-need-signal';
import { GpPracticeList } from '../postcodes/gp-practices';
import { PostcodeMap, type PostcodeAnswer } from '../postcodes/postcode-map';
import { PostcodeStatus } from '../postcodes/postcode-status';
import { ServiceEntity } from '../service.entity';
import { toService } from '../service.mapper';
import { rankServices, type RoutableCase } from './rank-services';
import { ageBandOf } from './route-reasons';
import type { RouteInput } from './route.input';
import type { PostcodeBorough, RoutePlan } from './route-plan.model';
import { whyOption, whyRefused } from './route-wording';

/** Roles whose routing is exploration, not a resident's case: their unmet needs are not gap signals. */
const NOT_CASEWORK = [Role.COMMISSIONER, Role.IG_LEAD];

@Injectable()
export class RoutingService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly postcodes: PostcodeMap,
    private readonly practices: GpPracticeList,
  ) {}

  async route(principal: Principal, input: RouteInput): Promise<RoutePlan> {
    if (Boolean(input.postcode) === Boolean(input.borough)) {
      throw new HubError(HubErrorCode.BAD_USER_INPUT, 'Give either postcode or borough, not both and not neither', { field: 'postcode' });
    }
    const practice = input.gpPractice ? this.practices.find(input.gpPractice) : undefined;
    if (input.gpPractice && !practice) {
      throw new HubError(HubErrorCode.BAD_USER_INPUT, 'gpPractice names no practice the directory knows (see gpPractices)', { field: 'gpPractice' });
    }
    const residence = input.postcode ? this.postcodes.lookup(input.postcode) : undefined;
    const routable: RoutableCase = {
      needs: input.needs,
      residence: residence ? residence.boroughs : [input.borough!],
      gpBorough: practice?.borough,
      ageRange: input.age === undefined || input.age === null ? undefined : [input.age, input.age],
      distanceTo: residence ? (service) => this.nearest(residence.postcode, service) : undefined,
    };
    const { candidates, total } = await this.candidates(input);
    const result = rankServices(candidates, routable);
    if (result.unmet.length && !NOT_CASEWORK.includes(principal.role)) {
      const borough = routable.residence.length === 1 ? routable.residence[0] : 'UNKNOWN';
      const ageBand = routable.ageRange ? ageBandOf(routable.ageRange[0]) : 'UNKNOWN';
      await this.dataSource.transaction((manager) =>
        recordUnmetNeeds(manager, result.unmet.map((u) => ({ ...u, borough, ageBand }))),
      );
    }
    return {
      residence: residence ? asPostcodeBorough(residence) : null,
      gpBorough: practice?.borough ?? null,
      options: result.options.map((o, i) => ({
        rank: i + 1,
        service: toService(o.service),
        meets: o.meets,
        doesNotMeet: input.needs.filter((n) => !o.meets.includes(n)),
        eligibleBy: o.basis,
        capacity: o.service.capacity,
        waitlistBand: o.service.waitlistBand,
        distanceBand: o.distance,
        why: whyOption(o, routable),
      })),
      cannotTake: result.refused.map((r) => ({ service: toService(r.service), reason: r.reason, why: whyRefused(r, routable) })),
      servicesMeetingNoNeed: total - candidates.length + result.refused.filter((r) => r.reason === 'NEED_NOT_MET').length,
      unmetNeeds: result.unmet,
    };
  }

  lookupPostcode(postcode: string): PostcodeBorough {
    return asPostcodeBorough(this.postcodes.lookup(postcode));
  }

  /** Only services meeting at least one need are read (GIN index), unless every service is to be listed. */
  private async candidates(input: RouteInput): Promise<{ candidates: ServiceEntity[]; total: number }> {
    const repository = this.dataSource.getRepository(ServiceEntity);
    if (input.listEveryService) {
      const all = await repository.find();
      return { candidates: all, total: all.length };
    }
    const candidates = await repository.createQueryBuilder('s').where('s.needs && :needs', { needs: input.needs }).getMany();
    return { candidates, total: await repository.count() };
  }

  private nearest(postcode: string, service: ServiceEntity) {
    const bands = service.locations.map((l) => this.postcodes.distanceBand(postcode, l.postcode)).filter((b) => b !== null);
    const order = ['UNDER_1_MILE', 'ONE_TO_3_MILES', 'OVER_3_MILES'];
    return bands.sort((a, b) => order.indexOf(a) - order.indexOf(b))[0] ?? null;
  }
}

function asPostcodeBorough(answer: PostcodeAnswer): PostcodeBorough {
  return { ...answer, borough: answer.status === PostcodeStatus.IN_BOROUGH ? answer.boroughs[0] : null };
}
