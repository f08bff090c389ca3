/**
 * An async iterator whose `return()` aborts the work behind it at once. A generator suspended in
 * `await` would only see `return()` after its next value, which for a quiet feed may be never.
 */
export function abortable<T>(run: (signal: AbortSignal) => AsyncGenerator<T>): AsyncIterableIterator<T> {
  const controller = new AbortController();
  const inner = run(controller.signal);
  const stop = (): Promise<IteratorResult<T>> => {
    controller.abort();
    inner.return(undefined).catch(() => undefined);
    return Promise.resolve({ done: true, value: undefined });
  };
  return {
    next: () => inner.next(),
    return: stop,
    throw: stop,
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}
