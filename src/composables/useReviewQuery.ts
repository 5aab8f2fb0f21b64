import type { ReviewDate } from '../domain/dates'
import type { MetricsQuery, Review } from '../metrics/review'
import { computed } from 'vue'
import { reviewOf } from '../metrics/review'
import { useDatasetStore } from '../stores/dataset'
import { useFiltersStore } from '../stores/filters'

/**
 * The review the filters describe (metrics/review.ts `reviewOf`, the one rule): its date and
 * why, its month and filters, and the month before for the changes.
 */
export function useReview() {
  const filters = useFiltersStore()
  const store = useDatasetStore()
  return computed<Review | null>(() => reviewOf({
    month: filters.month,
    asOf: filters.asOf,
    dataEnd: store.span?.last ?? store.defaultAsOf,
    dept: filters.dept,
    bundle: filters.bundle,
    region: filters.region,
    channel: filters.channel,
  }))
}

/** The review date of the view and why (domain §8a). */
export function useReviewDate() {
  const review = useReview()
  return computed<ReviewDate | null>(() => (review.value ? { asOf: review.value.query.asOf, reason: review.value.reason } : null))
}

/** The review the filters describe: its review date, with month and filters. */
export function useReviewQuery() {
  const review = useReview()
  return computed<MetricsQuery | null>(() => review.value?.query ?? null)
}

/** Date pickers on the data: they open on its last month and offer only the days it covers. */
export function useDataPickers() {
  const store = useDatasetStore()
  const localDate = (ymd: string) => new Date(Number(ymd.slice(0, 4)), Number(ymd.slice(5, 7)) - 1, Number(ymd.slice(8, 10)))
  const pickerStart = computed(() => (store.span ? localDate(store.span.last) : undefined))
  function outsideData(d: Date): boolean {
    const s = store.span
    if (!s)
      return false
    const ymd = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`
    return ymd < s.first || ymd > s.last
  }
  return { pickerStart, outsideData }
}
