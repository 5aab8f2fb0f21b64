import { LruMap } from '../domain/lru'

/** What both DuckDB-WASM connections (worker and blocking) give back from prepare(). */
export interface Closable { close: () => unknown }

/** Past this many distinct texts the oldest statement is closed (the app runs about 20). */
const LIMIT = 64

/**
 * Prepared statements kept by SQL text: a filter change re-runs one with new parameter values
 * without parsing it or asking the engine for a new statement. DuckDB still binds, optimises
 * and plans again at every run a statement that has parameters and scans a table (it keeps no
 * plan whose parameters it could fold: `PreparedStatement::CanCachePlan`), which is every read
 * of the review; see README, Performance. Only reads are kept: any
 * other statement (a table rebuilt after a settings change, a load) forgets them all, so a
 * kept plan never refers to a table that has since been replaced.
 */
export class StatementCache<S extends Closable> {
  private readonly kept = new LruMap<string, S>(LIMIT)

  static isRead(sql: string): boolean {
    return /^(?:\s|--[^\n]*\n)*(?:WITH|SELECT)\b/i.test(sql)
  }

  /** The statement kept for `sql`, if there is one (no preparing). */
  find(sql: string): S | undefined {
    return this.kept.get(sql)
  }

  async get(sql: string, prepare: () => S | Promise<S>): Promise<S> {
    const kept = this.find(sql)
    if (kept)
      return kept
    const st = await prepare()
    for (const [, old] of this.kept.set(sql, st))
      await old.close()
    return st
  }

  async clear(): Promise<void> {
    const all = this.kept.entries()
    this.kept.clear()
    for (const [, st] of all)
      await st.close()
  }
}
