import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DirectoryService } from './directory.service';
import { ServiceEditor } from './editing/service-editor';
import { GpPracticeList } from './postcodes/gp-practices';
import { PostcodeMap } from './postcodes/postcode-map';
import { ReferralServiceResolver } from './referrals/referral-service.resolver';
import { CapacityCheckService } from './routing/capacity-check.service';
import { RoutingResolver } from './routing/routing.resolver';
import { RoutingService } from './routing/routing.service';
import { ServiceEntity } from './service.entity';
import { OrganisationServicesResolver, ServiceResolver } from './service.resolver';

@Module({
  imports: [TypeOrmModule.forFeature([ServiceEntity])],
  providers: [
    // The shipped data files, read once at start (config/postcodes.thamesmead.json, config/gp-practices.thamesmead.json).
    { provide: PostcodeMap, useFactory: () => PostcodeMap.read() },
    { provide: GpPracticeList, useFactory: () => GpPracticeList.read() },
    DirectoryService,
    ServiceEditor,
    RoutingService,
    CapacityCheckService,
    ServiceResolver,
    OrganisationServicesResolver,
    RoutingResolver,
    ReferralServiceResolver,
  ],
  exports: [DirectoryService],
})
export class DirectoryModule {}
