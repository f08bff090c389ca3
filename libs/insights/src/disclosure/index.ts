// Disclosure control for insights: every count that leaves the hub is suppressed or randomly rounded,
// tables get secondary suppression, and rates and quantiles are built from published figures only.
export * from './disclosure-settings';
export * from './cell-noise';
export * from './protect-count';
export * from './protect-cube';
export * from './protect-table';
export * from './protect-derived';
export * from './differencing-attack';
