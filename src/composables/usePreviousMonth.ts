import type { MaybeRefOrGetter } from 'vue'
import type { MetricsQuery } from '../metrics/review'
import { computed, toValue } from 'vue'
import { previousReviewQuery } from '../metrics/review'
import { useDatasetStore } from '../stores/dataset'

/** The same review one month earlier, at that month's own review date (domain §8a), for the changes. */
export function usePreviousMonthQuery(query: MaybeRefOrGetter<MetricsQuery | null>) {
  const store = useDatasetStore()
  return computed<MetricsQuery | null>(() => {
    const q = toValue(query)
    return q ? previousReviewQuery(q, store.span?.last ?? null) : null
  })
}
