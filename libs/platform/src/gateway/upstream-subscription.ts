import { GraphQLError, type ExecutionResult, type GraphQLFormattedError } from 'graphql';
import { type Client, createClient, type SubscribePayload } from 'graphql-ws';
import WebSocket from 'ws';

/** The subgraph refused the operation: its own errors, already formatted, go to the subscriber as they are. */
export class UpstreamRefusal extends GraphQLError {
  constructor(readonly formatted: GraphQLFormattedError[]) {
    super(formatted[0]?.message ?? 'Subscription refused');
  }
}

/** ws:// (or wss://) of a subgraph's http(s)://…/graphql: graphql-ws is served on the same path. */
export function socketUrlOf(httpUrl: string): string {
  return httpUrl.replace(/^http/, 'ws');
}

/**
 * One upstream graphql-ws connection per subscriber connection, opened with the subscriber's own
 * token so the subgraph decides what it may see exactly as it would over HTTP.
 */
export function openUpstream(url: string, authorization: string, onClosed: (code: number, reason: string) => void): Client {
  return createClient({
    url,
    webSocketImpl: WebSocket,
    connectionParams: { authorization },
    lazy: false,
    retryAttempts: 0,
    // Failures surface as `closed` below; the subscriber's socket is closed from there.
    onNonLazyError: () => undefined,
    on: {
      closed: (event) => {
        const { code, reason } = (event ?? {}) as { code?: number; reason?: string };
        onClosed(code ?? 1006, reason ?? '');
      },
    },
  });
}

/**
 * The upstream subscription as an async iterator graphql-ws can serve: `return()` cancels it at
 * once (a generator would wait for the next event first), and an upstream `error` is thrown.
 */
export function relay(client: Client, payload: SubscribePayload): AsyncIterableIterator<ExecutionResult> {
  const queue: ExecutionResult[] = [];
  let ended = false;
  let failure: unknown;
  let wake: () => void = () => undefined;
  const end = (error?: unknown) => {
    ended = true;
    failure = error;
    wake();
  };
  const dispose = client.subscribe<Record<string, unknown>>(payload, {
    next: (result) => {
      queue.push(result as ExecutionResult);
      wake();
    },
    error: (error) => end(Array.isArray(error) ? new UpstreamRefusal(error as GraphQLFormattedError[]) : error),
    complete: () => end(),
  });
  const stop = async (): Promise<IteratorResult<ExecutionResult>> => {
    ended = true;
    dispose();
    wake();
    return { done: true, value: undefined };
  };
  return {
    async next(): Promise<IteratorResult<ExecutionResult>> {
      while (queue.length === 0 && !ended) await new Promise<void>((resolve) => (wake = resolve));
      if (queue.length > 0) return { done: false, value: queue.shift() as ExecutionResult };
      // A closed socket ends the stream quietly: the connection's own close tells the subscriber why.
      if (failure instanceof UpstreamRefusal) throw failure;
      return { done: true, value: undefined };
    },
    return: stop,
    throw: stop,
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}
