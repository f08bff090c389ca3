/**
 * Shares one in-flight load among every subscriber that needs the same answer (1,000 subscribers
 * of one organisation cost one query per event), and forgets it after `ttlMs` so that decisions
 * taken "at delivery time" are not reused for a later replay.
 */
export class MemoCache<T> {
  private readonly entries = new Map<string, { value: Promise<T>; until: number }>();

  constructor(private readonly maxEntries: number, private readonly ttlMs: number) {}

  get(key: string, load: () => Promise<T>): Promise<T> {
    const now = Date.now();
    const hit = this.entries.get(key);
    if (hit && hit.until > now) return hit.value;
    const value = load();
    this.entries.set(key, { value, until: now + this.ttlMs });
    // A failed load is not an answer: the next subscriber tries again.
    value.catch(() => this.entries.delete(key));
    if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
    return value;
  }
}
