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

/** Plans in order, later ones winning field by field; undefined when there is none. */
export function mergePlans(...plans: Array<Dataset['plan']>): Dataset['plan'] {
  let out: Dataset['plan']
  for (const p of plans) {
    if (p)
      out = { ...out, ...p }
  }
  return out
}

/**
 * The data set of several imported files (earlier files first: their rows win duplicate ids).
 * `plan` is metadata found beside the files (plan.json, dataset.json): it wins over theirs.
 * Files in `leaveOut` give their plan but no rows.
 */
export function datasetOf(files: FileImport[], plan?: Dataset['plan'], leaveOut: ReadonlySet<string> = new Set()): Dataset {
  return assembleDataset(files.filter(f => !leaveOut.has(f.name)).flatMap(f => f.loaded), mergePlans(...files.map(f => f.plan), plan))
}

/**
 * The review date an imported data set opens at: its data's last day (dataSpan: its latest
 * event), never after `today`. Files carry no review
 * date, and "today" months after an export would light every task red.
 */
export function inferAsOf(ds: Dataset, today: string): string | null {
  return dataSpan(ds, today)?.last ?? null
}
