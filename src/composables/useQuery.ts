import type { MaybeRefOrGetter, Ref, ShallowRef, WatchSource } from 'vue'
import { ref, shallowRef, toValue, watch } from 'vue'

export interface UseQueryOptions<P, T> {
  /** The query's inputs; null means "not ready", and nothing runs. */
  params: MaybeRefOrGetter<P | null>
  run: (params: P) => Promise<T>
  /** Further sources whose change re-runs the query (a new data set, new settings). */
  deps?: WatchSource[]
}

export interface UseQueryReturn<T, P = unknown> {
  data: ShallowRef<T | null>
  /** The inputs `data` was computed for (it lags the inputs while a newer run is under way). */
  dataParams: ShallowRef<P | null>
  error: ShallowRef<string | null>
  isLoading: Ref<boolean>
  refresh: () => Promise<void>
}

/**
 * A query that re-runs when its inputs change. Results may resolve out of order when inputs
 * change quickly; each run takes a ticket and only the newest may write, so a stale result
 * never overwrites a newer one. Big results stay in shallow refs (no deep reactivity).
 */
export function useQuery<P, T>(options: UseQueryOptions<P, T>): UseQueryReturn<T, P> {
  const data = shallowRef<T | null>(null)
  const dataParams = shallowRef<P | null>(null)
  const error = shallowRef<string | null>(null)
  const isLoading = ref(false)
  let ticket = 0

  async function refresh() {
    const p = toValue(options.params)
    if (p === null)
      return
    const mine = ++ticket
    isLoading.value = true
    try {
      const result = await options.run(p)
      if (mine === ticket) {
        data.value = result
        dataParams.value = p
        error.value = null
      }
    }
    catch (e) {
      if (mine === ticket)
        error.value = e instanceof Error ? e.message : String(e)
    }
    finally {
      if (mine === ticket)
        isLoading.value = false
    }
  }

  watch([() => toValue(options.params), ...(options.deps ?? [])], refresh, { immediate: true, deep: true })
  return { data, dataParams, error, isLoading, refresh }
}
