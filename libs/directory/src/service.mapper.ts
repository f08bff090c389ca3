import type { ServiceEntity } from './service.entity';
import type { Service } from './service.model';

export function toService(entity: ServiceEntity): Service {
  return { ...entity, organisation: { id: entity.organisationId } };
}
