import type { Db, Params, Row } from '../../src/metrics/db/types'
import type { MetricsQuery } from '../../src/metrics/run'
import type { SqlFiles, SqlName } from '../../src/metrics/sql'
import { composeSql, SQL_NAMES } from '../../src/metrics/sql'
import { reviewParams } from '../../src/metrics/review'
import { runSql } from '../../src/metrics/run'
import { withDefaults } from '../../src/domain/settings'
import { median, repeat } from '../lib/stats'

/**
 * Parameters for one SQL file: the shared metric parameters, plus NULL ("all") for any
 * drill-down parameter a page adds on its own (e.g. $matter on the evaluations page).
 */
export function paramsFor(files: SqlFiles, name: SqlName, q: MetricsQuery): Params {
  const p = reviewParams(q, withDefaults())
  for (const m of composeSql(files, name).matchAll(/\$([a-z_]\w*)/gi)) {
    if (!(m[1]! in p))
      p[m[1]!] = null
  }
  return p
}

export interface SqlTiming {
  name: SqlName
  /** Median milliseconds per engine, and every run. */
  native: number
  wasm: number
  nativeRuns: number[]
  wasmRuns: number[]
  rows: number
  /** Both engines returned the same JSON. */
  same: boolean
  /** Median milliseconds DuckDB-WASM spends planning the query alone (EXPLAIN, nothing run). */
  wasmPlan: number
}

function canonical(rows: Row[]): string {
  // Doubles may differ in the last bit between engines' summation orders; 12 digits is far
  // below anything shown, and still catches a wrong count.
  return JSON.stringify(rows, (_, v: unknown) => (typeof v === 'number' && !Number.isInteger(v) ? Number(v.toPrecision(12)) : v))
}

/** Every metric SQL file on both engines: median of `n` runs after one warm-up (the parity check). */
export async function timeSqlFiles(files: SqlFiles, native: Db, wasm: Db, q: MetricsQuery, n: number, only: readonly SqlName[] = SQL_NAMES): Promise<SqlTiming[]> {
  const out: SqlTiming[] = []
  for (const name of only) {
    const p = paramsFor(files, name, q)
    const a = await runSql(native, files, name, p)
    const b = await runSql(wasm, files, name, p)
    // Interleaved, so a burst of load from elsewhere on the machine hits both engines alike.
    const nativeRuns: number[] = []
    const wasmRuns: number[] = []
    for (let i = 0; i < n; i++) {
      nativeRuns.push(...await repeat(1, () => runSql(native, files, name, p), 0))
      wasmRuns.push(...await repeat(1, () => runSql(wasm, files, name, p), 0))
    }
    // Parsing, binding and optimising only: the part of each run that does not grow with the data.
    const text = composeSql(files, name)
    const used = Object.fromEntries(Object.entries(p).filter(([k]) => new RegExp(`\\$${k}\\b`).test(text)))
    const plan = await repeat(Math.min(n, 3), () => wasm.query(`EXPLAIN ${text}`, used), 0)
    out.push({ name, native: median(nativeRuns), wasm: median(wasmRuns), nativeRuns, wasmRuns, rows: a.length, same: canonical(a) === canonical(b), wasmPlan: median(plan) })
  }
  return out
}
