import type { TableName } from '../domain/contract/tables'
import type { Dataset } from '../ingest/dataset/dataset'
import type { DataSpan } from '../ingest/dataset/span'
import { unitNames } from '../domain/units/split'
import { dataSpan } from '../ingest/dataset/span'

/**
 * What the app's frame shows of a data set's rows before any figure: the days it covers, how
 * fresh it is and the values each filter offers. Computed once per data set, and saved with a
 * warm start's data set (warm-start/dataset-cache.ts) so a later visit need not read its logs
 * to draw the first page.
 */
export interface DatasetSummary {
  /** `dataSpan` before the cap at today (see `spanOn`). */
  span: DataSpan | null
  /** The latest date anywhere in the data. */
  freshness: string | null
  depts: string[]
  bundles: string[]
  regions: string[]
  channels: string[]
}

/** After every date `dataSpan` can return: no cap at all. */
const NO_CAP = '9999-12-31'

/** `dataSpan(ds, today)`, from the summary: the same days, capped at today the same way. */
export function spanOn(s: DatasetSummary, today: string): DataSpan | null {
  if (!s.span)
    return null
  const last = s.span.last > today ? today : s.span.last
  return { first: s.span.first < last ? s.span.first : last, last }
}

/** `planYearFallback(ds, today)`, from the summary. */
export function planYearOn(s: DatasetSummary, today: string): number {
  return Number((spanOn(s, today)?.last ?? today).slice(0, 4))
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
    span: dataSpan(ds, NO_CAP),
    freshness: latestDate(ds),
    depts: distinct(ds, [['evaluations', 'dept'], ['applications', 'dept']], [['tasks', 'lead_dept'], ['tasks', 'resp_depts'], ['bundles', 'lead_dept']]),
    bundles: distinct(ds, [['bundles', 'bundle_name'], ['reform_baselines', 'bundle_name'], ['applications', 'bundle_name']]),
    regions: distinct(ds, [['applications', 'region']]),
    channels: distinct(ds, [['applications', 'channel']]),
  }
}
