import type { DynamicModule } from '@nestjs/common';
import { IdentityModule } from '@hub/identity';
import type { HubEnvironment } from '../config/hub-environment';

export function identityModule(environment: HubEnvironment): DynamicModule {
  return IdentityModule.forRoot({
    trustConfigPath: environment.TRUST_CONFIG,
    dataDir: environment.HUB_DATA_DIR,
    maxTokenAgeSeconds: environment.TOKEN_MAX_AGE_SECONDS,
    clockToleranceSeconds: environment.TOKEN_CLOCK_TOLERANCE_SECONDS,
  });
}
