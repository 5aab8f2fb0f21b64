import type { Dataset } from '../../ingest/dataset/dataset'
import type { DatasetSummary } from '../../stores/dataset-summary'
import type { MeasuredFile } from '../budget'
import { summarize } from '../../stores/dataset-summary'

/** Tables with more rows are saved in a file of their own and parsed only when first read. */
export const LAZY_ROWS = 1000

/** The tables of `ds` whose rows are saved in a file of their own. */
export function lazyTables(ds: Dataset): Array<keyof Dataset['tables']> {
  return Object.values(ds.tables).filter(t => t.rows.length > LAZY_ROWS).map(t => t.name)
}

/** `measured`: the files as the size guard measured them (budget.ts), judged again on each visit. */
export interface SavedHead { dataset: Dataset, lazy: string[], summary: DatasetSummary, measured: MeasuredFile[] }

/** What a warm start (and the build's first page, prerender/) reads before the first page: the data set without its big tables' rows. */
export function headOf(ds: Dataset, measured: MeasuredFile[]): SavedHead {
  const lazy = lazyTables(ds)
  return {
    dataset: { ...ds, tables: Object.fromEntries(Object.entries(ds.tables).map(([n, t]) => [n, lazy.includes(t.name) ? { ...t, rows: [] } : t])) as Dataset['tables'] },
    lazy,
    summary: summarize(ds),
    measured,
  }
}
