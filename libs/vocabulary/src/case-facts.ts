import { registerEnumType } from '@nestjs/graphql';

/** The PST form's answers, as fixed vocabularies (seed 000, Appendix 4). */
export enum YesNoUnknown {
  YES = 'YES',
  NO = 'NO',
  UNKNOWN = 'UNKNOWN',
}
registerEnumType(YesNoUnknown, { name: 'YesNoUnknown' });

export enum Disability {
  YES = 'YES',
  NO = 'NO',
  PREFER_NOT_TO_SAY = 'PREFER_NOT_TO_SAY',
}
registerEnumType(Disability, { name: 'Disability' });

export enum LandlordType {
  PRIVATE = 'PRIVATE',
  SOCIAL = 'SOCIAL',
  OWNER_OCCUPIER = 'OWNER_OCCUPIER',
  OTHER = 'OTHER',
}
registerEnumType(LandlordType, { name: 'LandlordType' });

export enum ContactChannel {
  PHONE = 'PHONE',
  TEXT = 'TEXT',
  EMAIL = 'EMAIL',
  LETTER = 'LETTER',
  FACE_TO_FACE = 'FACE_TO_FACE',
}
registerEnumType(ContactChannel, { name: 'ContactChannel' });
