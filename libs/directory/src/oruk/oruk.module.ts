import { type DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { Landscape } from '@hub/platform';
import { ServiceEntity } from '../service.entity';
import { ORUK_ORGANISATIONS, OrukController } from './oruk.controller';

/** The ORUK export over HTTP. Organisation names come from the landscape: the exchange owns them, not the directory. */
@Module({})
export class OrukModule {
  static forRoot(landscape: () => Landscape): DynamicModule {
    return {
      module: OrukModule,
      imports: [TypeOrmModule.forFeature([ServiceEntity])],
      controllers: [OrukController],
      providers: [
        {
          provide: ORUK_ORGANISATIONS,
          useFactory: () => new Map(landscape().organisations.map((o) => [o.slug, { slug: o.slug, name: o.name, description: o.description }])),
        },
      ],
    };
  }
}
