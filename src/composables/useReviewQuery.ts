import type { MetricsQuery } from '../core/metrics/run'
import { computed } from 'vue'
import { useDatasetStore } from '../stores/dataset'
import { useFiltersStore } from '../stores/filters'

/** The review the filters describe: the URL's date, else the data set's, with month and department. */
export function useReviewQuery() {
  const filters = useFiltersStore()
  const store = useDatasetStore()
  return computed<MetricsQuery | null>(() => {
    const asOf = filters.asOf ?? store.defaultAsOf
    if (!asOf)
      return null
    return { asOf, month: filters.month, dept: filters.dept, bundle: filters.bundle, region: filters.region, channel: filters.channel }
  })
}
