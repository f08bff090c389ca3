import { Module } from '@nestjs/common';
import { DisclosurePolicyResolver } from './disclosure-policy.resolver';

@Module({ providers: [DisclosurePolicyResolver] })
export class InsightsModule {}
