import type { MetricsQuery } from '../../src/core/metrics/run'
import { lastDayOfMonth } from '../../src/core/dates'

/**
 * Filter changes as a supervisor clicks through a review: department and month alternate,
 * every step differs from the last. The review date stays, as in the app (choosing a month
 * does not move it).
 */
export function filterSequence(asOf: string, depts: string[], n: number): MetricsQuery[] {
  const out: MetricsQuery[] = []
  for (let i = 0; i < n; i++) {
    const dept = i % 3 === 2 ? null : depts[i % Math.min(depts.length, 6)] ?? null
    const month = i % 2 === 0 ? `2024-${String(1 + ((i * 5) % 12)).padStart(2, '0')}` : null
    out.push({ asOf, month, dept })
  }
  return out
}

/** As usePreviousMonthQuery: the same review one month earlier. */
export function previousReview(q: MetricsQuery): MetricsQuery {
  const month = q.month ?? q.asOf.slice(0, 7)
  const [y, m] = month.split('-').map(Number) as [number, number]
  const prev = m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`
  return { ...q, month: q.month ? prev : null, asOf: lastDayOfMonth(prev) }
}
