import type { StoredFile } from '../app/persist/imports'
import type { FileImport, MappingChoice } from '../ingest/import/types'
import type { Entry } from './import/entries'
import type { Notice } from './import/notices'
import type { ValidationReport } from './import/report'
import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import { DEFAULT_DATASET } from '../app/embedded'
import { currentBudget, judge, measureFile } from '../app/budget'
import { ImportPersistence } from '../app/persist/imports'
import { idbKv } from '../app/persist/kv'
import { useDatasetStore } from './dataset'
import { useFiltersStore } from './filters'
import { newEntry, USER_DATASET, userDataset } from './import/entries'
import { importBundleLedgers } from './import/ledger'
import { readRemembered, saveRemembered } from './import/mappings'
import { message, readFailureNotice, saveFailedNotice, useNotices } from './import/notices'
import { validationReport } from './import/report'
import { useImportRunner } from './import/runner'
import { useStoredFiles } from './import/stored'

export { USER_DATASET } from './import/entries'
export { saveFailedNotice } from './import/notices'
export type { Notice } from './import/notices'
export type { ValidationReport } from './import/report'

export type ImportPhase = 'idle' | 'reading' | 'review' | 'saving'

interface Staged {
  inputs: Array<{ name: string, bytes: Uint8Array }>
  files: FileImport[]
  /** The stored file this import replaces, if any. */
  replaceId: string | null
  /** The user's choices in this import, by grid key. */
  choices: Record<string, MappingChoice>
}

/**
 * The user's own data: files imported in the browser, validated off the main thread,
 * persisted in IndexedDB and loaded as the data set "user". Every change (import, replace,
 * remove) builds the new data set first, loads it, and only then writes the manifest: a
 * failure at any step leaves the earlier data — shown and stored — as it was.
 */
export const useImportsStore = defineStore('imports', () => {
  const persistence = new ImportPersistence(idbKv())
  const { notices, notify, dismiss, reportProblems } = useNotices()
  const runner = useImportRunner()
  const files = useStoredFiles({ persistence, run: runner.run, notify, reportProblems })
  const { stored, revision, ready, restoring, init, ensureRestored } = files
  const phase = ref<ImportPhase>('idle')
  const staged = shallowRef<Staged | null>(null)
  const remembered = ref<Record<string, MappingChoice>>(readRemembered())
  const hasUserData = computed(() => stored.value.length > 0)
  const busy = computed(() => phase.value === 'reading' || phase.value === 'saving')

  /** Shows the stored data set (the data set choice "user"); falls back to the default when there is none. */
  async function activate(): Promise<void> {
    try {
      const entries = await ensureRestored()
      if (entries.length === 0) {
        notify({ type: 'info', key: 'noUserData' })
        void useFiltersStore().set({ data: null })
        return
      }
      await useDatasetStore().load(`${USER_DATASET}:${revision.value}`, async () => userDataset(entries))
    }
    catch (e) {
      notify({ type: 'error', key: 'restoreFailed', params: { msg: message(e) } })
      // Something to look at rather than an empty page: the default data set.
      if (!useDatasetStore().analysis)
        void useFiltersStore().set({ data: null })
    }
  }

  /** Reads and validates dropped or picked files; the report waits for the user's decision. */
  async function stage(list: File[], replaceId: string | null = null): Promise<void> {
    if (busy.value || list.length === 0)
      return
    for (const k of ['cancelled', 'imported', 'saveFailed', 'quotaExceeded', 'loadFailed', 'importFailed', 'tooLarge', 'tooLargeApprox', 'large'])
      dismiss(k)
    staged.value = null
    try {
      await ensureRestored()
      // Measured from slices before a byte is read whole: a file the tab cannot hold is
      // refused here, and what is shown and stored stays as it was.
      const budget = currentBudget()
      const loadedRows = (files.current() ?? []).filter(e => e.meta.id !== replaceId).reduce((n, e) => n + e.meta.goodRows, 0)
      const { message: verdict } = judge(await Promise.all(list.map(f => measureFile(f, f.name))), budget, loadedRows)
      if (verdict) {
        notify({ type: verdict.key === 'large' ? 'warning' : 'error', key: verdict.key, params: verdict.params })
        if (verdict.key !== 'large')
          return
      }
      phase.value = 'reading'
      const inputs = await Promise.all(list.map(async f => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })))
      const read = await runner.run(inputs, { bySignature: remembered.value }, true)
      staged.value = { inputs, files: read, replaceId, choices: {} }
      phase.value = 'review'
    }
    catch (e) {
      phase.value = 'idle'
      notify(readFailureNotice(e))
    }
  }

  /** The user's mapping for one table; the staged files are read again with it. */
  async function remap(key: string, choice: MappingChoice, remember: boolean): Promise<void> {
    const s = staged.value
    if (!s || busy.value)
      return
    const grid = s.files.flatMap(f => f.grids).find(g => g.key === key)
    if (!grid)
      return
    const choices = { ...s.choices, [key]: choice }
    if (remember) {
      remembered.value = { ...remembered.value, [grid.signature]: choice }
      saveRemembered(remembered.value)
    }
    phase.value = 'reading'
    try {
      const read = await runner.run(s.inputs, { byGrid: choices, bySignature: remembered.value }, true)
      staged.value = { ...s, files: read, choices }
      phase.value = 'review'
    }
    catch (e) {
      // The report before the change stays: nothing was lost.
      phase.value = 'review'
      notify(readFailureNotice(e))
    }
  }

  const report = computed<ValidationReport | null>(() => {
    const s = staged.value
    if (!s)
      return null
    return validationReport((files.current() ?? []).filter(e => e.meta.id !== s.replaceId).map(e => e.imported), s.files)
  })

  /**
   * Makes `entries` the user data set: store new files, load the data set, then write the
   * manifest. Any failure puts the earlier data set back on screen and leaves storage as it was.
   */
  async function apply(entries: Entry[], added: Entry[], done: Notice): Promise<boolean> {
    const datasets = useDatasetStore()
    const filters = useFiltersStore()
    const shownBefore = datasets.datasetId
    const phaseBefore = phase.value
    const next = revision.value + 1
    const id = `${USER_DATASET}:${next}`
    phase.value = 'saving'
    try {
      await persistence.putFiles(added.map(e => ({ meta: e.meta, bytes: e.bytes } satisfies StoredFile)))
    }
    catch (e) {
      await persistence.discard(added.map(e => e.meta.id)).catch(() => {})
      notify(saveFailedNotice(e))
      phase.value = phaseBefore
      return false
    }
    if (entries.length > 0) {
      await datasets.load(id, async () => userDataset(entries))
      if (datasets.datasetId !== id) {
        await persistence.discard(added.map(e => e.meta.id)).catch(() => {})
        notify({ type: 'error', key: 'loadFailed', params: { msg: datasets.error ?? '' } })
        phase.value = phaseBefore
        return false
      }
    }
    try {
      await persistence.commit(entries.map(e => e.meta.id), next)
    }
    catch (e) {
      await persistence.discard(added.map(e => e.meta.id)).catch(() => {})
      // Storage refused the change: show what is stored, as it was before.
      const was = files.current()
      if (shownBefore?.startsWith(`${USER_DATASET}:`) && was)
        await datasets.load(shownBefore, async () => userDataset(was))
      else if (shownBefore)
        await datasets.loadEmbedded(shownBefore)
      notify(saveFailedNotice(e))
      phase.value = phaseBefore
      return false
    }
    files.settle(next, entries)
    staged.value = null
    phase.value = 'idle'
    notify(done)
    if (entries.length > 0) {
      void filters.set({ data: USER_DATASET })
      void navigator.storage?.persist?.().catch(() => false)
    }
    else if (filters.dataset === USER_DATASET || shownBefore?.startsWith(`${USER_DATASET}:`)) {
      void filters.set({ data: null })
      await datasets.loadEmbedded(DEFAULT_DATASET)
    }
    return true
  }

  /** Loads the good rows of the staged files into the user data set. */
  async function commit(): Promise<boolean> {
    const s = staged.value
    const r = report.value
    if (!s || !r || busy.value)
      return false
    const earlier = (files.current() ?? []).filter(e => e.meta.id !== s.replaceId)
    const added: Entry[] = s.files.map((f, i) => newEntry(f, s.inputs[i]!.bytes))
    const ok = await apply([...earlier, ...added], added, { type: 'success', key: 'imported', params: { rows: r.goodRows } })
    if (ok)
      await importBundleLedgers(added.map(e => e.bytes))
    return ok
  }

  /** Drops the staged files, or stops reading them. Nothing stored or shown changes. */
  function cancel(): void {
    if (runner.cancel())
      return
    staged.value = null
    if (phase.value === 'review')
      phase.value = 'idle'
  }

  // Removing, replacing and clearing wait until no import is under review: its report was
  // computed against the files stored now.
  async function remove(id: string): Promise<boolean> {
    if (phase.value !== 'idle')
      return false
    const entries = await ensureRestored()
    const meta = entries.find(e => e.meta.id === id)?.meta
    return apply(entries.filter(e => e.meta.id !== id), [], { type: 'success', key: 'removed', params: { name: meta?.name ?? '' } })
  }

  async function clearAll(): Promise<void> {
    if (phase.value !== 'idle')
      return
    const datasets = useDatasetStore()
    const filters = useFiltersStore()
    const showingUser = datasets.datasetId?.startsWith(`${USER_DATASET}:`) ?? false
    try {
      await persistence.clear()
    }
    catch (e) {
      notify(saveFailedNotice(e))
      return
    }
    files.settle(0, [])
    staged.value = null
    phase.value = 'idle'
    notify({ type: 'success', key: 'cleared' })
    if (showingUser || filters.dataset === USER_DATASET) {
      void filters.set({ data: null })
      await datasets.loadEmbedded(DEFAULT_DATASET)
    }
  }

  return {
    stored,
    revision,
    ready,
    phase,
    restoring,
    progress: runner.progress,
    staged,
    report,
    notices,
    remembered,
    hasUserData,
    busy,
    init,
    activate,
    stage,
    remap,
    commit,
    cancel,
    remove,
    clearAll,
    dismiss,
  }
})
