import { registerEnumType } from '@nestjs/graphql';

/** Local authorities the hub's landscape touches. Thamesmead straddles Greenwich and Bexley. */
export enum Borough {
  GREENWICH = 'GREENWICH',
  BEXLEY = 'BEXLEY',
  LEWISHAM = 'LEWISHAM',
}

registerEnumType(Borough, { name: 'Borough' });

export const BOROUGHS: readonly Borough[] = Object.values(Borough);
