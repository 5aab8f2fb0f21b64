import type { UrlPatch } from '../app/url-state'
import { defineStore } from 'pinia'
import { computed } from 'vue'
import { useUrlState } from '../app/url-state'

/**
 * The view's filters live in the URL query, so a copied link reopens the same view. The
 * store is a typed face over the query: reading parses it, writing replaces it.
 */
export const useFiltersStore = defineStore('filters', () => {
  const url = useUrlState()

  /** Replaces these keys of the URL; the returned promise settles once the route has changed. */
  function set(patch: UrlPatch): Promise<void> {
    return url.set(patch)
  }

  const dataset = computed(() => url.get('data'))
  const asOf = computed(() => {
    const v = url.get('asOf')
    return v && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : null
  })
  const month = computed(() => {
    const v = url.get('month')
    return v && /^\d{4}-(?:0[1-9]|1[0-2])$/.test(v) ? v : null
  })
  const dept = computed(() => url.get('dept'))
  const bundle = computed(() => url.get('bundle'))
  const region = computed(() => url.get('region'))
  const channel = computed(() => url.get('channel'))

  function clear() {
    void set({ month: null, dept: null, bundle: null, region: null, channel: null })
  }

  return { dataset, asOf, month, dept, bundle, region, channel, set, clear }
})
