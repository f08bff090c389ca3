import { Inject, Injectable } from '@nestjs/common';
import { englandAndWalesCalendar, type WorkingCalendar } from '@hub/calendar';
import { type Clock, HUB_CLOCK, HUB_ENVIRONMENT, type HubEnvironment } from '@hub/platform';
import type { ServiceLevelSettings } from './service-levels';

/** The time, the working-day calendar and the configured service levels, in one injectable. */
@Injectable()
export class ReferralClock {
  readonly settings: ServiceLevelSettings;
  readonly calendar: WorkingCalendar = englandAndWalesCalendar();

  constructor(
    @Inject(HUB_CLOCK) private readonly clock: Clock,
    @Inject(HUB_ENVIRONMENT) environment: HubEnvironment,
  ) {
    this.settings = {
      acknowledgeWorkingDays: environment.REFERRAL_ACKNOWLEDGE_WORKING_DAYS,
      contactDays: environment.REFERRAL_CONTACT_DAYS,
    };
  }

  now(): Date {
    return this.clock.now();
  }
}
