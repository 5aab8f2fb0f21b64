// Kept apart from the readers so that the app's main bundle can assemble and describe
// imported files without pulling in the Excel, Word, zip and Parquet code.

import type { Dataset } from '../load/dataset'
import type { FileImport, MappingChoice } from './types'
import { assembleDataset } from '../load/dataset'

/** The choices that decided each table of an import, to store with the file and replay on restore. */
export function effectiveChoices(f: FileImport): Record<string, MappingChoice> {
  const out: Record<string, MappingChoice> = {}
  for (const g of f.grids) {
    if (g.choice)
      out[g.key] = g.choice
  }
  return out
}

/** The data set of several imported files (earlier files first: their rows win duplicate ids). */
export function datasetOf(files: FileImport[]): Dataset {
  let plan: Dataset['plan']
  for (const f of files) {
    if (f.plan)
      plan = { ...plan, ...f.plan }
  }
  return assembleDataset(files.flatMap(f => f.loaded), plan)
}

/** Event columns whose latest value says how far an imported data set reaches. */
const EVENT_COLUMNS: Array<[keyof Dataset['tables'], string[]]> = [
  ['applications', ['submitted_at', 'accepted_at', 'completed_at', 'delivered_at']],
  ['evaluations', ['rated_at']],
  ['rectifications', ['contacted_at', 'rectified_at', 'closed_at']],
  ['task_progress', ['report_date', 'done_date']],
]

/**
 * The review date an imported data set opens at: its latest event, never after `today`.
 * Files carry no review date, and "today" months after an export would light every task
 * red; the year also dates 完成时限 such as "10月底前" in plans without a 年度 column.
 */
export function inferAsOf(ds: Dataset, today: string): string | null {
  let latest: string | null = null
  for (const [table, cols] of EVENT_COLUMNS) {
    const t = ds.tables[table]
    for (const c of cols) {
      const i = t.columns.indexOf(c)
      if (i < 0)
        continue
      for (const row of t.rows) {
        const v = row[i]
        if (v && (latest === null || v > latest))
          latest = v
      }
    }
  }
  // A plan alone (no events yet) is reviewed within its own year.
  const day = latest?.slice(0, 10) ?? (ds.plan?.plan_year ? `${ds.plan.plan_year}-12-31` : null)
  if (day === null)
    return null
  return day < today ? day : today
}
