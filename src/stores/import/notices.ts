// The import's messages to the user: one per kind at a time, translated by the page
// (data.notice.<key>).

import type { PersistProblem } from '../../app/persist/imports'
import { ref } from 'vue'
import { ImportCancelled } from '../../app/import/client'
import { isQuotaError } from '../../app/persist/storage'

export interface Notice {
  type: 'success' | 'info' | 'warning' | 'error'
  key: string
  params?: Record<string, string | number>
}

export function message(e: unknown): string {
  return (e instanceof Error ? e.message : String(e)).replace(/[.。]+$/, '')
}

/** The notice for a write IndexedDB refused: a full storage gets its own advice. */
export function saveFailedNotice(e: unknown): Notice {
  return isQuotaError(e)
    ? { type: 'error', key: 'quotaExceeded' }
    : { type: 'error', key: 'saveFailed', params: { msg: message(e) } }
}

/** Reading the chosen files stopped: cancelled by the user, or failed. */
export function readFailureNotice(e: unknown): Notice {
  return e instanceof ImportCancelled
    ? { type: 'info', key: 'cancelled' }
    : { type: 'error', key: 'importFailed', params: { msg: message(e) } }
}

function problemNotice(p: PersistProblem): Notice {
  if (p.kind === 'manifest_corrupt')
    return { type: 'warning', key: 'manifestCorrupt', params: { n: p.recovered } }
  if (p.kind === 'file_corrupt')
    return { type: 'warning', key: 'fileCorrupt', params: { name: p.name } }
  return { type: 'warning', key: 'fileMissing' }
}

/** The notices shown, a newer one of a kind replacing the older. */
export function useNotices() {
  const notices = ref<Notice[]>([])
  function notify(n: Notice) {
    notices.value = [...notices.value.filter(x => x.key !== n.key), n]
  }
  function dismiss(key: string) {
    notices.value = notices.value.filter(n => n.key !== key)
  }
  function reportProblems(problems: PersistProblem[]) {
    for (const p of problems)
      notify(problemNotice(p))
  }
  return { notices, notify, dismiss, reportProblems }
}
