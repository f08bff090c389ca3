import { ConsentStatus } from '@hub/vocabulary';
import type { ConsentEntity } from './consent.entity';
import type { ConsentModel } from './consent.model';

export function consentStatusOn(row: ConsentEntity, today: string, latest: boolean): ConsentStatus {
  if (row.withdrawnAt) return ConsentStatus.WITHDRAWN;
  if (!latest) return ConsentStatus.SUPERSEDED;
  if (row.validFrom > today) return ConsentStatus.PENDING;
  if (row.validUntil !== null && row.validUntil < today) return ConsentStatus.EXPIRED;
  return ConsentStatus.ACTIVE;
}

export function toConsentView(row: ConsentEntity, today: string, latest: boolean): ConsentModel {
  return {
    id: row.id,
    caseId: row.caseId,
    givenBy: row.givenBy,
    recordedBy: row.recordedByUser,
    recordedByOrganisationId: row.recordedByOrg,
    recordedAt: row.recordedAt,
    method: row.method,
    givenAt: row.givenAt,
    venue: row.venue,
    recipients: row.recipients,
    partnership: row.partnership,
    purposes: row.purposes,
    categories: row.categories,
    validFrom: row.validFrom,
    validUntil: row.validUntil,
    contactPreferences: {
      canWriteToAddress: row.canWriteToAddress,
      canLeaveMessage: row.canLeaveMessage,
      canContactForFeedback: row.canContactForFeedback,
      preferredChannel: null,
    },
    status: consentStatusOn(row, today, latest),
    withdrawnAt: row.withdrawnAt,
    withdrawalReason: row.withdrawalReason,
  };
}
