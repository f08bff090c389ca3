import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { SEEDED_BY } from './policy-fixture';

/**
 * BENCHMARK ONLY (served by bench/serve-hub.ts on loopback): what the `submissions` suite needs
 * from inside the hub process, where the embedded database lives.
 * - GET /seeded-cases?offset=&limit=: seeded PST cases (id and first need) to refer, one each.
 * - POST /plain-referral-inserts {caseIds, seconds, concurrency}: the baseline. The same referral
 *   rows sendReferral writes, inserted with one plain INSERT each, `concurrency` at a time, for
 *   `seconds`: no HTTP, GraphQL, validation, policy, audit or outbox.
 */
export function handleSubmissionControl(exchange: DataSource, request: IncomingMessage, response: ServerResponse): boolean {
  const url = new URL(request.url ?? '/', 'http://localhost');
  if (request.method === 'GET' && url.pathname === '/seeded-cases') {
    const offset = Number(url.searchParams.get('offset') ?? 0);
    const limit = Number(url.searchParams.get('limit') ?? 1000);
    answer(response, seededCases(exchange, offset, limit));
    return true;
  }
  if (request.method === 'POST' && url.pathname === '/plain-referral-inserts') {
    answer(response, readBody(request).then((body) => plainInserts(exchange, JSON.parse(body) as PlainInsertRun)));
    return true;
  }
  return false;
}

async function seededCases(exchange: DataSource, offset: number, limit: number): Promise<{ id: string; need: string }[]> {
  return exchange.query(
    `SELECT id, needs[1] AS need FROM exchange.cases WHERE created_by = $1 ORDER BY id OFFSET $2 LIMIT $3`,
    [SEEDED_BY, offset, limit],
  );
}

interface PlainInsertRun {
  caseIds: string[];
  seconds: number;
  concurrency: number;
}

async function plainInserts(exchange: DataSource, run: PlainInsertRun) {
  // The agreement and each case's consent in force are looked up before the clock starts.
  const [agreement] = await exchange.query(
    `SELECT id FROM exchange.agreements WHERE parties @> ARRAY['pst', 'live-well'] AND fully_signed_at IS NOT NULL
     ORDER BY created_at DESC LIMIT 1`,
  );
  const consents: { case_id: string; id: string; need: string }[] = await exchange.query(
    `SELECT DISTINCT ON (k.case_id) k.case_id, k.id, c.needs[1] AS need FROM exchange.consents k JOIN exchange.cases c ON c.id = k.case_id
     WHERE k.case_id = ANY($1::uuid[]) ORDER BY k.case_id, k.seq DESC`,
    [run.caseIds],
  );
  const rows = consents.map((c) => [c.case_id, c.id, c.need]);
  const latencies: number[] = [];
  let next = 0;
  const until = performance.now() + run.seconds * 1000;
  const worker = async () => {
    // Cycling through the cases is fine here: a plain insert checks nothing, repeats included.
    while (performance.now() < until) {
      const [caseId, consentId, need] = rows[next++ % rows.length];
      const started = performance.now();
      await exchange.query(
        `INSERT INTO exchange.referrals (id, case_id, sender_org, recipient_org, needs, status, idempotency_key, created_by,
           agreement_id, consent_id, sent_at, acknowledge_due_at)
         VALUES ($1, $2, 'pst', 'live-well', ARRAY[$3], 'SENT', $4, 'bench-plain', $5, $6, now(), now() + interval '3 days')`,
        [randomUUID(), caseId, need, `plain-${randomUUID()}`, agreement.id, consentId],
      );
      latencies.push(performance.now() - started);
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: run.concurrency }, worker));
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0;
  return { inserted: latencies.length, seconds, p50Ms: at(0.5), p99Ms: at(0.99) };
}

function answer(response: ServerResponse, work: Promise<unknown>): void {
  work.then(
    (body) => response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body)),
    (error: Error) => response.writeHead(500).end(error.stack ?? error.message),
  );
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}
