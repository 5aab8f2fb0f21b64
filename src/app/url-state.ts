// The view's state lives in the URL query (#/page?data=…&month=…), so a copied link reopens
// the same view. Every read and write of the query goes through here, under these keys.

import type { LocationQuery, LocationQueryRaw } from 'vue-router'
import type { UrlKey } from './url-keys'
import { useRoute, useRouter } from 'vue-router'

export type UrlPatch = Partial<Record<UrlKey, string | null>>

/** One key's value: the first when repeated, null when absent or empty. */
export function readKey(query: LocationQuery, key: UrlKey): string | null {
  const v = query[key]
  const s = Array.isArray(v) ? v[0] : v
  return typeof s === 'string' && s !== '' ? s : null
}

/** The query with `patch` applied: null or '' removes a key; other keys stay as they are. */
export function patchQuery(query: LocationQuery, patch: UrlPatch): LocationQueryRaw {
  const out: LocationQueryRaw = { ...query }
  for (const [k, v] of Object.entries(patch)) {
    if (v === null || v === undefined || v === '')
      delete out[k]
    else
      out[k] = v
  }
  return out
}

/** The current route's query keys, read reactively; writing replaces the URL (no new history entry). */
export function useUrlState() {
  const route = useRoute()
  const router = useRouter()
  return {
    get: (key: UrlKey) => readKey(route.query, key),
    set: async (patch: UrlPatch): Promise<void> => {
      await router.replace({ query: patchQuery(route.query, patch) })
    },
  }
}
