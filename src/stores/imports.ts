import type { ImportJob } from '../app/import/client'
import type { ImportRequest } from '../app/import/protocol'
import type { PersistProblem, StoredFile, StoredFileMeta } from '../app/persist/imports'
import type { TableName } from '../domain/contract/tables'
import type { FileImport, GridReport, ImportChoices, ImportProgress, MappingChoice } from '../ingest/import/types'
import type { Dataset } from '../ingest/dataset/dataset'
import type { LoadIssue } from '../ingest/table/issues'
import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import { DEFAULT_DATASET } from '../app/embedded'
import { currentBudget, judge, measureFile } from '../app/budget'
import { ImportCancelled, startImport } from '../app/import/client'
import { ImportPersistence } from '../app/persist/imports'
import { idbKv } from '../app/persist/kv'
import { isQuotaError, saveLocal } from '../app/persist/storage'
import { parseChoices } from '../ingest/import/mapping'
import { datasetOf, effectiveChoices, inferAsOf } from '../ingest/import/assemble'
import { chinaToday } from '../domain/dates'
import { useDatasetStore } from './dataset'
import { useFiltersStore } from './filters'
import { useLedgerStore } from './ledger'

/** The id of the user's imported data set in the data set choice (and the URL's ?data=). */
export const USER_DATASET = 'user'

const REMEMBERED_KEY = 'duban.importMappings'

export type ImportPhase = 'idle' | 'reading' | 'review' | 'saving'

/** A message for the user, translated by the page (data.notice.<key>). */
export interface Notice {
  type: 'success' | 'info' | 'warning' | 'error'
  key: string
  params?: Record<string, string | number>
}

interface Entry { meta: StoredFileMeta, bytes: Uint8Array, imported: FileImport }

interface Staged {
  inputs: Array<{ name: string, bytes: Uint8Array }>
  files: FileImport[]
  /** The stored file this import replaces, if any. */
  replaceId: string | null
  /** The user's choices in this import, by grid key. */
  choices: Record<string, MappingChoice>
}

export interface ValidationReport {
  dataset: Dataset
  grids: Array<GridReport & { fileSize: number }>
  /** Problems of the new files, including duplicates and dangling references they cause. */
  issues: LoadIssue[]
  goodRows: number
  badRows: number
  errors: number
  warnings: number
}

function readRemembered(): Record<string, MappingChoice> {
  try {
    return parseChoices(JSON.parse(localStorage.getItem(REMEMBERED_KEY) ?? '{}'))
  }
  catch {
    return {}
  }
}

function message(e: unknown): string {
  return (e instanceof Error ? e.message : String(e)).replace(/[.。]+$/, '')
}

/** Issues belonging to a file: its own, its sheets' ("a.xlsx [表]") and a zip's entries ("a.zip/x.csv"). */
function belongsTo(issueFile: string, fileName: string): boolean {
  return issueFile === fileName || issueFile.startsWith(`${fileName} [`) || issueFile.startsWith(`${fileName}/`)
}

/** The notice for a write IndexedDB refused: a full storage gets its own advice. */
export function saveFailedNotice(e: unknown): Notice {
  return isQuotaError(e)
    ? { type: 'error', key: 'quotaExceeded' }
    : { type: 'error', key: 'saveFailed', params: { msg: message(e) } }
}

/** The ledger notes an exported bundle carries join those kept with the user's data. */
async function importBundleLedgers(files: Uint8Array[]): Promise<void> {
  const { readBundleLedger } = await import('../ingest/ledger/bundle')
  const { importLedger } = await import('../app/persist/ledger')
  let found = false
  for (const bytes of files) {
    const ledger = await readBundleLedger(bytes).catch(() => null)
    if (ledger) {
      importLedger(USER_DATASET, ledger)
      found = true
    }
  }
  if (found)
    useLedgerStore().reload()
}

function newId(): string {
  return typeof crypto.randomUUID === 'function' ? crypto.randomUUID() : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`
}

/**
 * The user's own data: files imported in the browser, validated off the main thread,
 * persisted in IndexedDB and loaded as the data set "user". Every change (import, replace,
 * remove) builds the new data set first, loads it, and only then writes the manifest: a
 * failure at any step leaves the earlier data — shown and stored — as it was.
 */
export const useImportsStore = defineStore('imports', () => {
  const persistence = new ImportPersistence(idbKv())
  const stored = ref<StoredFileMeta[]>([])
  const revision = ref(0)
  const ready = ref(false)
  const phase = ref<ImportPhase>('idle')
  /** Stored files being read back (after a reload, or before the first import of a session). */
  const restoring = ref(false)
  const progress = ref<ImportProgress | null>(null)
  const staged = shallowRef<Staged | null>(null)
  const notices = ref<Notice[]>([])
  const remembered = ref<Record<string, MappingChoice>>(readRemembered())
  const hasUserData = computed(() => stored.value.length > 0)
  const busy = computed(() => phase.value === 'reading' || phase.value === 'saving')

  let restored: { revision: number, entries: Entry[] } | null = null
  let restoreOnce: { revision: number, promise: Promise<Entry[]> } | null = null
  /** The user's import being read (cancellable); a restore runs its own job. */
  let job: ImportJob | null = null
  let initOnce: Promise<void> | null = null

  function notify(n: Notice) {
    notices.value = [...notices.value.filter(x => x.key !== n.key), n]
  }
  /** Reading the chosen files stopped: cancelled by the user, or failed. */
  function notifyReadFailure(e: unknown) {
    if (e instanceof ImportCancelled)
      notify({ type: 'info', key: 'cancelled' })
    else
      notify({ type: 'error', key: 'importFailed', params: { msg: message(e) } })
  }
  function dismiss(key: string) {
    notices.value = notices.value.filter(n => n.key !== key)
  }
  function reportProblems(problems: PersistProblem[]) {
    for (const p of problems) {
      if (p.kind === 'manifest_corrupt')
        notify({ type: 'warning', key: 'manifestCorrupt', params: { n: p.recovered } })
      else if (p.kind === 'file_corrupt')
        notify({ type: 'warning', key: 'fileCorrupt', params: { name: p.name } })
      else
        notify({ type: 'warning', key: 'fileMissing' })
    }
  }

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

  async function runJob(files: ImportRequest['files'], choices: ImportChoices, cancellable: boolean): Promise<FileImport[]> {
    progress.value = { fraction: 0, file: files[0]?.name ?? '', phase: 'hash' }
    const j = startImport(files, choices, (p) => {
      progress.value = p
    })
    if (cancellable)
      job = j
    try {
      return await j.result
    }
    finally {
      if (job === j)
        job = null
      progress.value = null
    }
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
        const imported = r.files.length ? await runJob(r.files.map(f => ({ name: f.meta.name, bytes: f.bytes, byGrid: f.meta.choices })), {}, false) : []
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

  function userDataset(entries: Entry[]): { dataset: Dataset, asOf: string | null } {
    const dataset = datasetOf(entries.map(e => e.imported))
    return { dataset, asOf: inferAsOf(dataset, chinaToday(new Date())) }
  }

  /** Shows the stored data set (the data set choice "user"); falls back to the default when there is none. */
  async function activate(): Promise<void> {
    try {
      const entries = await ensureRestored()
      if (entries.length === 0) {
        notify({ type: 'info', key: 'noUserData' })
        useFiltersStore().set({ data: null })
        return
      }
      await useDatasetStore().load(`${USER_DATASET}:${revision.value}`, async () => userDataset(entries))
    }
    catch (e) {
      notify({ type: 'error', key: 'restoreFailed', params: { msg: message(e) } })
      // Something to look at rather than an empty page: the default data set.
      if (!useDatasetStore().analysis)
        useFiltersStore().set({ data: null })
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
      const loadedRows = (restored?.entries ?? []).filter(e => e.meta.id !== replaceId).reduce((n, e) => n + e.meta.goodRows, 0)
      const { message: verdict } = judge(await Promise.all(list.map(f => measureFile(f, f.name))), budget, loadedRows)
      if (verdict) {
        notify({ type: verdict.key === 'large' ? 'warning' : 'error', key: verdict.key, params: verdict.params })
        if (verdict.key !== 'large')
          return
      }
      phase.value = 'reading'
      const inputs = await Promise.all(list.map(async f => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })))
      const files = await runJob(inputs, { bySignature: remembered.value }, true)
      staged.value = { inputs, files, replaceId, choices: {} }
      phase.value = 'review'
    }
    catch (e) {
      phase.value = 'idle'
      notifyReadFailure(e)
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
      // Storage may be full or refused; the mapping still applies to this import.
      saveLocal(REMEMBERED_KEY, JSON.stringify(remembered.value), 'mappings')
    }
    phase.value = 'reading'
    try {
      const files = await runJob(s.inputs, { byGrid: choices, bySignature: remembered.value }, true)
      staged.value = { ...s, files, choices }
      phase.value = 'review'
    }
    catch (e) {
      // The report before the change stays: nothing was lost.
      phase.value = 'review'
      notifyReadFailure(e)
    }
  }

  const report = computed<ValidationReport | null>(() => {
    const s = staged.value
    if (!s)
      return null
    const earlier = (restored?.entries ?? []).filter(e => e.meta.id !== s.replaceId).map(e => e.imported)
    const dataset = datasetOf([...earlier, ...s.files])
    const issues = dataset.issues.filter(i => s.files.some(f => belongsTo(i.file, f.name)))
    const dropped = issues.filter(i => (i.code === 'duplicate_id' || i.code === 'dangling_ref') && i.severity === 'error').length
    const grids = s.files.flatMap(f => f.grids.map(g => ({ ...g, fileSize: f.size })))
    const good = grids.reduce((n, g) => n + g.goodRows, 0)
    const bad = grids.reduce((n, g) => n + g.badRows, 0)
    return {
      dataset,
      grids,
      issues,
      goodRows: Math.max(0, good - dropped),
      badRows: bad + dropped,
      errors: issues.filter(i => i.severity === 'error').length,
      warnings: issues.filter(i => i.severity === 'warning').length,
    }
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
      if (shownBefore?.startsWith(`${USER_DATASET}:`) && restored)
        await datasets.load(shownBefore, async () => userDataset(restored!.entries))
      else if (shownBefore)
        await datasets.loadEmbedded(shownBefore)
      notify(saveFailedNotice(e))
      phase.value = phaseBefore
      return false
    }
    restored = { revision: next, entries }
    revision.value = next
    stored.value = entries.map(e => e.meta)
    staged.value = null
    phase.value = 'idle'
    notify(done)
    if (entries.length > 0) {
      filters.set({ data: USER_DATASET })
      void navigator.storage?.persist?.().catch(() => false)
    }
    else if (filters.dataset === USER_DATASET || shownBefore?.startsWith(`${USER_DATASET}:`)) {
      filters.set({ data: null })
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
    const earlier = (restored?.entries ?? []).filter(e => e.meta.id !== s.replaceId)
    const added: Entry[] = s.files.map((f, i) => {
      const tables = [...new Set(f.grids.filter(g => g.table && !g.skipped).map(g => g.table!))] as TableName[]
      return {
        imported: f,
        bytes: s.inputs[i]!.bytes,
        meta: {
          v: 1,
          id: newId(),
          name: f.name,
          size: f.size,
          sha256: f.sha256,
          loadedAt: f.loadedAt,
          choices: effectiveChoices(f),
          tables,
          goodRows: f.grids.reduce((n, g) => n + g.goodRows, 0),
          badRows: f.grids.reduce((n, g) => n + g.badRows, 0),
        },
      }
    })
    const ok = await apply([...earlier, ...added], added, { type: 'success', key: 'imported', params: { rows: r.goodRows } })
    if (ok)
      await importBundleLedgers(added.map(e => e.bytes))
    return ok
  }

  /** Drops the staged files, or stops reading them. Nothing stored or shown changes. */
  function cancel(): void {
    if (job) {
      job.cancel()
      return
    }
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
    restored = { revision: 0, entries: [] }
    stored.value = []
    revision.value = 0
    staged.value = null
    phase.value = 'idle'
    notify({ type: 'success', key: 'cleared' })
    if (showingUser || filters.dataset === USER_DATASET) {
      filters.set({ data: null })
      await datasets.loadEmbedded(DEFAULT_DATASET)
    }
  }

  return {
    stored,
    revision,
    ready,
    phase,
    restoring,
    progress,
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
