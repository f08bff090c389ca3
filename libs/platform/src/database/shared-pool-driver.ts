import * as pg from 'pg';

/**
 * A `pg` module whose Pool is one shared pool, for TypeORM's `driver` option. Every subgraph in the
 * embedded hub gets its own DataSource (own entities, own migrations table) over the same single
 * PGlite session; the pool is the one thing that serialises them. `end()` is left to the owner.
 */
export function sharedPoolDriver(pool: pg.Pool): typeof pg {
  const handle = new Proxy(pool, {
    get(target, property, receiver) {
      if (property === 'end') {
        // TypeORM ends its pool with a callback; answer it, but leave the shared pool open.
        return (done?: (error?: Error) => void) => {
          done?.();
          return Promise.resolve();
        };
      }
      const value = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  function SharedPool() {
    return handle;
  }
  return { ...pg, Pool: SharedPool as unknown as typeof pg.Pool };
}
