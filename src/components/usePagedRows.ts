import type { MaybeRefOrGetter } from 'vue'
import { computed, ref, toValue, watch } from 'vue'

export interface UsePagedRowsOptions<T> {
  rows: MaybeRefOrGetter<readonly T[]>
  /** Rows a page shows. */
  pageSize?: number
}

/**
 * One page of a long case list. An el-table draws every row it is given, and a whole year at
 * a million applications lists thousands of cases: drawing them all took seconds on every
 * filter change, and a list that long is read a page at a time anyway. A new answer (another
 * filter) starts again at its first page, where the SQL put the most urgent cases.
 */
export function usePagedRows<T>(options: UsePagedRowsOptions<T>) {
  const pageSize = options.pageSize ?? 50
  const page = ref(1)
  const total = computed(() => toValue(options.rows).length)
  const pages = computed(() => Math.max(1, Math.ceil(total.value / pageSize)))
  watch(() => toValue(options.rows), () => {
    page.value = 1
  })
  const pageRows = computed(() => {
    const at = (Math.min(Math.max(page.value, 1), pages.value) - 1) * pageSize
    return toValue(options.rows).slice(at, at + pageSize)
  })
  return { page, pageRows, total, pageSize, paged: computed(() => total.value > pageSize) }
}
