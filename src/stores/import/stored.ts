// The files kept in IndexedDB as the store knows them: their list (read at start), and their
// contents read back and validated once per revision, however many callers ask at once.

import type { ImportPersistence, PersistProblem, StoredFileMeta } from '../../app/persist/imports'
import type { FileImport, ImportChoices } from '../../ingest/import/types'
import type { ImportRequest } from '../../app/import/protocol'
import type { Entry } from './entries'
import type { Notice } from './notices'
import { ref } from 'vue'
import { message } from './notices'

interface Deps {
  persistence: ImportPersistence
  run: (files: ImportRequest['files'], choices: ImportChoices, cancellable: boolean) => Promise<FileImport[]>
  notify: (n: Notice) => void
  reportProblems: (problems: PersistProblem[]) => void
}

export function useStoredFiles({ persistence, run, notify, reportProblems }: Deps) {
  const stored = ref<StoredFileMeta[]>([])
  const revision = ref(0)
  const ready = ref(false)
  /** Stored files being read back (after a reload, or before the first import of a session). */
  const restoring = ref(false)
  let restored: { revision: number, entries: Entry[] } | null = null
  let restoreOnce: { revision: number, promise: Promise<Entry[]> } | null = null
  let initOnce: Promise<void> | null = null

  /** Reads the list of stored files (not their bytes) and clears what an interrupted import left. */
  function init(): Promise<void> {
    initOnce ??= (async () => {
      try {
        const l = await persistence.list()
        stored.value = l.metas
        revision.value = l.revision
        reportProblems(l.problems)
        await persistence.collect()
      }
      catch (e) {
        notify({ type: 'error', key: 'storageUnavailable', params: { msg: message(e) } })
      }
      finally {
        ready.value = true
      }
    })()
    return initOnce
  }

  /** The stored files, read and validated once per revision (concurrent callers share the work). */
  async function ensureRestored(): Promise<Entry[]> {
    await init()
    if (restored && restored.revision === revision.value)
      return restored.entries
    if (restoreOnce && restoreOnce.revision === revision.value)
      return restoreOnce.promise
    const promise = (async () => {
      restoring.value = true
      try {
        const r = await persistence.restore()
        reportProblems(r.problems)
        stored.value = r.files.map(f => f.meta)
        revision.value = r.revision
        const imported = r.files.length ? await run(r.files.map(f => ({ name: f.meta.name, bytes: f.bytes, byGrid: f.meta.choices })), {}, false) : []
        restored = { revision: r.revision, entries: r.files.map((f, i) => ({ ...f, imported: imported[i]! })) }
        return restored.entries
      }
      finally {
        restoring.value = false
        restoreOnce = null
      }
    })()
    restoreOnce = { revision: revision.value, promise }
    return promise
  }

  /** The stored files as last read back, or none yet. */
  function current(): Entry[] | null {
    return restored?.entries ?? null
  }

  /** Storage now holds `entries` under `next`. */
  function settle(next: number, entries: Entry[]): void {
    restored = { revision: next, entries }
    revision.value = next
    stored.value = entries.map(e => e.meta)
  }

  return { stored, revision, ready, restoring, init, ensureRestored, current, settle }
}
