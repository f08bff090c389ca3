import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { Principal } from '@hub/identity';
import { HubError, HubErrorCode } from '@hub/platform';
import { Role } from '@hub/vocabulary';
import { CapacityStatus, type WaitlistBand } from '../capacity-status';
import type { ServiceInput } from '../dto/service.input';
import { PostcodeMap } from '../postcodes/postcode-map';
import { ServiceEntity } from '../service.entity';

/**
 * Each organisation's SERVICE_ADMIN maintains its own entries and nobody else's. Every change is one
 * transaction that locks the row it checks, so ownership cannot change between the check and the write.
 */
@Injectable()
export class ServiceEditor {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly postcodes: PostcodeMap,
  ) {}

  create(principal: Principal, input: ServiceInput): Promise<ServiceEntity> {
    requireAdmin(principal);
    checkAges(input);
    return this.dataSource.transaction((manager) =>
      manager.save(ServiceEntity, {
        ...this.entryFrom(input),
        id: randomUUID(),
        organisationId: principal.orgId,
        capacity: CapacityStatus.OPEN,
        waitlistBand: null,
        capacityUpdatedAt: new Date(),
        updatedBy: principal.userId,
      }),
    );
  }

  update(principal: Principal, id: string, input: ServiceInput): Promise<ServiceEntity> {
    requireAdmin(principal);
    checkAges(input);
    return this.dataSource.transaction(async (manager) => {
      const owned = await ownedForUpdate(manager, principal, id);
      return manager.save(ServiceEntity, { ...owned, ...this.entryFrom(input), updatedBy: principal.userId });
    });
  }

  setCapacity(principal: Principal, id: string, capacity: CapacityStatus, band: WaitlistBand | undefined): Promise<ServiceEntity> {
    requireAdmin(principal);
    // The validation pipe hands an explicit GraphQL null for a string-enum argument over as "".
    band = band || undefined;
    if ((capacity === CapacityStatus.WAITLIST) !== Boolean(band)) {
      throw new HubError(HubErrorCode.BAD_USER_INPUT, 'waitlistBand is required with WAITLIST and refused otherwise', { field: 'waitlistBand' });
    }
    return this.dataSource.transaction(async (manager) => {
      const owned = await ownedForUpdate(manager, principal, id);
      const changed = { capacity, waitlistBand: band ?? null, capacityUpdatedAt: new Date(), updatedBy: principal.userId };
      return manager.save(ServiceEntity, { ...owned, ...changed });
    });
  }

  private entryFrom(input: ServiceInput) {
    return {
      name: input.name.trim(),
      description: input.description?.trim() ?? null,
      needs: input.needs,
      acceptsResidence: input.acceptsResidence,
      acceptsGpRegistration: input.acceptsGpRegistration,
      minimumAge: input.minimumAge ?? null,
      maximumAge: input.maximumAge ?? null,
      eligibilityNote: input.eligibilityNote?.trim() ?? null,
      contactPoints: input.contactPoints.map((c) => ({ kind: c.kind, value: c.value.trim() })),
      openingTimes: input.openingTimes.map((o) => ({ days: o.days, opensAt: o.opensAt, closesAt: o.closesAt, note: o.note ?? null })),
      languages: input.languages.map((l) => l.trim()),
      cost: input.cost?.trim() ?? null,
      locations: input.locations.map((l) => {
        const { postcode, boroughs } = this.postcodes.lookup(l.postcode);
        return { name: l.name.trim(), addressLine1: l.addressLine1.trim(), town: l.town.trim(), postcode, borough: boroughs.length === 1 ? boroughs[0] : null };
      }),
    };
  }
}

function requireAdmin(principal: Principal): void {
  if (principal.role !== Role.SERVICE_ADMIN) {
    throw new HubError(HubErrorCode.FORBIDDEN, `A ${principal.role} may not edit the directory; its organisation's SERVICE_ADMIN may.`, {
      action: 'edit',
      subject: 'Service',
    });
  }
}

function checkAges(input: ServiceInput): void {
  if (input.minimumAge != null && input.maximumAge != null && input.minimumAge > input.maximumAge) {
    throw new HubError(HubErrorCode.BAD_USER_INPUT, 'minimumAge must not be above maximumAge', { field: 'minimumAge' });
  }
}

async function ownedForUpdate(manager: EntityManager, principal: Principal, id: string): Promise<ServiceEntity> {
  const service = await manager.findOne(ServiceEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
  if (!service) throw new HubError(HubErrorCode.NOT_FOUND, 'No service in the directory has this id.', { id });
  if (service.organisationId !== principal.orgId) {
    throw new HubError(HubErrorCode.FORBIDDEN, `This service belongs to ${service.organisationId}; only its own admins may change it.`, {
      action: 'edit',
      subject: 'Service',
    });
  }
  return service;
}
