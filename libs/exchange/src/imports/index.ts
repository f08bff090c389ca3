export * from './pst-form-columns';
export * from './pst-form-file';
export * from './pst-form-row';
export * from './pst-form-validation';
export * from './pst-import';
export * from './pst-import-report';
export * from './row-problem';
