import type { MetricsQuery } from '../../src/metrics/run'
import { lastDayOfMonth } from '../../src/domain/dates'

/**
 * Filter states as a supervisor clicks through a review: department and month both change at
 * every step, and no state comes twice, so every change is real work for the engine (the app
 * keeps the answers it has already computed; a revisit would measure that memory instead).
 * Up to 7 × 13 = 91 distinct states (all departments or one of six, all months or one of 12).
 */
export function filterStates(depts: string[], n: number): Array<{ dept: string | null, month: string | null }> {
  const D = [null, ...depts.slice(0, 6)]
  const M = [null, ...Array.from({ length: 12 }, (_, i) => `2024-${String(i + 1).padStart(2, '0')}`)]
  const out: Array<{ dept: string | null, month: string | null }> = []
  // k → (k mod |D|, 5k mod 13): distinct for k < |D| · 13 since |D| ≤ 7 and 13 are coprime.
  for (let k = 1; out.length < Math.min(n, D.length * 13); k++)
    out.push({ dept: D[k % D.length]!, month: M[(k * 5) % 13]! })
  return out
}

/** filterStates as metric queries at one review date (choosing a month does not move it). */
export function filterSequence(asOf: string, depts: string[], n: number): MetricsQuery[] {
  return filterStates(depts, n).map(s => ({ asOf, ...s }))
}

/** As usePreviousMonthQuery: the same review one month earlier. */
export function previousReview(q: MetricsQuery): MetricsQuery {
  const month = q.month ?? q.asOf.slice(0, 7)
  const [y, m] = month.split('-').map(Number) as [number, number]
  const prev = m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`
  return { ...q, month: q.month ? prev : null, asOf: lastDayOfMonth(prev) }
}
