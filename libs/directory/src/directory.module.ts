import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DirectoryService } from './directory.service';
import { ServiceEntity } from './service.entity';
import { OrganisationServicesResolver, ServiceResolver } from './service.resolver';

@Module({
  imports: [TypeOrmModule.forFeature([ServiceEntity])],
  providers: [DirectoryService, ServiceResolver, OrganisationServicesResolver],
  exports: [DirectoryService],
})
export class DirectoryModule {}
