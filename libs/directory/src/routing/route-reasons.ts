import { registerEnumType } from '@nestjs/graphql';

/** On what grounds a service accepts the case (the boundary: residence or GP registration). */
export enum EligibilityBasis {
  RESIDENCE = 'RESIDENCE',
  GP_REGISTRATION = 'GP_REGISTRATION',
  /** The postcode is split between boroughs and the service takes residents of only some of them: confirm the address. */
  RESIDENCE_TO_CONFIRM = 'RESIDENCE_TO_CONFIRM',
}
registerEnumType(EligibilityBasis, { name: 'EligibilityBasis' });

/** Why a service cannot take the case. */
export enum RouteRefusal {
  NEED_NOT_MET = 'NEED_NOT_MET',
  NOT_ELIGIBLE = 'NOT_ELIGIBLE',
  AGE_NOT_ELIGIBLE = 'AGE_NOT_ELIGIBLE',
  NO_CAPACITY = 'NO_CAPACITY',
}
registerEnumType(RouteRefusal, { name: 'RouteRefusal' });

/** Why a need has nowhere to go: what commissioners count as the gap. */
export enum UnmetNeedReason {
  NO_SERVICE_EXISTS = 'NO_SERVICE_EXISTS',
  NONE_ELIGIBLE = 'NONE_ELIGIBLE',
  NO_CAPACITY = 'NO_CAPACITY',
}
registerEnumType(UnmetNeedReason, { name: 'UnmetNeedReason' });

/** Age bands: the only form of age the capacity check and the gap signal keep. */
export enum AgeBand {
  UNDER_18 = 'UNDER_18',
  AGE_18_TO_24 = 'AGE_18_TO_24',
  AGE_25_TO_64 = 'AGE_25_TO_64',
  AGE_65_PLUS = 'AGE_65_PLUS',
}
registerEnumType(AgeBand, { name: 'AgeBand' });

export const AGE_BAND_RANGES: Record<AgeBand, [number, number]> = {
  UNDER_18: [0, 17],
  AGE_18_TO_24: [18, 24],
  AGE_25_TO_64: [25, 64],
  AGE_65_PLUS: [65, 120],
};

export function ageBandOf(age: number): AgeBand {
  return (Object.entries(AGE_BAND_RANGES).find(([, [lo, hi]]) => age >= lo && age <= hi)?.[0] ?? AgeBand.AGE_65_PLUS) as AgeBand;
}
