import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OrganisationEntity } from './organisation.entity';
import { OrganisationResolver } from './organisation.resolver';
import { OrganisationService } from './organisation.service';
import { PrincipalResolver } from './principal.resolver';

@Module({
  imports: [TypeOrmModule.forFeature([OrganisationEntity])],
  providers: [OrganisationService, OrganisationResolver, PrincipalResolver],
  exports: [OrganisationService],
})
export class OrganisationsModule {}
