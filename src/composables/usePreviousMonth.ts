import type { ComputedRef, MaybeRefOrGetter, ShallowRef } from 'vue'
import type { MetricsQuery } from '../metrics/review'
import type { ReviewRun } from './useMetrics'
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

const QUERY_KEYS = ['asOf', 'month', 'dept', 'bundle', 'region', 'channel'] as const satisfies ReadonlyArray<keyof MetricsQuery>

function sameQuery(a: MetricsQuery, b: MetricsQuery): boolean {
  return QUERY_KEYS.every(k => (a[k] ?? null) === (b[k] ?? null))
}

function sameExtra(a: ReviewRun['extra'], b: ReviewRun['extra']): boolean {
  const ka = Object.keys(a ?? {})
  return ka.length === Object.keys(b ?? {}).length && ka.every(k => (a?.[k] ?? null) === (b?.[k] ?? null))
}

/**
 * Whether `before` was computed for the month before the review `current` was computed for,
 * on the same data, settings and drill-down.
 */
export function isMonthBefore(current: ReviewRun, before: ReviewRun, dataEnd: string | null): boolean {
  return current.version === before.version
    && sameExtra(current.extra, before.extra)
    && sameQuery(previousReviewQuery(current.q, dataEnd), before.q)
}

export interface UseMonthBeforeOptions<T> {
  /** What the figures on screen were computed for (a query's `dataParams`). */
  current: MaybeRefOrGetter<ReviewRun | null>
  /** The month before's query (on `usePreviousMonthQuery`). */
  before: { data: ShallowRef<T | null>, dataParams: ShallowRef<ReviewRun | null> }
  /** The data's last day; the data set store's by default. */
  dataEnd?: MaybeRefOrGetter<string | null>
}

/**
 * The month before's answer, only while it belongs to the figures on screen. The two queries
 * answer in either order after a change of filter; in between, a change shown would pair one
 * review's figure with another review's month before — a wrong figure. Then it is null, and
 * the change is not shown until both have answered.
 */
export function useMonthBefore<T>(options: UseMonthBeforeOptions<T>): ComputedRef<T | null> {
  const store = options.dataEnd === undefined ? useDatasetStore() : null
  return computed(() => {
    const current = toValue(options.current)
    const before = options.before.dataParams.value
    const dataEnd = store ? store.span?.last ?? null : toValue(options.dataEnd) ?? null
    return current && before && isMonthBefore(current, before, dataEnd) ? options.before.data.value : null
  })
}
