import { type DynamicModule, Global, Module } from '@nestjs/common';
import { readTrustConfig } from './trust-config';
import { TrustRegistry } from './trust-registry';
import { TokenVerifier } from './token-verifier';

export interface IdentityOptions {
  trustConfigPath: string;
  dataDir: string;
  maxTokenAgeSeconds: number;
  clockToleranceSeconds: number;
}

@Global()
@Module({})
export class IdentityModule {
  static forRoot(options: IdentityOptions): DynamicModule {
    return {
      module: IdentityModule,
      providers: [
        {
          provide: TokenVerifier,
          useFactory: async () => {
            const registry = await TrustRegistry.load(readTrustConfig(options.trustConfigPath), options.dataDir);
            return new TokenVerifier(registry, options);
          },
        },
      ],
      exports: [TokenVerifier],
    };
  }
}
