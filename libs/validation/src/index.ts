// The checks every personal-data input of the hub passes. Emails use class-validator's own
// IsEmail (with MaxLength(254)); it is not re-implemented here.
export * from './postcode';
export * from './nhs-number';
export * from './phone';
export * from './date-of-birth';
export * from './free-text';
export * from './validation-errors';
