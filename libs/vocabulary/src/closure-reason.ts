import { registerEnumType } from '@nestjs/graphql';

/**
 * Why a referral was declined or closed with its need unmet (DESIGN.md): the fixed vocabulary the
 * commissioners' gap reports count, so every one of them must be recorded with a reason.
 */
export enum ClosureReason {
  OUT_OF_AREA = 'OUT_OF_AREA',
  NOT_ELIGIBLE = 'NOT_ELIGIBLE',
  NO_CAPACITY = 'NO_CAPACITY',
  NEEDS_TOO_HIGH = 'NEEDS_TOO_HIGH',
  DUPLICATE = 'DUPLICATE',
  RESIDENT_UNCONTACTABLE = 'RESIDENT_UNCONTACTABLE',
  RESIDENT_DECLINED = 'RESIDENT_DECLINED',
  NO_SERVICE_EXISTS = 'NO_SERVICE_EXISTS',
  OTHER = 'OTHER',
}

registerEnumType(ClosureReason, {
  name: 'ClosureReason',
  description: 'Why a referral was declined or closed unmet. OTHER needs a note saying what.',
});
