import { registerEnumType } from '@nestjs/graphql';

export enum PostcodeStatus {
  /** The postcode lies in one borough. */
  IN_BOROUGH = 'IN_BOROUGH',
  /** The boundary runs through the postcode's sector and the file does not pin this postcode: ask the resident. */
  SPLIT = 'SPLIT',
  /** Not in the area the hub's postcode file covers. */
  OUTSIDE_AREA = 'OUTSIDE_AREA',
}

registerEnumType(PostcodeStatus, { name: 'PostcodeStatus' });

/** How far a service's nearest location is, from sector centres: a band, never a distance to an address. */
export enum DistanceBand {
  UNDER_1_MILE = 'UNDER_1_MILE',
  ONE_TO_3_MILES = 'ONE_TO_3_MILES',
  OVER_3_MILES = 'OVER_3_MILES',
}

registerEnumType(DistanceBand, { name: 'DistanceBand' });
