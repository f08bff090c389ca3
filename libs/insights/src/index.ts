// The module loads first: models name it lazily in `registerIn`, and it loads the resolvers that load the models.
export * from './insights.module';
export * from './disclosure-policy.model';
export * from './projection/insights-database';
export * from './projection/gap-projector';
export * from './disclosure';
export * from './report/gap-report.service';
export * from './report/gap-report.input';
export { GapDimension, OutcomeDirection, ReportBorough } from './report/report-vocabulary';
import { GapProjection1763900008000 } from './migrations/1763900008000-gap-projection';
import { ReportRequests1763900009000 } from './migrations/1763900009000-report-requests';

/** Insights keeps its own tables only (the gap projection); it reads the hub_events views, nothing else. */
export const INSIGHTS_ENTITIES = [];
export const INSIGHTS_MIGRATIONS = [GapProjection1763900008000, ReportRequests1763900009000];
