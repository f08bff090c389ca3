import { type DynamicModule, Module } from '@nestjs/common';
import { HUB_CLOCK, systemClock } from './clock';
import { HUB_ENVIRONMENT, type HubRuntime } from './hub-runtime';

/** The validated settings and the clock, injectable anywhere in one app. */
@Module({})
export class HubRuntimeModule {
  static forRoot(runtime: HubRuntime): DynamicModule {
    return {
      module: HubRuntimeModule,
      global: true,
      providers: [
        { provide: HUB_ENVIRONMENT, useValue: runtime.environment },
        { provide: HUB_CLOCK, useValue: runtime.clock ?? systemClock },
      ],
      exports: [HUB_ENVIRONMENT, HUB_CLOCK],
    };
  }
}
