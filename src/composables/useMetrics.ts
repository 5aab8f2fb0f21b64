import type { MaybeRefOrGetter } from 'vue'
import type { Params } from '../metrics/db/types'
import type { MetricsPart } from '../metrics/run'
import type { MetricsQuery } from '../metrics/review'
import type { MetricsResult } from '../metrics/types'
import type { UseQueryReturn } from './useQuery'
import { toValue } from 'vue'
import { useDatasetStore } from '../stores/dataset'
import { useQuery } from './useQuery'

/**
 * What a review's answer was computed for: the review, the data set store's `version` (new
 * data or settings), and a file's own parameters. Kept with the answer, so that two answers
 * can be told to belong together (see useMonthBefore).
 */
export interface ReviewRun {
  q: MetricsQuery
  version: number
  extra?: Params
}

export type UseReviewQueryReturn<T> = UseQueryReturn<T, ReviewRun>

export interface UseMetricsOptions {
  query: MaybeRefOrGetter<MetricsQuery | null>
  /** Only these parts of the review (default: all), e.g. the headline counts for a delta. */
  parts?: readonly MetricsPart[]
  /**
   * The month before, when the page asks for it too: the files that can answer both reviews
   * in one statement do, and its own query then finds those answers (Analysis.metrics).
   */
  monthBefore?: MaybeRefOrGetter<MetricsQuery | null>
}

/**
 * Every figure of the review for the current filters, from the same SQL as the command line.
 * It only reads: the rule settings reach the Analysis through the data set store, whose
 * `version` moves once they are in force.
 */
export function useMetrics(options: UseMetricsOptions): UseReviewQueryReturn<MetricsResult> {
  const store = useDatasetStore()
  return useQuery({
    // The Analysis stays out of the watched inputs: a deep watch would walk its whole data set.
    params: (): (ReviewRun & { before: MetricsQuery | null }) | null => {
      const q = toValue(options.query)
      return q && store.analysis ? { q, version: store.version, before: toValue(options.monthBefore) ?? null } : null
    },
    run: ({ q, before }) => store.analysis!.metrics(q, options.parts, before),
  })
}
