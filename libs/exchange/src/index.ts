export * from './exchange-graphql.module';
export * from './exchange.module';
import { CreateExchangeRecords1763900001000 } from './migrations/1763900001000-create-exchange-records';
import { AddReferralService1763900003000 } from './migrations/1763900003000-add-referral-service';

export * from './agreements/agreement-status';
export * from './policy/access-decision';
export * from './policy/case-fields';
export * from './policy/policy-facts';

export const EXCHANGE_RECORD_MIGRATIONS = [CreateExchangeRecords1763900001000, AddReferralService1763900003000];
