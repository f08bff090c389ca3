import { type DynamicModule, Module } from '@nestjs/common';
import { TerminusModule, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { HealthController, READINESS_CHECKS } from './health.controller';

@Module({})
export class HealthModule {
  /** A subgraph is ready when its database answers. */
  static forSubgraph(): DynamicModule {
    return {
      module: HealthModule,
      imports: [TerminusModule.forRoot({ logger: false })],
      controllers: [HealthController],
      providers: [
        {
          provide: READINESS_CHECKS,
          inject: [TypeOrmHealthIndicator],
          useFactory: (db: TypeOrmHealthIndicator) => [() => db.pingCheck('database', { timeout: 3000 })],
        },
      ],
    };
  }

  /** The gateway is ready once it has loaded the supergraph (it refuses to start otherwise). */
  static forGateway(): DynamicModule {
    return {
      module: HealthModule,
      imports: [TerminusModule.forRoot({ logger: false })],
      controllers: [HealthController],
      providers: [{ provide: READINESS_CHECKS, useValue: [] }],
    };
  }
}
