import { Controller, Get, Inject, NotFoundException, Param, ParseUUIDPipe } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { ServiceEntity } from '../service.entity';
import { type OrukOrganisation, toOrukPage, toOrukService } from './oruk-export';

export const ORUK_ORGANISATIONS = Symbol('ORUK_ORGANISATIONS');

/**
 * The directory in Open Referral UK form, at the ORUK API's own paths. Public, as ORUK feeds are: it
 * holds services, never a person. (GraphQL is where callers authenticate; this is plain HTTP.)
 */
@Controller('oruk')
export class OrukController {
  constructor(
    @InjectRepository(ServiceEntity) private readonly services: Repository<ServiceEntity>,
    @Inject(ORUK_ORGANISATIONS) private readonly organisations: Map<string, OrukOrganisation>,
  ) {}

  @Get('services')
  async list(): Promise<Record<string, unknown>> {
    const rows = await this.services.find({ order: { name: 'ASC', id: 'ASC' } });
    return toOrukPage(rows.map((s) => toOrukService(s, this.organisationOf(s))));
  }

  @Get('services/:id')
  async one(@Param('id', new ParseUUIDPipe()) id: string): Promise<Record<string, unknown>> {
    const service = await this.services.findOneBy({ id });
    if (!service) throw new NotFoundException('No service in the directory has this id.');
    return toOrukService(service, this.organisationOf(service));
  }

  private organisationOf(service: ServiceEntity): OrukOrganisation {
    return this.organisations.get(service.organisationId) ?? { slug: service.organisationId, name: service.organisationId, description: 'A participant of the Thamesmead hub.' };
  }
}
