import type { ComputedRef } from 'vue'
import type { MetricsQuery } from '../core/metrics/run'
import { computed } from 'vue'
import { lastDayOfMonth } from '../core/dates'

/** The same review one month earlier, for "change against the previous month". */
export function previousMonthQuery(q: MetricsQuery): MetricsQuery {
  const month = q.month ?? q.asOf.slice(0, 7)
  const [y, m] = month.split('-').map(Number) as [number, number]
  const prev = m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`
  return { ...q, month: q.month ? prev : null, asOf: lastDayOfMonth(prev) }
}

export function usePreviousMonthQuery(query: ComputedRef<MetricsQuery | null>): ComputedRef<MetricsQuery | null> {
  return computed(() => (query.value ? previousMonthQuery(query.value) : null))
}
