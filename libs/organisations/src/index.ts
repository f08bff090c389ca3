// The module loads first: models name it lazily in `registerIn`, and it loads the resolvers that load the models.
export * from './organisations.module';
import { CreateOrganisations1763900000000 } from './migrations/1763900000000-create-organisations';
import { OrganisationEntity } from './organisation.entity';

export * from './organisation.entity';
export * from './organisation.model';
export * from './organisation.service';

/** The exchange's tables so far; later aggregates add theirs here. */
export const ORGANISATION_ENTITIES = [OrganisationEntity];
export const ORGANISATION_MIGRATIONS = [CreateOrganisations1763900000000];
