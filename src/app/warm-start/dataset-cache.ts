import type { Dataset } from '../../ingest/dataset/dataset'
import type { DatasetSummary } from '../../stores/dataset-summary'
import type { MeasuredFile } from '../budget'
import { timed } from '../../domain/timing'
import type { SavedHead } from './head'
import { headOf } from './head'
import { dataKey } from './key'
import { markStart, WARM_START } from './marks'
import { DATASET_FILE, rowsFile } from './files'
import { readBytes, readFile, readText, writeFile } from './opfs'

export { LAZY_ROWS, lazyTables } from './head'

/** The content key of each data set this tab decoded or restored (see `keyOf`), and its files' size measures. */
const keys = new WeakMap<Dataset, { key: string, measured: MeasuredFile[] }>()

/** The key a data set was loaded under; undefined for data with none (imports), which never starts warm. */
export function keyOf(ds: Dataset): string | undefined {
  return keys.get(ds)?.key
}

/** The restored data sets whose big tables' bytes are still being read (see `whenRowsRead`). */
const reading = new WeakMap<Dataset, Promise<void>>()

/**
 * Resolves once every row of `ds` can be read: at once for a data set decoded in this tab; for
 * one restored by a warm start, once its big tables' files are read (not parsed). Whatever
 * hands the data set on (openAnalysis) waits for this first, so nothing reads a table short
 * of rows; rejects if a file could not be read.
 */
export function whenRowsRead(ds: Dataset): Promise<void> {
  return reading.get(ds) ?? Promise.resolve()
}

/**
 * The big tables' rows, parsed from their saved bytes the first time anything reads them.
 * The first page reads none of them (it draws from the summary and the saved answers), so a
 * warm start neither waits for the bytes (27 MB on the demo) nor spends ~0.3 s of the page's
 * thread turning them into text before it; whatever reads them later gets them whole.
 */
function rowsWhenRead(ds: Dataset, table: string, read: Promise<ArrayBuffer | null>): Promise<void> {
  const t = ds.tables[table as keyof Dataset['tables']]
  let bytes: ArrayBuffer | null = null
  let rows: Dataset['tables'][keyof Dataset['tables']]['rows'] | null = null
  Object.defineProperty(t, 'rows', {
    enumerable: true,
    configurable: true,
    get: () => {
      if (!rows) {
        if (!bytes)
          throw new Error(`warm start: the rows of ${table} were asked for before their file was read (see whenRowsRead)`)
        const start = performance.now()
        rows = JSON.parse(new TextDecoder().decode(bytes)) as typeof rows
        bytes = null
        performance.measure(`duban:rows ${table}`, { start, end: performance.now() })
      }
      return rows
    },
  })
  return read.then((b) => {
    if (!b)
      throw new Error(`本机保存的数据副本无法读取（${table}），请刷新页面 / the copy of the data saved in this browser could not be read (${table}): reload the page`)
    bytes = b
  })
}

type Rows = Dataset['tables'][keyof Dataset['tables']]['rows']

/** The heads whose files are still decoding (rowsLater). */
const pending = new WeakSet<Dataset>()

/** Whether some rows of `ds` cannot be read yet (`whenRowsRead` says when they can). */
export function rowsPending(ds: Dataset): boolean {
  return pending.has(ds)
}

/**
 * The head's big tables take their rows from `whole`, the same files decoded in the
 * background (the build's first page, prerender/): whatever hands the data set on waits for
 * that (`whenRowsRead`), which rejects if the decode does not give the tables the head counts.
 */
export function rowsLater(head: SavedHead, counts: Record<string, number>, whole: Promise<Dataset>): void {
  const rows = new Map<string, Rows>()
  for (const table of head.lazy) {
    Object.defineProperty(head.dataset.tables[table as keyof Dataset['tables']], 'rows', {
      enumerable: true,
      configurable: true,
      get: () => {
        const r = rows.get(table)
        if (!r)
          throw new Error(`prerender: the rows of ${table} were asked for before the files were decoded (see whenRowsRead)`)
        return r
      },
    })
  }
  pending.add(head.dataset)
  const read = whole.finally(() => pending.delete(head.dataset)).then((ds) => {
    for (const table of head.lazy) {
      const r = ds.tables[table as keyof Dataset['tables']].rows
      if (r.length !== counts[table])
        throw new Error(`数据文件与预先计算的首页不一致（${table}），请刷新页面 / the data files do not match the build's first page (${table}): reload the page`)
      rows.set(table, r)
    }
    // The same files, read now: when they were loaded is this visit's, as on any cold visit.
    head.dataset.files = ds.files
  })
  read.catch(() => {})
  reading.set(head.dataset, read)
}

export interface SavedDataset { key: string | null, dataset: Dataset | null, summary: DatasetSummary | null, measured: MeasuredFile[] }

/**
 * The data set saved from these very files (by URL: see `dataKey`) on an earlier visit,
 * already decoded and checked (its issues included), with its summary and its files'
 * measures, or null. Either way the returned key is remembered with the data set the caller
 * ends up with (`remember`), so its engine tables can be saved and found again.
 */
export async function savedDataset(files: ReadonlyArray<{ name: string, url: string }>, meta: unknown): Promise<SavedDataset> {
  const none = { key: null, dataset: null, summary: null, measured: [] }
  if (!WARM_START)
    return none
  try {
    const key = await dataKey(files, meta)
    const restored = await restore(key)
    if (restored)
      keys.set(restored.dataset, { key, measured: restored.measured })
    markStart('dataset', restored ? 'restored' : 'decoded')
    return restored ? { key, ...restored } : { ...none, key }
  }
  catch {
    return none
  }
}

/**
 * The data set without the rows of its big tables, with its summary (DATASET_FILE, written
 * last, so it also marks a finished save): what a warm start reads before the first page.
 */
async function restore(key: string): Promise<{ dataset: Dataset, summary: DatasetSummary, measured: MeasuredFile[] } | null> {
  const head = await readText([key], DATASET_FILE)
  if (head === null)
    return null
  const saved = JSON.parse(head) as SavedHead
  // Found now (not read): a file gone missing means a cold load, not a data set short of rows.
  const files = await Promise.all(saved.lazy.map(t => readFile([key], rowsFile(t))))
  if (files.some(f => f === null))
    return null
  const read = Promise.all(saved.lazy.map((t, i) => rowsWhenRead(saved.dataset, t, readBytes([key], rowsFile(t), files[i]!)))).then(() => {})
  // Awaited by whoever hands the data set on; not an unhandled rejection meanwhile.
  read.catch(() => {})
  reading.set(saved.dataset, read)
  return { dataset: saved.dataset, summary: saved.summary, measured: saved.measured }
}

export function remember(ds: Dataset, key: string | null, measured: MeasuredFile[]): void {
  if (key)
    keys.set(ds, { key, measured })
}

/** Saves the decoded data set and its summary once per key (its tables are saved per settings beside it). */
export async function saveDataset(key: string, ds: Dataset): Promise<void> {
  if (await readFile([key], DATASET_FILE))
    return
  await timed('warm-save-dataset', async () => {
    const head = headOf(ds, keys.get(ds)?.measured ?? [])
    for (const t of head.lazy)
      await writeFile([key], rowsFile(t), JSON.stringify(ds.tables[t as keyof Dataset['tables']].rows))
    await writeFile([key], DATASET_FILE, JSON.stringify(head))
  })
}
