// The validation report of files read but not yet loaded: their tables, and their problems
// as they would be beside the files already stored (duplicates, dangling references).

import type { Dataset } from '../../ingest/dataset/dataset'
import type { FileImport, GridReport } from '../../ingest/import/types'
import type { LoadIssue } from '../../ingest/table/issues'
import { datasetOf } from '../../ingest/import/assemble'

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

/** Issues belonging to a file: its own, its sheets' ("a.xlsx [表]") and a zip's entries ("a.zip/x.csv"). */
function belongsTo(issueFile: string, fileName: string): boolean {
  return issueFile === fileName || issueFile.startsWith(`${fileName} [`) || issueFile.startsWith(`${fileName}/`)
}

export function validationReport(earlier: FileImport[], files: FileImport[]): ValidationReport {
  const dataset = datasetOf([...earlier, ...files])
  const issues = dataset.issues.filter(i => files.some(f => belongsTo(i.file, f.name)))
  const dropped = issues.filter(i => (i.code === 'duplicate_id' || i.code === 'dangling_ref') && i.severity === 'error').length
  const grids = files.flatMap(f => f.grids.map(g => ({ ...g, fileSize: f.size })))
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
}
