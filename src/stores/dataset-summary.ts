import type { TableName } from '../domain/contract/tables'
import type { Dataset } from '../ingest/dataset/dataset'
import type { DataSpan } from '../ingest/dataset/span'
import { unitNames } from '../domain/units/split'
import { uncappedSpan } from '../ingest/dataset/span'

/**
 * What the app's frame shows of a data set's rows before any figure: the days it covers, how
 * fresh it is and the values each filter offers. Computed once per data set, and saved with a
 * warm start's data set (warm-start/dataset-cache.ts) so a later visit need not read its logs
 * to draw the first page.
 */
export interface DatasetSummary {
  /** `uncappedSpan`: a warm start does not know the day it will be read (`capSpan` then). */
  span: DataSpan | null
  /** The latest date anywhere in the data. */
  freshness: string | null
  depts: string[]
  bundles: string[]
  regions: string[]
  channels: string[]
}

/**
 * Distinct values of some columns. `split` columns hold 牵头/配合 cells: each of their single
 * units is an option, never the joined cell ("区人社局,区医保局" offers 区人社局 and 区医保局).
 */
function distinct(ds: Dataset, pairs: Array<[TableName, string]>, split: Array<[TableName, string]> = []): string[] {
  const names = new Set<string>()
  for (const [table, col] of pairs) {
    const t = ds.tables[table]
    const i = t.columns.indexOf(col)
    for (const r of t.rows) {
      if (r[i])
        names.add(r[i]!)
    }
  }
  for (const [table, col] of split) {
    const t = ds.tables[table]
    const i = t.columns.indexOf(col)
    for (const r of t.rows) {
      for (const n of unitNames(r[i]))
        names.add(n)
    }
  }
  return [...names].sort((a, b) => a.localeCompare(b, 'zh'))
}

function latestDate(ds: Dataset): string | null {
  let max = ''
  for (const [table, col] of [['evaluations', 'rated_at'], ['applications', 'submitted_at'], ['task_progress', 'report_date']] as Array<[TableName, string]>) {
    const t = ds.tables[table]
    const i = t.columns.indexOf(col)
    for (const r of t.rows) {
      const v = r[i]
      if (v && v > max)
        max = v
    }
  }
  return max ? max.slice(0, 10) : null
}

export function summarize(ds: Dataset): DatasetSummary {
  return {
    span: uncappedSpan(ds),
    freshness: latestDate(ds),
    depts: distinct(ds, [['evaluations', 'dept'], ['applications', 'dept']], [['tasks', 'lead_dept'], ['tasks', 'resp_depts'], ['bundles', 'lead_dept']]),
    bundles: distinct(ds, [['bundles', 'bundle_name'], ['reform_baselines', 'bundle_name'], ['applications', 'bundle_name']]),
    regions: distinct(ds, [['applications', 'region']]),
    channels: distinct(ds, [['applications', 'channel']]),
  }
}
