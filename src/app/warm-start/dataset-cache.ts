import type { Dataset } from '../../ingest/dataset/dataset'
import { dataKey } from './key'
import { markStart, WARM_START } from './marks'
import { readFile, writeFile } from './opfs'

/** The content key of each data set this tab decoded or restored (see `keyOf`). */
const keys = new WeakMap<Dataset, string>()

export const DATASET_FILE = 'dataset.json'

/** The key a data set was loaded under; undefined for data with none (imports), which never starts warm. */
export function keyOf(ds: Dataset): string | undefined {
  return keys.get(ds)
}

/**
 * The data set saved from these very files on an earlier visit, already decoded and checked
 * (its issues included), or null. Either way the returned key is remembered with the data set
 * the caller ends up with (`remember`), so its engine tables can be saved and found again.
 */
export async function savedDataset(files: ReadonlyArray<{ name: string, bytes: Uint8Array }>, meta: unknown): Promise<{ key: string | null, dataset: Dataset | null }> {
  if (!WARM_START)
    return { key: null, dataset: null }
  try {
    const key = await dataKey(files, meta)
    const file = await readFile([key], DATASET_FILE)
    const dataset = file ? JSON.parse(await file.text()) as Dataset : null
    if (dataset)
      keys.set(dataset, key)
    markStart('dataset', dataset ? 'restored' : 'decoded')
    return { key, dataset }
  }
  catch {
    return { key: null, dataset: null }
  }
}

export function remember(ds: Dataset, key: string | null): void {
  if (key)
    keys.set(ds, key)
}

/** Saves the decoded data set once per key (its tables are saved per settings beside it). */
export async function saveDataset(key: string, ds: Dataset): Promise<void> {
  if (!(await readFile([key], DATASET_FILE)))
    await writeFile([key], DATASET_FILE, JSON.stringify(ds))
}
