import type { ReviewDate } from '../domain/dates'
import type { MetricsQuery } from '../metrics/run'
import { computed } from 'vue'
import { reviewDate } from '../domain/dates'
import { useDatasetStore } from '../stores/dataset'
import { useFiltersStore } from '../stores/filters'

/**
 * The review date of the view and why (domain §8a): the date the URL sets, else the chosen
 * month's end (the data's last day in its last, unfinished month), else the data's last day.
 */
export function useReviewDate() {
  const filters = useFiltersStore()
  const store = useDatasetStore()
  return computed<ReviewDate | null>(() => reviewDate(filters.month, filters.asOf, store.span?.last ?? store.defaultAsOf))
}

/** The review the filters describe: its review date, with month and department. */
export function useReviewQuery() {
  const filters = useFiltersStore()
  const review = useReviewDate()
  return computed<MetricsQuery | null>(() => {
    const asOf = review.value?.asOf
    if (!asOf)
      return null
    return { asOf, month: filters.month, dept: filters.dept, bundle: filters.bundle, region: filters.region, channel: filters.channel }
  })
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
