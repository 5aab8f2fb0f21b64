// One scale of the Node part. bench/run.ts runs each scale in a child process of its own
// (bench/node/child.ts): a fresh heap per data set, so one scale's garbage never slows or
// crashes the next.

import type { BenchData } from '../lib/data'
import type { LoadSplit } from './load'
import type { SqlTiming } from './sql'
import type { Analysis } from '../../src/metrics/analysis'
import type { Db } from '../../src/metrics/db/types'
import type { MetricsQuery } from '../../src/metrics/run'
import type { SqlFiles, SqlName } from '../../src/metrics/sql'
import { withDefaults } from '../../src/domain/settings'
import { SQL_NAMES } from '../../src/metrics/sql'
import { openNativeDb } from '../../src/engine/node/native'
import { bulkLoad } from './bulk'
import { openWasmNode } from '../../src/engine/node/wasm'
import { benchData } from '../lib/data'
import { median, percentile, repeat } from '../lib/stats'
import { filterSequence, previousReview } from './filters'
import { arqueroHeadline, arqueroInput } from './arquero'
import { diffHeadline, sqlHeadline } from './headline'
import { openTimed, readDataset } from './load'
import { paramsFor, timeSqlFiles } from './sql'

export interface ScaleOptions {
  scale: number
  dataRoot: string
  /** Timed runs per SQL file and engine (the median is reported). */
  runs: number
  /** Also load the CSV copy (load time from CSV). */
  csv: boolean
  /** Filter changes simulated on the WASM engine (the browser's query mix, without the browser). */
  filterChanges: number
  /** Largest scale loaded through the app's own loader; above it, both engines read the Parquet themselves. */
  maxAppLoader: number
}

export interface EngineLoad {
  instantiate: number
  stage: number
  insert: number
}

export interface FilterSim {
  /** Milliseconds per filter change: the overview page's queries, run one after another as the worker does. */
  runs: number[]
  p50: number
  p95: number
}

export interface ScaleResult {
  scale: number
  data: { parquet: BenchData, csv: BenchData | null }
  /** Null above maxAppLoader, where the app's loader is not used. */
  load: { parquet: LoadSplit | null, csv: LoadSplit | null }
  /** Milliseconds of the engines' own load (bulk path), above maxAppLoader. */
  bulk: { nativeMs: number, wasmMs: number } | null
  native: EngineLoad
  wasm: EngineLoad | null
  wasmError: string | null
  sql: SqlTiming[]
  /** Σ medians over every file, per engine. */
  sqlTotal: { native: number, wasm: number }
  arquero: { build: number, compute: number, runs: number[], same: boolean, diff: string[] } | null
  /** duban's path for the same three figures: task_status + rule_1_5_15 + reduction_overall. */
  headlineSql: { native: number, wasm: number }
  filter: { wasm: FilterSim | null, native: FilterSim }
  memory: { heapUsedAfterLoad: number, rssAfterLoad: number, wasmDuckdbBytes: number | null, nativeDuckdbBytes: number | null }
}

/**
 * The SQL files the app runs: every file except those only ever included into another
 * ({{bad_review_cases}}, {{application_cases}}): alone they return every row, which no page asks for.
 */
export function runnableSql(files: SqlFiles): SqlName[] {
  const included = new Set(Object.values(files).flatMap(t => [...t.matchAll(/\{\{(\w+)\}\}/g)].map(m => m[1]!)))
  // The facts_* and agg_* files are materialised once per load (timed with the load), not queried.
  return SQL_NAMES.filter(n => !included.has(n) && !n.startsWith('facts_') && !n.startsWith('agg_'))
}

async function duckdbBytes(db: Db): Promise<number | null> {
  try {
    const r = await db.query('SELECT CAST(sum(memory_usage_bytes) AS BIGINT) AS b FROM duckdb_memory()')
    return Number(r[0]?.b ?? 0)
  }
  catch {
    return null
  }
}

/**
 * The overview page's queries after a filter change, as src/pages/OverviewPage.vue asks for
 * them (the review with its month before named, the month before's headline counts, the open cases), run in
 * sequence as the browser's worker serialises them. Every state is new (filterSequence), so
 * no answer comes from the Analysis's memory of earlier ones except the month-free reduction.
 * A stand-in for the browser when a data set cannot be loaded there.
 */
async function simulateFilters(a: Analysis, asOf: string, depts: string[], n: number): Promise<FilterSim> {
  const runs: number[] = []
  for (const q of filterSequence(asOf, depts, n)) {
    const t0 = performance.now()
    // The page names the month before with the review (review points: one statement for both).
    const before = previousReview(q)
    await a.metrics(q, undefined, before)
    await a.metrics(before, ['schedule', 'evaluations', 'applications'])
    await a.rows('open_cases', paramsFor(a.sql, 'open_cases', q))
    runs.push(performance.now() - t0)
  }
  return { runs, p50: median(runs), p95: percentile(runs, 95) }
}

export async function runScale(o: ScaleOptions, log: (s: string) => void): Promise<ScaleResult> {
  const parquet = await benchData(o.dataRoot, o.scale, 'parquet', log)
  const csv = o.csv ? await benchData(o.dataRoot, o.scale, 'csv', log) : null
  const q: MetricsQuery = { asOf: parquet.asOf, month: null, dept: null }
  const appLoader = o.scale <= o.maxAppLoader

  let csvSplit: LoadSplit | null = null
  if (csv && appLoader) {
    log(`${o.scale}: loading CSV …`)
    csvSplit = (await readDataset(csv)).split
    ;(globalThis as { gc?: () => void }).gc?.()
  }
  let split: LoadSplit | null = null
  let nativeA: Analysis
  let wasmA: Analysis | null = null
  let wasmError: string | null = null
  let native: EngineLoad
  let wasm: EngineLoad | null = null
  let bulk: ScaleResult['bulk'] = null
  let t = performance.now()
  const nativeDb = await openNativeDb()
  const nativeInst = performance.now() - t
  if (appLoader) {
    log(`${o.scale}: loading Parquet …`)
    const r = await readDataset(parquet)
    split = r.split
    log(`${o.scale}: native DuckDB …`)
    const nat = await openTimed(nativeDb, r.dataset, parquet.asOf)
    nativeA = nat.analysis
    native = { instantiate: nativeInst, stage: nat.stage, insert: nat.insert }
    log(`${o.scale}: DuckDB-WASM …`)
    try {
      t = performance.now()
      const w = await openWasmNode()
      const inst = performance.now() - t
      const was = await openTimed(w.db, r.dataset, parquet.asOf)
      wasmA = was.analysis
      wasm = { instantiate: inst, stage: was.stage, insert: was.insert }
    }
    catch (e) {
      wasmError = e instanceof Error ? e.message : String(e)
    }
  }
  else {
    // Beyond what the app's loader holds in a heap: both engines load the Parquet themselves.
    log(`${o.scale}: bulk load into native DuckDB and DuckDB-WASM (the app's loader is not used at this scale) …`)
    t = performance.now()
    const w = await openWasmNode()
    const inst = performance.now() - t
    const b = await bulkLoad(parquet, nativeDb, sql => nativeDb.exec(sql), w.db, w.registerFile)
    nativeA = b.native
    wasmA = b.wasm
    wasmError = b.wasmError
    native = { instantiate: nativeInst, stage: 0, insert: b.nativeMs }
    wasm = b.wasm ? { instantiate: inst, stage: 0, insert: b.wasmMs } : null
    bulk = { nativeMs: b.nativeMs, wasmMs: b.wasmMs }
  }
  ;(globalThis as { gc?: () => void }).gc?.()
  const mem = process.memoryUsage()

  log(`${o.scale}: metric SQL × ${o.runs} …`)
  const files = nativeA.sql
  const sql = wasmA ? await timeSqlFiles(files, nativeA.db, wasmA.db, q, o.runs, runnableSql(files)) : []
  const sqlTotal = { native: sql.reduce((s, x) => s + x.native, 0), wasm: sql.reduce((s, x) => s + x.wasm, 0) }

  log(`${o.scale}: headline figures: SQL vs Arquero …`)
  const settings = withDefaults()
  const year = Number(parquet.asOf.slice(0, 4))
  const nativeHead = await repeat(o.runs, () => sqlHeadline(nativeA, q))
  const wasmHead = wasmA ? await repeat(o.runs, () => sqlHeadline(wasmA!, q)) : []
  let arquero: ScaleResult['arquero']
  try {
    t = performance.now()
    const input = await arqueroInput(nativeA, settings, year)
    const build = performance.now() - t
    const ref = await sqlHeadline(nativeA, q)
    const diff = diffHeadline(ref, arqueroHeadline(input, q.asOf, settings))
    const runs = await repeat(o.runs, async () => arqueroHeadline(input, q.asOf, settings))
    arquero = { build, compute: median(runs), runs, same: diff.length === 0, diff }
  }
  catch (e) {
    arquero = { build: 0, compute: Number.NaN, runs: [], same: false, diff: [String(e)] }
  }

  log(`${o.scale}: filter changes × ${o.filterChanges} …`)
  const depts = (await nativeA.db.query('SELECT dept FROM applications GROUP BY dept ORDER BY count(*) DESC, dept')).map(r => String(r.dept))
  const filterNative = await simulateFilters(nativeA, parquet.asOf, depts, o.filterChanges)
  const filterWasm = wasmA ? await simulateFilters(wasmA, parquet.asOf, depts, o.filterChanges) : null

  const result: ScaleResult = {
    scale: o.scale,
    data: { parquet, csv },
    load: { parquet: split, csv: csvSplit },
    bulk,
    native,
    wasm,
    wasmError,
    sql,
    sqlTotal,
    arquero,
    headlineSql: { native: median(nativeHead), wasm: wasmHead.length ? median(wasmHead) : Number.NaN },
    filter: { wasm: filterWasm, native: filterNative },
    memory: {
      heapUsedAfterLoad: mem.heapUsed,
      rssAfterLoad: mem.rss,
      wasmDuckdbBytes: wasmA ? await duckdbBytes(wasmA.db) : null,
      nativeDuckdbBytes: await duckdbBytes(nativeA.db),
    },
  }
  await nativeDb.close()
  return result
}
