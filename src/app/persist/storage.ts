import { ref } from 'vue'

/** What a refused write was saving, for the message (storage.<what> in the locale files). */
export type StorageWhat = 'settings' | 'theme' | 'locale' | 'mappings' | 'dataset' | 'calendar' | 'ledger'

export interface StorageProblem {
  what: StorageWhat
  /** The browser's storage is full (as opposed to refused, e.g. in a locked-down profile). */
  quota: boolean
  msg: string
}

/**
 * The latest write the browser refused, shown by the shell (App.vue) until dismissed or until
 * the same kind of write succeeds. Module state, like the theme: there is one browser.
 */
export const storageProblem = ref<StorageProblem | null>(null)

/** Quota errors as the engines name them (Chromium and Safari, Firefox, and the legacy code 22). */
export function isQuotaError(e: unknown): boolean {
  if (typeof e !== 'object' || e === null)
    return false
  const { name, code, message } = e as { name?: unknown, code?: unknown, message?: unknown }
  return name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED' || code === 22 || code === 1014
    || (typeof message === 'string' && /quota/i.test(message))
}

export function errorText(e: unknown): string {
  return (e instanceof Error ? e.message : String(e)).replace(/[.。]+$/, '')
}

/**
 * Writes one localStorage key. A full or refused storage must never break what the user is
 * doing — the value still applies in this tab — so the failure becomes a message, not a throw.
 */
export function saveLocal(key: string, value: string, what: StorageWhat): boolean {
  try {
    localStorage.setItem(key, value)
    if (storageProblem.value?.what === what)
      storageProblem.value = null
    return true
  }
  catch (e) {
    storageProblem.value = { what, quota: isQuotaError(e), msg: errorText(e) }
    return false
  }
}
