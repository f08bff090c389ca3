export * from './exchange-graphql.module';
export * from './exchange.module';
import { CreateExchangeRecords1763900001000 } from './migrations/1763900001000-create-exchange-records';
import { AddReferralService1763900003000 } from './migrations/1763900003000-add-referral-service';
import { ReferralLifecycle1763900004000 } from './migrations/1763900004000-referral-lifecycle';
import { AddCaseSourceRef1763900005000 } from './migrations/1763900005000-add-case-source-ref';
import { InsightsFeed1763900007000 } from './migrations/1763900007000-insights-feed';

export * from './agreements/agreement-status';
export * from './policy/access-decision';
export * from './policy/case-fields';
export * from './policy/policy-facts';
export * from './imports';

export const EXCHANGE_RECORD_MIGRATIONS = [CreateExchangeRecords1763900001000, AddReferralService1763900003000, ReferralLifecycle1763900004000, AddCaseSourceRef1763900005000, InsightsFeed1763900007000];
