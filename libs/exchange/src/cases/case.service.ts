import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AuditAction, AuditLog } from '@hub/audit';
import type { Principal } from '@hub/identity';
import { OrganisationEntity } from '@hub/organisations';
import { HubError, HubErrorCode } from '@hub/platform';
import { normaliseNhsNumber, normaliseUkPhone, normaliseUkPostcode } from '@hub/validation';
import { OrganisationKind } from '@hub/vocabulary';
import { assertCan } from '../policy/hub-ability';
import { CaseEntity } from './case.entity';
import type { CaseModel } from './case.model';
import { CaseReader } from './case-reader';
import { toCaseView } from './case-view';
import type { CreateCaseInput } from './dto/create-case.input';

/** Services and partners open cases; referrers and commissioners do not hold caseloads. */
const CASE_HOLDERS = [OrganisationKind.SOCIAL_PRESCRIBING_SERVICE, OrganisationKind.PARTNER_AGENCY];

@Injectable()
export class CaseService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly reader: CaseReader,
    private readonly audit: AuditLog,
  ) {}

  async create(principal: Principal, input: CreateCaseInput): Promise<CaseModel> {
    assertCan(principal, 'create', 'Case');
    return this.dataSource.transaction(async (manager) => {
      const owner = await manager.findOneByOrFail(OrganisationEntity, { id: principal.orgId });
      if (!CASE_HOLDERS.includes(owner.kind)) {
        throw new HubError(HubErrorCode.FORBIDDEN, `A ${owner.kind} does not hold cases.`, { action: 'create', subject: 'Case' });
      }
      const row = manager.create(CaseEntity, { id: randomUUID(), ownerOrg: owner.id, createdBy: principal.userId, ...caseColumns(input) });
      await manager.insert(CaseEntity, row);
      await this.audit.append(manager, {
        actor: principal,
        action: AuditAction.CASE_CREATED,
        caseId: row.id,
        subjectType: 'Case',
        subjectId: row.id,
      });
      const saved = await manager.findOneByOrFail(CaseEntity, { id: row.id });
      const access = (await this.reader.accessWithin(manager, principal, [row.id])).get(row.id);
      return toCaseView(saved, access as NonNullable<typeof access>);
    });
  }
}

/** The form's answers as columns, with postcode, NHS number and phone in their canonical forms. */
function caseColumns(input: CreateCaseInput): Partial<CaseEntity> {
  const { identity, contact, circumstances = {}, needs } = input;
  return {
    givenName: identity.givenName.trim(),
    familyName: identity.familyName.trim(),
    dateOfBirth: identity.dateOfBirth ?? null,
    nhsNumber: identity.nhsNumber ? normaliseNhsNumber(identity.nhsNumber) : null,
    addressLine1: contact.addressLine1 ?? null,
    addressLine2: contact.addressLine2 ?? null,
    town: contact.town ?? null,
    postcode: contact.postcode ? normaliseUkPostcode(contact.postcode) : null,
    phone: contact.phone ? normaliseUkPhone(contact.phone) : null,
    email: contact.email?.toLowerCase() ?? null,
    canWriteToAddress: contact.preferences.canWriteToAddress,
    canLeaveMessage: contact.preferences.canLeaveMessage,
    canContactForFeedback: contact.preferences.canContactForFeedback,
    preferredChannel: contact.preferences.preferredChannel ?? null,
    boroughOfResidence: circumstances.boroughOfResidence ?? null,
    gpPractice: circumstances.gpPractice ?? null,
    adultsInHousehold: circumstances.adultsInHousehold ?? null,
    childrenInHousehold: circumstances.childrenInHousehold ?? null,
    anyChildUnderFive: circumstances.anyChildUnderFive ?? null,
    gender: circumstances.gender ?? null,
    accessToPublicFunds: circumstances.accessToPublicFunds ?? null,
    landlordType: circumstances.landlordType ?? null,
    landlordName: circumstances.landlordName ?? null,
    disability: circumstances.disability ?? null,
    ethnicity: circumstances.ethnicity ?? null,
    needs: needs.categories,
    needsDetail: needs.detail ?? null,
    healthSummary: input.healthSummary ?? null,
    notes: input.notes ?? null,
  };
}
