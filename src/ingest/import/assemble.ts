// Kept apart from the readers so that the app's main bundle can assemble and describe
// imported files without pulling in the Excel, Word, zip and Parquet code.

import type { Dataset } from '../dataset/dataset'
import type { FileImport, MappingChoice } from './types'
import { assembleDataset } from '../dataset/dataset'
import { dataSpan } from '../dataset/span'

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

/**
 * The review date an imported data set opens at: its data's last day (dataSpan: its latest
 * event), never after `today`. Files carry no review
 * date, and "today" months after an export would light every task red.
 */
export function inferAsOf(ds: Dataset, today: string): string | null {
  return dataSpan(ds, today)?.last ?? null
}
