// The module loads first: models name it lazily in `registerIn`, and it loads the resolvers that load the models.
export * from './directory.module';
import { CreateServices1763900000100 } from './migrations/1763900000100-create-services';
import { DescribeServices1763900000200 } from './migrations/1763900000200-describe-services';
import { UnmetNeedSignalsView1763900000300 } from './migrations/1763900000300-unmet-need-signals-view';
import { ServiceEntity } from './service.entity';

export * from './capacity-status';
export * from './directory.service';
export * from './service.entity';
export * from './service.model';
export * from './service-details';
export * from './postcodes/postcode-map';
export * from './postcodes/gp-practices';
export * from './routing/rank-services';
export * from './routing/route-reasons';
export * from './oruk/oruk-import';
export * from './oruk/oruk-export';

export const DIRECTORY_ENTITIES = [ServiceEntity];
export const DIRECTORY_MIGRATIONS = [CreateServices1763900000100, DescribeServices1763900000200, UnmetNeedSignalsView1763900000300];
export * from './oruk/oruk.module';
export * from './oruk/oruk-importer';
export * from './oruk/oruk-terms';
export * from './oruk/oruk-seed';
export * from './referrals/referral-reference.model';
export * from './oruk/oruk-schema';
