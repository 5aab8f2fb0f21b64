/**
 * A map that remembers the order its keys were last used in, and past `limit` entries lets go
 * of the least recently used. The app's caches (prepared statements, answers, the warm start's
 * answers file) share it so they agree on what "recently used" means.
 */
export class LruMap<K, V> {
  /** A Map iterates in insertion order: re-inserting a key on use keeps the oldest first. */
  private readonly kept = new Map<K, V>()

  constructor(private readonly limit = Number.POSITIVE_INFINITY) {}

  get size(): number {
    return this.kept.size
  }

  /** The value, which now counts as the most recently used. */
  get(key: K): V | undefined {
    if (!this.kept.has(key))
      return undefined
    const value = this.kept.get(key) as V
    this.kept.delete(key)
    this.kept.set(key, value)
    return value
  }

  /** The value, without counting as a use. */
  peek(key: K): V | undefined {
    return this.kept.get(key)
  }

  /** Stores `value` as the most recently used; gives back the entries let go to stay in `limit`. */
  set(key: K, value: V): Array<[K, V]> {
    this.kept.delete(key)
    this.kept.set(key, value)
    const dropped: Array<[K, V]> = []
    while (this.kept.size > this.limit) {
      const oldest = this.kept.entries().next().value as [K, V]
      this.kept.delete(oldest[0])
      dropped.push(oldest)
    }
    return dropped
  }

  delete(key: K): boolean {
    return this.kept.delete(key)
  }

  clear(): void {
    this.kept.clear()
  }

  /** Least recently used first. */
  entries(): Array<[K, V]> {
    return [...this.kept]
  }

  /** Most recently used first. */
  newestFirst(): Array<[K, V]> {
    return [...this.kept].reverse()
  }
}
