import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { HubError, HubErrorCode } from '@hub/platform';
import { CapacityStatus, capacityRank } from '../capacity-status';
import { ServiceEntity } from '../service.entity';
import { toService } from '../service.mapper';
import { rankServices } from './rank-services';
import { AGE_BAND_RANGES, RouteRefusal } from './route-reasons';
import type { CapacityCheckInput } from './route.input';
import { type CapacityAnswer, CapacityAnswerKind } from './route-plan.model';

/**
 * Yes / No / Waitlist for a case described only by needs, borough and age band (HL7 Gravity's capacity
 * check, asked of one service or of the whole directory) — before any personal data moves. Only a
 * service meeting every need counts: a case is not split across services by this question.
 */
@Injectable()
export class CapacityCheckService {
  constructor(@InjectRepository(ServiceEntity) private readonly services: Repository<ServiceEntity>) {}

  async check(input: CapacityCheckInput): Promise<CapacityAnswer> {
    const candidates = input.serviceId ? await this.one(input.serviceId) : await this.meetingEvery(input);
    const result = rankServices(candidates, {
      needs: input.needs,
      residence: [input.borough],
      gpBorough: input.gpBorough,
      ageRange: AGE_BAND_RANGES[input.ageBand],
    });
    const able = result.options.filter((o) => o.meets.length === input.needs.length).map((o) => o.service);
    if (able.length === 0) {
      const partial = result.options.length ? RouteRefusal.NEED_NOT_MET : undefined;
      return { answer: CapacityAnswerKind.NO, waitlistBand: null, services: [], reason: partial ?? result.refused[0]?.reason ?? RouteRefusal.NEED_NOT_MET };
    }
    const open = able.filter((s) => s.capacity === CapacityStatus.OPEN);
    if (open.length) return { answer: CapacityAnswerKind.YES, waitlistBand: null, services: open.map(toService), reason: null };
    const shortest = [...able].sort((a, b) => capacityRank(a.capacity, a.waitlistBand) - capacityRank(b.capacity, b.waitlistBand));
    return { answer: CapacityAnswerKind.WAITLIST, waitlistBand: shortest[0].waitlistBand, services: shortest.map(toService), reason: null };
  }

  private async one(id: string): Promise<ServiceEntity[]> {
    const service = await this.services.findOneBy({ id });
    if (!service) throw new HubError(HubErrorCode.NOT_FOUND, 'No service in the directory has this id.', { field: 'serviceId' });
    return [service];
  }

  private meetingEvery(input: CapacityCheckInput): Promise<ServiceEntity[]> {
    return this.services.createQueryBuilder('s').where('s.needs @> :needs', { needs: input.needs }).getMany();
  }
}
