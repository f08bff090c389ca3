import type { OrganisationEntity } from '@hub/organisations';
import type { DataCategory } from '@hub/vocabulary';
import type { AgreementEntity } from './agreement.entity';
import type { DataSharingAgreement } from './agreement.model';
import { agreementStatusOn } from './agreement-status';

export function toAgreementView(
  row: AgreementEntity,
  organisations: Map<string, OrganisationEntity>,
  today: string,
): DataSharingAgreement {
  const signed = new Set(row.signatures.map((s) => s.party));
  return {
    id: row.id,
    lineageId: row.lineageId,
    version: row.version,
    title: row.title,
    parties: row.parties.map((id) => organisations.get(id) as OrganisationEntity),
    purposes: row.purposes,
    receives: Object.entries(row.receives).map(([organisationId, categories]) => ({
      organisationId,
      categories: categories as DataCategory[],
    })),
    lawfulBasis: row.lawfulBasis,
    startsOn: row.startsOn,
    endsOn: row.endsOn,
    reviewOn: row.reviewOn,
    status: agreementStatusOn(row, today),
    signatures: row.signatures.map((s) => ({ organisationId: s.party, signedBy: s.signedBy, signedAt: s.signedAt })),
    awaitingSignatureFrom: row.parties.filter((p) => !signed.has(p)),
    statusReason: row.statusReason,
    supersedes: row.supersedes,
    proposedBy: organisations.get(row.proposedByOrg) as OrganisationEntity,
    createdAt: row.createdAt,
  };
}
