import autocannon from 'autocannon';

export interface GraphQLTarget {
  url: string;
  query: string;
  token: string;
  variables?: Record<string, unknown>;
  /**
   * Errors this target answers with by design, e.g. fields the policy withholds. An answer passes
   * only when it has data and its errors are exactly these (code and path, in any order). Without
   * this, an answer carrying any `errors` at all is counted as a GraphQL error.
   */
  expectedErrors?: ExpectedError[];
  /** Variables for each request in turn, for targets that must not repeat one (e.g. submissions). */
  nextVariables?: () => Record<string, unknown>;
}

export interface ExpectedError {
  /** `extensions.code`, e.g. FIELD_WITHHELD. */
  code: string;
  /** The error's path in the response, e.g. ['case', 'healthSummary']. */
  path: (string | number)[];
}

export interface LoadResult {
  requests: number;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  non2xx: number;
  /**
   * 2xx answers whose body carried GraphQL `errors` (other than the target's `expectedErrors`):
   * fast, but not the work we meant to measure.
   */
  graphqlErrors: number;
  /** Connection errors, timeouts included. */
  transportErrors: number;
  /** Measured wall-clock seconds, and every response's latency in ascending order (for `combine`). */
  seconds: number;
  latenciesMs: number[];
}

function requestOf(target: GraphQLTarget) {
  return {
    method: 'POST' as const,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${target.token}` },
    body: JSON.stringify({ query: target.query, ...(target.variables ? { variables: target.variables } : {}) }),
  };
}

const errorKey = (code: unknown, path: unknown) => `${String(code)}@${Array.isArray(path) ? path.join('.') : ''}`;

/** Why this answer is not the one the target should give, or undefined when it is. */
export function unexpectedAnswer(body: string, expected: ExpectedError[] | undefined): string | undefined {
  // The default stays a plain substring test: cheap enough not to load the load generator.
  if (!expected?.length) return body.includes('"errors"') ? 'the answer carries errors' : undefined;
  let parsed: { data?: unknown; errors?: { path?: unknown; extensions?: { code?: unknown } }[] };
  try {
    parsed = JSON.parse(body) as typeof parsed;
  } catch {
    return 'the answer is not JSON';
  }
  if (!parsed.data) return 'the answer has no data';
  const got = (parsed.errors ?? []).map((e) => errorKey(e.extensions?.code, e.path)).sort();
  const want = expected.map((e) => errorKey(e.code, e.path)).sort();
  return got.join(',') === want.join(',') ? undefined : `errors [${got.join(', ')}], expected [${want.join(', ')}]`;
}

/**
 * One request before any load: a target that does not answer cleanly would only produce fiction.
 * Returns the answer, for a suite that checks its content too.
 */
export async function verifyTarget(label: string, target: GraphQLTarget): Promise<{ data?: unknown; errors?: unknown }> {
  const { method, headers, body } = requestOf(target);
  const response = await fetch(target.url, { method, headers, body });
  const text = await response.text();
  let parsed: { data?: unknown; errors?: unknown } = {};
  try {
    parsed = JSON.parse(text) as typeof parsed;
  } catch {
    // reported below with the raw text
  }
  const wrong = response.status !== 200 ? 'not 200' : !parsed.data ? 'no data' : unexpectedAnswer(text, target.expectedErrors);
  if (wrong) {
    throw new Error(`${label}: ${target.url} answered ${response.status} (${wrong}) ${text.slice(0, 800)}`);
  }
  return parsed;
}

/**
 * Closed-loop load with autocannon. Latencies are collected here from each response's float
 * duration: autocannon's own histogram keeps whole milliseconds, too coarse for a ~1 ms subgraph.
 */
export async function measure(
  target: GraphQLTarget,
  options: { seconds: number; connections: number },
): Promise<LoadResult> {
  const latencies: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: target.url,
        connections: options.connections,
        duration: options.seconds,
        ...requestOf(target),
        ...(target.nextVariables ? { requests: [{ setupRequest: varied(target) }] } : {}),
        verifyBody: (body) => unexpectedAnswer(String(body), target.expectedErrors) === undefined,
      },
      (error: Error | null, finished) => (error ? reject(error) : resolve(finished)),
    );
    instance.on('response', (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
  });
  latencies.sort((a, b) => a - b);
  return {
    requests: result.requests.total,
    requestsPerSecond: result.requests.total / result.duration,
    p50Ms: percentile(latencies, 50),
    p99Ms: percentile(latencies, 99),
    non2xx: result.non2xx,
    graphqlErrors: result.mismatches,
    transportErrors: result.errors,
    seconds: result.duration,
    latenciesMs: latencies,
  };
}

/** Rewrites each request's body with the target's next variables. */
function varied(target: GraphQLTarget) {
  const next = target.nextVariables as () => Record<string, unknown>;
  return (request: { body?: string | Buffer }) => {
    request.body = JSON.stringify({ query: target.query, variables: next() });
    return request;
  };
}

/** Several measurements of one target as one: counts and time summed, percentiles over every response. */
export function combine(results: LoadResult[]): LoadResult {
  const sum = (pick: (r: LoadResult) => number) => results.reduce((total, r) => total + pick(r), 0);
  const latencies = results.flatMap((r) => r.latenciesMs).sort((a, b) => a - b);
  const requests = sum((r) => r.requests);
  const seconds = sum((r) => r.seconds);
  return {
    requests,
    requestsPerSecond: requests / seconds,
    p50Ms: percentile(latencies, 50),
    p99Ms: percentile(latencies, 99),
    non2xx: sum((r) => r.non2xx),
    graphqlErrors: sum((r) => r.graphqlErrors),
    transportErrors: sum((r) => r.transportErrors),
    seconds,
    latenciesMs: latencies,
  };
}

/** Nearest-rank percentile of an ascending list. */
function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}
