import type { DataSource } from 'typeorm';
import { AuditLog } from '@hub/audit';
import type { Principal } from '@hub/identity';
import { type HubEnvironment, systemClock } from '@hub/platform';
import { CaseEntity } from '../cases/case.entity';
import { CaseReader } from '../cases/case-reader';
import { CaseService } from '../cases/case.service';
import { ConsentService } from '../consents/consent.service';
import { ReferralClock } from '../lifecycle/referral-clock';
import { lendTransaction } from './lent-transaction';
import type { ValidPstForm } from './pst-form-validation';

export type PstFormOutcome = 'imported' | 'already-imported';

const SOURCE_REF_TAKEN = 'cases_owner_source_ref_key';

/**
 * Writes one form through the exchange's own services, as createCase then recordConsent would, but
 * in one transaction: the case, its source, its consent and their audit rows commit together or not at all.
 */
export class PstFormWriter {
  private readonly audit = new AuditLog();
  private readonly reader: CaseReader;
  private readonly clock: ReferralClock;

  constructor(
    private readonly exchange: DataSource,
    private readonly principal: Principal,
    environment: HubEnvironment,
  ) {
    this.reader = new CaseReader(exchange, this.audit);
    this.clock = new ReferralClock(systemClock, environment);
  }

  async write(form: ValidPstForm): Promise<PstFormOutcome> {
    try {
      return await this.exchange.transaction(async (manager) => {
        const ownerOrg = this.principal.orgId;
        if (await manager.existsBy(CaseEntity, { ownerOrg, sourceRef: form.sourceRef })) return 'already-imported';
        const lent = lendTransaction(this.exchange, manager);
        const created = await new CaseService(lent, this.reader, this.audit).create(this.principal, form.caseInput);
        await manager.update(CaseEntity, { id: created.id }, { sourceRef: form.sourceRef });
        const consent = Object.assign(form.consentInput, { caseId: created.id });
        await new ConsentService(lent, this.audit, this.clock).record(this.principal, consent);
        return 'imported';
      });
    } catch (error) {
      // Another import of the same form committed first: the unique source decides, not a race.
      if ((error as { driverError?: { constraint?: string } }).driverError?.constraint === SOURCE_REF_TAKEN) return 'already-imported';
      throw error;
    }
  }
}
