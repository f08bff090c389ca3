import { Borough, NeedCategory } from '@hub/vocabulary';
import { CapacityStatus, WaitlistBand } from '../capacity-status';
import type { ServiceEntity } from '../service.entity';
import { rankServices } from './rank-services';
import { EligibilityBasis, RouteRefusal, UnmetNeedReason } from './route-reasons';

function service(name: string, overrides: Partial<ServiceEntity> = {}): ServiceEntity {
  return {
    id: name, organisationId: name, name, description: null, needs: [NeedCategory.DEBT],
    acceptsResidence: [Borough.BEXLEY], acceptsGpRegistration: [], minimumAge: null, maximumAge: null, eligibilityNote: null,
    capacity: CapacityStatus.OPEN, waitlistBand: null, capacityUpdatedAt: new Date(0), contactPoints: [], openingTimes: [],
    languages: [], cost: null, locations: [], updatedBy: null, updatedAt: new Date(0), ...overrides,
  };
}

describe('rankServices', () => {
  const bexley = { needs: [NeedCategory.DEBT], residence: [Borough.BEXLEY] };

  it('puts the service meeting more of the needs first, then open before the shortest wait', () => {
    const result = rankServices(
      [
        service('waitlisted', { capacity: CapacityStatus.WAITLIST, waitlistBand: WaitlistBand.UNDER_1_MONTH }),
        service('both needs', { needs: [NeedCategory.DEBT, NeedCategory.HOUSING], capacity: CapacityStatus.WAITLIST, waitlistBand: WaitlistBand.OVER_3_MONTHS }),
        service('open'),
      ],
      { ...bexley, needs: [NeedCategory.DEBT, NeedCategory.HOUSING] },
    );
    expect(result.options.map((o) => o.service.name)).toEqual(['both needs', 'open', 'waitlisted']);
  });

  it('accepts by GP registration when residence does not fit', () => {
    const result = rankServices([service('greenwich', { acceptsResidence: [Borough.GREENWICH], acceptsGpRegistration: [Borough.BEXLEY] })], {
      needs: [NeedCategory.DEBT], residence: [Borough.GREENWICH], gpBorough: Borough.BEXLEY,
    });
    expect(result.options[0].basis).toEqual([EligibilityBasis.RESIDENCE, EligibilityBasis.GP_REGISTRATION]);
  });

  it('refuses with the first reason that rules a service out', () => {
    const result = rankServices(
      [service('housing', { needs: [NeedCategory.HOUSING] }), service('adults', { minimumAge: 18 }), service('greenwich', { acceptsResidence: [Borough.GREENWICH] }), service('closed', { capacity: CapacityStatus.CLOSED })],
      { ...bexley, ageRange: [16, 16] },
    );
    expect(result.refused.map((r) => [r.service.name, r.reason])).toEqual([
      ['housing', RouteRefusal.NEED_NOT_MET],
      ['adults', RouteRefusal.AGE_NOT_ELIGIBLE],
      ['greenwich', RouteRefusal.NOT_ELIGIBLE],
      ['closed', RouteRefusal.NO_CAPACITY],
    ]);
    expect(result.unmet).toEqual([{ need: NeedCategory.DEBT, reason: UnmetNeedReason.NO_CAPACITY }]);
  });

  it('says a need no service in the directory meets does not exist, and one nobody eligible meets is out of reach', () => {
    expect(rankServices([service('debt')], { ...bexley, needs: [NeedCategory.CARERS] }).unmet).toEqual([{ need: NeedCategory.CARERS, reason: UnmetNeedReason.NO_SERVICE_EXISTS }]);
    expect(rankServices([service('greenwich', { acceptsResidence: [Borough.GREENWICH] })], bexley).unmet).toEqual([{ need: NeedCategory.DEBT, reason: UnmetNeedReason.NONE_ELIGIBLE }]);
  });

  it('takes a split postcode as certain only when the service accepts every borough it may be in', () => {
    const split = { needs: [NeedCategory.DEBT], residence: [Borough.GREENWICH, Borough.BEXLEY] };
    const result = rankServices([service('bexley only'), service('both', { acceptsResidence: [Borough.BEXLEY, Borough.GREENWICH] })], split);
    expect(result.options.map((o) => [o.service.name, o.basis])).toEqual([
      ['both', [EligibilityBasis.RESIDENCE]],
      ['bexley only', [EligibilityBasis.RESIDENCE_TO_CONFIRM]],
    ]);
  });
});
