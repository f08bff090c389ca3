export * from './role';
export * from './borough';
export * from './organisation-kind';
export * from './need-category';
export * from './data-category';
export * from './purpose';
