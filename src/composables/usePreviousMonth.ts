import type { ComputedRef } from 'vue'
import type { MetricsQuery } from '../metrics/run'
import { computed } from 'vue'
import { previousReview } from '../domain/dates'
import { useDatasetStore } from '../stores/dataset'

/** The same review one month earlier, at that month's own review date (domain §8a), for the changes. */
export function previousMonthQuery(q: MetricsQuery, dataEnd: string | null): MetricsQuery {
  return { ...q, ...previousReview(q.month, q.asOf, dataEnd) }
}

export function usePreviousMonthQuery(query: ComputedRef<MetricsQuery | null>): ComputedRef<MetricsQuery | null> {
  const store = useDatasetStore()
  return computed(() => (query.value ? previousMonthQuery(query.value, store.span?.last ?? null) : null))
}
