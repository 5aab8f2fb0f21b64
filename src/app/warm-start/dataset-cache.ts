import type { Dataset } from '../../ingest/dataset/dataset'
import type { DatasetSummary } from '../../stores/dataset-summary'
import type { MeasuredFile } from '../budget'
import { timed } from '../../domain/timing'
import { summarize } from '../../stores/dataset-summary'
import { dataKey } from './key'
import { markStart, WARM_START } from './marks'
import { readFile, writeFile } from './opfs'

/** The content key of each data set this tab decoded or restored (see `keyOf`), and its files' size measures. */
const keys = new WeakMap<Dataset, { key: string, measured: MeasuredFile[] }>()

/**
 * The data set without the rows of its big tables, with its summary: what a warm start reads
 * before the first page. Written last, so it also marks a finished save.
 */
export const DATASET_FILE = 'dataset.json'
/** Tables with more rows are saved in a file of their own and parsed only when first read. */
export const LAZY_ROWS = 1000
const rowsFile = (table: string) => `rows-${table}.json`

/** `measured`: the files as the size guard measured them (budget.ts), judged again on each visit. */
interface SavedHead { dataset: Dataset, lazy: string[], summary: DatasetSummary, measured: MeasuredFile[] }

/** The key a data set was loaded under; undefined for data with none (imports), which never starts warm. */
export function keyOf(ds: Dataset): string | undefined {
  return keys.get(ds)?.key
}

/**
 * The big tables' rows, parsed from their saved text the first time anything reads them.
 * The first page reads none of them (it draws from the summary and the saved answers), so a
 * warm start does not spend seconds parsing them; whatever reads them later gets them whole.
 */
function rowsWhenRead(ds: Dataset, table: string, text: string): void {
  const t = ds.tables[table as keyof Dataset['tables']]
  let rows: Dataset['tables'][keyof Dataset['tables']]['rows'] | null = null
  Object.defineProperty(t, 'rows', {
    enumerable: true,
    configurable: true,
    get: () => {
      if (!rows) {
        const start = performance.now()
        rows = JSON.parse(text) as typeof rows
        performance.measure(`duban:rows ${table}`, { start, end: performance.now() })
      }
      return rows
    },
  })
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

async function restore(key: string): Promise<{ dataset: Dataset, summary: DatasetSummary, measured: MeasuredFile[] } | null> {
  const head = await readFile([key], DATASET_FILE)
  if (!head)
    return null
  const saved = JSON.parse(await head.text()) as SavedHead
  // Read (not parsed) now: a file gone missing means a cold load, not a data set short of rows.
  const texts = await Promise.all(saved.lazy.map(async t => (await readFile([key], rowsFile(t)))?.text()))
  if (texts.some(t => t === undefined))
    return null
  saved.lazy.forEach((t, i) => rowsWhenRead(saved.dataset, t, texts[i]!))
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
    const lazy = Object.values(ds.tables).filter(t => t.rows.length > LAZY_ROWS).map(t => t.name)
    for (const t of lazy)
      await writeFile([key], rowsFile(t), JSON.stringify(ds.tables[t].rows))
    const head: SavedHead = {
      dataset: { ...ds, tables: Object.fromEntries(Object.entries(ds.tables).map(([n, t]) => [n, lazy.includes(t.name) ? { ...t, rows: [] } : t])) as Dataset['tables'] },
      lazy,
      summary: summarize(ds),
      measured: keys.get(ds)?.measured ?? [],
    }
    await writeFile([key], DATASET_FILE, JSON.stringify(head))
  })
}
