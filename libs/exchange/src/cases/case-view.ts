import type { CaseAccess } from '../policy/case-access';
import type { CaseEntity } from './case.entity';
import type { CaseModel } from './case.model';

/** The one place a case row becomes what GraphQL sees: every personal field behind `access`. */
export function toCaseView(row: CaseEntity, access: CaseAccess): CaseModel {
  return {
    id: row.id,
    ownerId: row.ownerOrg,
    createdAt: row.createdAt,
    givenName: row.givenName,
    familyName: row.familyName,
    dateOfBirth: row.dateOfBirth,
    nhsNumber: row.nhsNumber,
    addressLine1: row.addressLine1,
    addressLine2: row.addressLine2,
    town: row.town,
    postcode: row.postcode,
    phone: row.phone,
    email: row.email,
    contactPreferences: {
      canWriteToAddress: row.canWriteToAddress,
      canLeaveMessage: row.canLeaveMessage,
      canContactForFeedback: row.canContactForFeedback,
      preferredChannel: row.preferredChannel,
    },
    boroughOfResidence: row.boroughOfResidence,
    gpPractice: row.gpPractice,
    household: { adults: row.adultsInHousehold, children: row.childrenInHousehold, anyChildUnderFive: row.anyChildUnderFive },
    gender: row.gender,
    accessToPublicFunds: row.accessToPublicFunds,
    landlord: { type: row.landlordType, name: row.landlordName },
    disability: row.disability,
    ethnicity: row.ethnicity,
    needs: row.needs,
    needsDetail: row.needsDetail,
    healthSummary: row.healthSummary,
    notes: row.notes,
    access,
  };
}
