// Prototype of a leaner overview (src/pages/OverviewPage.vue + src/composables/useMetrics.ts +
// the DuckDB adapters), measured against what a filter change runs today:
//  - today: computeMetrics for the review and again for the month before (7 queries each: every
//    figure, the reduction and the table counts included) plus open_cases — 15 queries;
//  - lean: only the files the page shows (the month before needs 4 of them), the reduction
//    kept while the review date, department and bundle stay (it has no month filter), table
//    counts once per data set, and each query's prepared statement reused.
// The figures are the same SQL files' rows, so only the time differs.

import type { Row } from '../../src/core/db/types'
import type { MetricsQuery } from '../../src/core/metrics/run'
import type { SqlFiles, SqlName } from '../../src/core/sql'
import type { FilterSim } from '../node/scale'
import type { BenchWasm } from '../node/wasm-files'
import { runSql } from '../../src/core/metrics/run'
import { filterSequence, previousReview } from '../node/filters'
import { paramsFor } from '../node/sql'
import { median, percentile } from '../lib/stats'

export async function leanFilters(w: BenchWasm, files: SqlFiles, asOf: string, depts: string[], n: number): Promise<FilterSim> {
  w.cachePrepared(true)
  const reduction = new Map<string, Row[][]>()
  const run = (name: SqlName, q: MetricsQuery) => runSql(w.db, files, name, paramsFor(files, name, q))
  const runs: number[] = []
  try {
    for (const q of filterSequence(asOf, depts, n)) {
      const t0 = performance.now()
      for (const name of ['task_status', 'rule_1_5_15', 'evaluations_summary', 'applications_summary', 'open_cases'] as const)
        await run(name, q)
      const key = `${q.asOf}|${q.dept ?? ''}|${q.bundle ?? ''}`
      if (!reduction.has(key))
        reduction.set(key, [await run('reduction_bundles', q), await run('reduction_overall', q)])
      const prev = previousReview(q)
      for (const name of ['task_status', 'rule_1_5_15', 'evaluations_summary', 'applications_summary'] as const)
        await run(name, prev)
      runs.push(performance.now() - t0)
    }
  }
  finally {
    w.cachePrepared(false)
  }
  return { runs, p50: median(runs), p95: percentile(runs, 95) }
}
