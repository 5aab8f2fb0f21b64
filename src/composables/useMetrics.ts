import type { MaybeRefOrGetter } from 'vue'
import type { MetricsPart } from '../metrics/run'
import type { MetricsQuery } from '../metrics/review'
import type { MetricsResult } from '../metrics/types'
import type { UseQueryReturn } from './useQuery'
import { toValue } from 'vue'
import { useDatasetStore } from '../stores/dataset'
import { useQuery } from './useQuery'

export interface UseMetricsOptions {
  query: MaybeRefOrGetter<MetricsQuery | null>
  /** Only these parts of the review (default: all), e.g. the headline counts for a delta. */
  parts?: readonly MetricsPart[]
}

/**
 * Every figure of the review for the current filters, from the same SQL as the command line.
 * It only reads: the rule settings reach the Analysis through the data set store, whose
 * `version` moves once they are in force.
 */
export function useMetrics(options: UseMetricsOptions): UseQueryReturn<MetricsResult> {
  const store = useDatasetStore()
  return useQuery({
    // The Analysis stays out of the watched inputs: a deep watch would walk its whole data set.
    params: () => {
      const q = toValue(options.query)
      return q && store.analysis ? q : null
    },
    run: q => store.analysis!.metrics(q, options.parts),
    deps: [() => store.version],
  })
}
