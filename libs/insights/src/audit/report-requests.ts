import type { EntityManager } from 'typeorm';
import type { Principal } from '@hub/identity';

export type ReportChannel = 'GRAPHQL' | 'CSV';

export interface ReportRequestRecord {
  principal: Principal;
  channel: ReportChannel;
  question: object;
  /** Undefined when answered; the refusal's code otherwise. */
  refusal?: string;
  figures?: number;
  withheld?: number;
}

/** Appends one request to insights' own audit (insights has no grant on the exchange's). */
export async function recordReportRequest(manager: EntityManager, record: ReportRequestRecord): Promise<void> {
  await manager.query(
    `INSERT INTO insights.report_requests (organisation_id, user_id, role, channel, outcome, refusal, question, figures, withheld)
     VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8, $9)`,
    [
      record.principal.orgId,
      record.principal.userId,
      record.principal.role,
      record.channel,
      record.refusal ? 'REFUSED' : 'ANSWERED',
      record.refusal ?? null,
      JSON.stringify(record.question),
      record.figures ?? 0,
      record.withheld ?? 0,
    ],
  );
}
