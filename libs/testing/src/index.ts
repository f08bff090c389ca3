export * from './test-database';
export * from './test-hub';
export * from './forged-tokens';
export * from './exchange-fixtures';
export * from './hub-child-process';
