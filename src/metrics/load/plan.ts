// Which files the engine may read and check itself. The decision is taken on a sample (the
// header and the first rows), by the JavaScript reader itself: if loadGrid would read the
// sample as a plain log — header on row 1, every column one of the table's, no layout rows —
// the SQL check gives the same answer for the whole file. Anything else (a title above the
// header, a merged or unknown column, an evaluations file carrying rectification columns,
// Excel, Word, GBK text, a --table choice) stays on the JavaScript path.

import type { ColumnSpec, TableName } from '../../domain/contract/tables'
import type { GridSource, TableLoadResult } from '../../ingest/table/table'
import { TABLE_BY_NAME } from '../../domain/contract/tables'
import { mapHeaders } from '../../ingest/table/headers'
import { loadGrid } from '../../ingest/table/table'

/** The log tables: the ones that reach a million rows and are worth a second reader. */
export const LOG_TABLES = ['applications', 'evaluations', 'rectifications'] as const
export type LogTable = typeof LOG_TABLES[number]

export function isLogTable(t: TableName | null | undefined): t is LogTable {
  return (LOG_TABLES as readonly string[]).includes(t ?? '')
}

export interface LogFilePlan {
  table: LogTable
  /** The header cells as written: issues name their column with them. */
  headers: string[]
  /** The contract column of each source column. */
  columns: ColumnSpec[]
  recognisedBy: TableLoadResult['recognisedBy']
  labels?: string[]
}

/** The plan for a file whose sample reads as a plain log, else null (the JavaScript path). */
export function planLogFile(sample: GridSource): LogFilePlan | null {
  if ((sample.headerIndex ?? 0) !== 0 || (sample.headerTop ?? 0) !== 0 || (sample.firstRowNumber ?? 1) !== 1 || sample.table || sample.columnMap)
    return null
  const result = loadGrid(sample)
  // Blank rows are skipped alike on both paths; any other skipped row is layout the engine does not judge.
  if (!isLogTable(result.table) || result.tables.length !== 1 || Object.keys(result.skipped ?? {}).some(k => k !== 'blank'))
    return null
  if (result.issues.some(i => !['bad_date', 'bad_datetime', 'bad_number', 'bad_level', 'bad_bool', 'bad_verdict', 'bad_status', 'required_empty', 'empty_file'].includes(i.code)))
    return null
  const spec = TABLE_BY_NAME[result.table]
  const headers = (sample.grid[0] ?? []).map(v => (v === null || v === undefined ? '' : String(v)))
  const mapping = mapHeaders(headers, spec)
  if (mapping.columns.some(c => c === null) || mapping.duplicates.length > 0 || mapping.missingRequired.length > 0)
    return null
  const byName = new Map(spec.columns.map(c => [c.name, c]))
  return {
    table: result.table,
    headers,
    columns: mapping.columns.map(n => byName.get(n!)!),
    recognisedBy: result.recognisedBy,
    ...(result.labels ? { labels: result.labels } : {}),
  }
}
