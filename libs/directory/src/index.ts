// The module loads first: models name it lazily in `registerIn`, and it loads the resolvers that load the models.
export * from './directory.module';
import { CreateServices1763900000100 } from './migrations/1763900000100-create-services';
import { ServiceEntity } from './service.entity';

export * from './capacity-status';
export * from './directory.service';
export * from './service.entity';
export * from './service.model';

export const DIRECTORY_ENTITIES = [ServiceEntity];
export const DIRECTORY_MIGRATIONS = [CreateServices1763900000100];
