import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditLog } from '@hub/audit';
import { OrganisationsModule } from '@hub/organisations';
import { AgreementEntity } from './agreements/agreement.entity';
import { AgreementResolver } from './agreements/agreement.resolver';
import { AgreementService } from './agreements/agreement.service';
import { AgreementSignatureEntity } from './agreements/agreement-signature.entity';
import { AuditTrailResolver } from './audit-trail/audit-trail.resolver';
import { CaseEntity } from './cases/case.entity';
import { CaseReader } from './cases/case-reader';
import { CaseResolver } from './cases/case.resolver';
import { CaseService } from './cases/case.service';
import { ConsentEntity } from './consents/consent.entity';
import { ConsentResolver } from './consents/consent.resolver';
import { ConsentService } from './consents/consent.service';
import { OUTBOX_PROVIDERS } from './events';
import { ExchangeGraphQLScope } from './exchange-graphql.module';
import { LifecycleResolver } from './lifecycle/lifecycle.resolver';
import { OutcomeResolver, ReferralEventResolver } from './lifecycle/referral-event.resolver';
import { ReferralClock } from './lifecycle/referral-clock';
import { ReferralLifecycleService } from './lifecycle/referral-lifecycle.service';
import { ExplainAccessResolver } from './policy/explain.resolver';
import { ReferralEntity } from './referrals/referral.entity';
import { ReferralResolver } from './referrals/referral.resolver';
import { ReferralService } from './referrals/referral.service';
import { ReferralEventDelivery } from './subscriptions/referral-event-delivery';
import { ReferralEventsSubscription } from './subscriptions/referral-events.subscription';

export const EXCHANGE_RECORD_ENTITIES = [AgreementEntity, AgreementSignatureEntity, CaseEntity, ConsentEntity, ReferralEntity];

/** Agreements, consents, cases and referrals, and the policy between them. */
@Module({
  imports: [TypeOrmModule.forFeature(EXCHANGE_RECORD_ENTITIES), ExchangeGraphQLScope, OrganisationsModule],
  providers: [
    { provide: AuditLog, useFactory: () => new AuditLog() },
    AgreementService,
    AgreementResolver,
    CaseReader,
    CaseService,
    CaseResolver,
    ConsentService,
    ConsentResolver,
    ReferralService,
    ReferralResolver,
    ReferralClock,
    ReferralLifecycleService,
    LifecycleResolver,
    ReferralEventResolver,
    OutcomeResolver,
    ExplainAccessResolver,
    AuditTrailResolver,
    ...OUTBOX_PROVIDERS,
    ReferralEventDelivery,
    ReferralEventsSubscription,
  ],
})
export class ExchangeModule {}
