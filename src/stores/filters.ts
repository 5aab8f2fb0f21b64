import { defineStore } from 'pinia'
import { computed } from 'vue'
import { useRoute, useRouter } from 'vue-router'

/**
 * The view's filters live in the URL query, so a copied link reopens the same view. The
 * store is a typed face over the query: reading parses it, writing replaces it.
 */
export const useFiltersStore = defineStore('filters', () => {
  const route = useRoute()
  const router = useRouter()

  const one = (k: string): string | null => {
    const v = route.query[k]
    const s = Array.isArray(v) ? v[0] : v
    return typeof s === 'string' && s !== '' ? s : null
  }
  function set(patch: Record<string, string | null>) {
    const query = { ...route.query }
    for (const [k, v] of Object.entries(patch)) {
      if (v === null || v === '')
        delete query[k]
      else
        query[k] = v
    }
    void router.replace({ query })
  }

  const dataset = computed(() => one('data'))
  const asOf = computed(() => {
    const v = one('asOf')
    return v && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : null
  })
  const month = computed(() => {
    const v = one('month')
    return v && /^\d{4}-(?:0[1-9]|1[0-2])$/.test(v) ? v : null
  })
  const dept = computed(() => one('dept'))
  const bundle = computed(() => one('bundle'))
  const region = computed(() => one('region'))
  const channel = computed(() => one('channel'))

  function clear() {
    set({ month: null, dept: null, bundle: null, region: null, channel: null })
  }

  return { dataset, asOf, month, dept, bundle, region, channel, set, clear }
})
