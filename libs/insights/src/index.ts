// The module loads first: models name it lazily in `registerIn`, and it loads the resolvers that load the models.
export * from './insights.module';
export * from './disclosure-policy.model';

/** Insights keeps its own tables only (none yet: gap rollups arrive with the gap-report work). */
export const INSIGHTS_ENTITIES = [];
export const INSIGHTS_MIGRATIONS = [];
