import { registerEnumType } from '@nestjs/graphql';

export enum Purpose {
  /** The receiver helps the resident. */
  DIRECT_SUPPORT = 'DIRECT_SUPPORT',
  /** Status and outcome back to the sender: the closed loop. */
  REFERRER_FEEDBACK = 'REFERRER_FEEDBACK',
  /** Contacting the resident for feedback. */
  FOLLOW_UP = 'FOLLOW_UP',
  /** De-identified aggregates only. */
  COMMISSIONING = 'COMMISSIONING',
}

registerEnumType(Purpose, { name: 'Purpose' });

export const PURPOSES: readonly Purpose[] = Object.values(Purpose);
