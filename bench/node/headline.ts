import type { Headline } from './arquero'
import type { Analysis } from '../../src/metrics/analysis'
import type { Row } from '../../src/metrics/db/types'
import type { MetricsQuery } from '../../src/metrics/run'
import { runSql } from '../../src/metrics/run'
import { paramsFor } from './sql'

/** The three headline figures as duban's SQL gives them, in the baseline's shape. */
export async function sqlHeadline(a: Analysis, q: MetricsQuery): Promise<Headline> {
  const p = paramsFor(a.sql, 'task_status', q)
  const tasks = await runSql(a.db, a.sql, 'task_status', p)
  const rule = await runSql(a.db, a.sql, 'rule_1_5_15', paramsFor(a.sql, 'rule_1_5_15', q))
  const red = await runSql(a.db, a.sql, 'reduction_overall', paramsFor(a.sql, 'reduction_overall', q))
  const counts: Record<string, number> = {}
  for (const t of tasks)
    counts[String(t.status)] = (counts[String(t.status)] ?? 0) + 1
  const total = rule.find(r => r.is_total) ?? {}
  // The review point is the SQL's own, not a figure (review_points.sql).
  const { pt: _p, dept: _d, is_total: _t, ...ruleCounts } = total as Row
  return { task_status: counts, rule_1_5_15: ruleCounts as Record<string, number | string | null>, reduction: red[0] as Record<string, number | null> }
}

export function diffHeadline(a: Headline, b: Headline): string[] {
  const out: string[] = []
  for (const part of ['task_status', 'rule_1_5_15', 'reduction'] as const) {
    const x = a[part] as Record<string, unknown>
    const y = b[part] as Record<string, unknown>
    for (const k of new Set([...Object.keys(x), ...Object.keys(y)])) {
      if (x[k] !== y[k])
        out.push(`${part}.${k}: sql ${String(x[k])} ≠ arquero ${String(y[k])}`)
    }
  }
  return out
}
