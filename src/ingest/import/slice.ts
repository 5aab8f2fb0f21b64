// Two workers may read one large Parquet file side by side, each a part of its row groups
// (table/parquet.ts: sliceRows). Joined, the parts must be exactly what one reading gives:
// the same rows, issues, counts and report. Where the parts alone cannot tell (a note above
// the cut, a row judged by the sums of every row above it, values filled down from above,
// samples that would reach past the cut), joinSlices gives null and the file is read whole.

import type { LoadIssue } from '../table/issues'
import type { TableLoadResult, TableRows } from '../table/table'
import type { FileImport, GridReport } from './types'
import { addSkipped, skippedTotal } from '../table/layout-rows'
import { carriesAcrossRows } from '../table/table'
import { inSlices, MAX_ISSUES_PER_TABLE } from './run'

/** The rows a report shows as samples (run.ts: samplesOf). */
const SAMPLES = 5

/** Issues about the header or the whole table, which each part finds again. */
const TABLE_LEVEL = new Set<LoadIssue['code']>(['empty_file', 'duplicate_header'])

function records(r: TableLoadResult): number {
  return r.goodRows + r.badRows
}

/** Both parts' slices of each table as one reading slices them (the first part's tables first). */
function joinTables(a: TableRows[], b: TableRows[]): TableRows[] {
  const byName = new Map<string, TableRows>()
  for (const t of [...a, ...b]) {
    const into = byName.get(t.name)
    if (into) {
      for (const row of t.rows)
        into.rows.push(row)
    }
    else {
      byName.set(t.name, { ...t, rows: [...t.rows] })
    }
  }
  return inSlices([...byName.values()])
}

/** Part 0 and part 1 of one file (InputFile.slice) as one reading of it, or null when that is not certain. */
export function joinSlices(a: FileImport, b: FileImport): FileImport | null {
  const { slice: endA, ...whole } = a
  const endB = b.slice
  if (endA?.part !== 0 || endB?.part !== 1)
    return null
  const gb = b.grids[0]
  // Part 1 read no row of its own: not a Parquet file, or every row group fell in part 0.
  if (!gb || (gb.goodRows + gb.badRows === 0 && skippedTotal(gb.skippedRows) === 0))
    return whole
  if (a.grids.length !== 1 || b.grids.length !== 1 || a.loaded.length !== 1 || b.loaded.length !== 1)
    return null
  const ga = a.grids[0]!
  const ra = a.loaded[0]!.result
  const rb = b.loaded[0]!.result
  // Skipped by choice, or refused by its header: the same in both parts.
  if (ga.skipped || ra.tables.length === 0)
    return whole
  if (endA.underNote || endB.sumsRead || (ra.table && carriesAcrossRows(ra.table)) || ga.samples.length < SAMPLES)
    return null

  const empty = records(ra) + records(rb) === 0
  const emptyIssue = ra.issues.find(i => i.code === 'empty_file')
  const fromA = ra.issues.filter(i => i.code !== 'empty_file')
  const fromB = rb.issues.filter(i => !TABLE_LEVEL.has(i.code))
  const issues = [...fromA, ...fromB]
  if (empty && emptyIssue)
    issues.push(emptyIssue)
  const dropped = (ra.issues.length - fromA.length) + (rb.issues.length - fromB.length)
  // A's blank rows at its end were followed by B's rows: separators, as one reading counts them.
  const skipped = addSkipped(addSkipped({}, ra.skipped), rb.skipped)
  if (endA.trailingBlanks > 0)
    skipped.blank = (skipped.blank ?? 0) + endA.trailingBlanks
  const first = ra.dataRows?.first ?? rb.dataRows?.first
  const last = rb.dataRows?.last ?? ra.dataRows?.last
  const dataRows = first !== undefined && last !== undefined ? { first, last } : undefined
  const goodRows = ra.goodRows + rb.goodRows
  const badRows = ra.badRows + rb.badRows
  const { skipped: _a, dataRows: _b, ...restA } = ra
  const result: TableLoadResult = {
    ...restA,
    tables: joinTables(ra.tables, rb.tables),
    issues: issues.slice(0, MAX_ISSUES_PER_TABLE),
    goodRows,
    badRows,
    ...(skippedTotal(skipped) > 0 ? { skipped } : {}),
    ...(dataRows ? { dataRows } : {}),
  }
  const { skippedRows: _c, dataRows: _d, ...restGrid } = ga
  const grid: GridReport = {
    ...restGrid,
    goodRows,
    badRows,
    errors: ga.errors + gb.errors,
    // Only warnings are table-level: each part's are dropped, one reading's put back.
    warnings: ga.warnings + gb.warnings - dropped + (empty && emptyIssue ? 1 : 0),
    ...(skippedTotal(skipped) > 0 ? { skippedRows: skipped } : {}),
    ...(dataRows ? { dataRows } : {}),
  }
  return { ...whole, grids: [grid], loaded: [{ file: a.loaded[0]!.file, result }] }
}
