import type { MaybeRefOrGetter } from 'vue'
import type { Params } from '../metrics/db/types'
import type { MetricsQuery } from '../metrics/review'
import type { SqlRow } from '../metrics/rows'
import type { SqlName } from '../metrics/sql'
import type { ReviewRun, UseReviewQueryReturn } from './useMetrics'
import { toValue } from 'vue'
import { useDatasetStore } from '../stores/dataset'
import { useQuery } from './useQuery'

export interface UseSqlRowsOptions<N extends SqlName> {
  /** A metric SQL file (src/metrics/sql/<name>.sql). */
  name: N
  query: MaybeRefOrGetter<MetricsQuery | null>
  /** The file's own parameters beyond the review's, e.g. a drill-down. */
  extra?: MaybeRefOrGetter<Params>
  /**
   * The month before, when the page asks for it too (with the same `extra`): a file with review
   * points answers both reviews in one statement, and the month before's own query finds it.
   */
  monthBefore?: MaybeRefOrGetter<MetricsQuery | null>
  /**
   * A trend: the file is asked with no month, so its rows are every month up to the review
   * date; the review's month stays in `dataParams`, so a chart outlines the month its rows
   * were asked for, and draws once when they come.
   */
  allMonths?: boolean
}

/**
 * Rows of one metric SQL file for the current review, typed by the file's columns
 * (`useSqlRows({ name: 'open_cases', … })` gives `OpenCaseRow[]`). It only reads: see useMetrics.
 */
export function useSqlRows<N extends SqlName>(options: UseSqlRowsOptions<N>): UseReviewQueryReturn<SqlRow<N>[]> {
  const store = useDatasetStore()
  return useQuery({
    // The Analysis stays out of the watched inputs: a deep watch would walk its whole data set.
    params: (): (ReviewRun & { before: MetricsQuery | null }) | null => {
      const q = toValue(options.query)
      return q && store.analysis ? { q, version: store.version, extra: toValue(options.extra) ?? {}, before: toValue(options.monthBefore) ?? null } : null
    },
    run: ({ q, extra, before }) => store.analysis!.reviewRows(options.name, options.allMonths ? { ...q, month: null } : q, extra, before),
  })
}
