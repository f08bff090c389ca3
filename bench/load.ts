import autocannon from 'autocannon';

export interface GraphQLTarget {
  url: string;
  query: string;
  token: string;
}

export interface LoadResult {
  requests: number;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  non2xx: number;
  /** 2xx answers whose body carried GraphQL `errors`: fast, but not the work we meant to measure. */
  graphqlErrors: number;
  /** Connection errors, timeouts included. */
  transportErrors: number;
}

function requestOf(target: GraphQLTarget) {
  return {
    method: 'POST' as const,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${target.token}` },
    body: JSON.stringify({ query: target.query }),
  };
}

/** One request before any load: a target that does not answer cleanly would only produce fiction. */
export async function verifyTarget(label: string, target: GraphQLTarget): Promise<void> {
  const { method, headers, body } = requestOf(target);
  const response = await fetch(target.url, { method, headers, body });
  const text = await response.text();
  let parsed: { data?: unknown; errors?: unknown } = {};
  try {
    parsed = JSON.parse(text) as typeof parsed;
  } catch {
    // reported below with the raw text
  }
  if (response.status !== 200 || !parsed.data || parsed.errors) {
    throw new Error(`${label}: ${target.url} answered ${response.status} ${text.slice(0, 500)}`);
  }
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
        verifyBody: (body) => !String(body).includes('"errors"'),
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
  };
}

/** Nearest-rank percentile of an ascending list. */
function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}
