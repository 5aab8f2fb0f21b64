// Reading a log file into the engine as text, one column c0… per source column, in file order
// (the staged table's rowid is the record's position: row = rowid + 2 under a one-row header).

import type { Db } from '../db/types'
import type { LogFilePlan } from './plan'
import { fastSql } from './cells'

export interface StageSource {
  format: 'csv' | 'parquet'
  /** The file as the engine opens it: a path on disk (native) or a registered name (WASM). */
  path: string
}

function literal(s: string): string {
  return `'${s.replace(/'/g, '\'\'')}'`
}

/**
 * A Parquet column as the JavaScript reader (hyparquet, parquet.ts) turns it into text, or null
 * where the two could differ (UTC instants shown in China time, floats, decimals, nesting).
 */
function parquetText(name: string, type: string | null, converted: string | null, logical: string | null): string | null {
  const col = `"${name.replace(/"/g, '""')}"`
  if (type === 'BYTE_ARRAY' && (converted === 'UTF8' || /^StringType/.test(logical ?? '')))
    return col
  // Integers (plain or annotated INT_32, UINT_16…) print alike in JavaScript and DuckDB.
  if ((type === 'INT32' || type === 'INT64') && (converted === null || /^U?INT_(?:8|16|32|64)$/.test(converted)) && (logical === null || /^IntType/.test(logical)))
    return `CAST(${col} AS VARCHAR)`
  if (type === 'BOOLEAN' && converted === null)
    return `CAST(${col} AS VARCHAR)`
  if (type === 'INT32' && converted === 'DATE')
    return `strftime(${col}, '%Y-%m-%d')`
  if (type === 'INT64' && /^TimestampType\(isAdjustedToUTC=0/.test(logical ?? ''))
    return `strftime(${col}, '%Y-%m-%d %H:%M:%S')`
  return null
}

/** Each top-level column of a Parquet file with its text expression; null when one has none. */
export async function parquetColumns(db: Db, path: string): Promise<Array<{ name: string, expr: string }> | null> {
  const rows = await db.query(`SELECT name, type, converted_type, logical_type, num_children FROM parquet_schema(${literal(path)})`)
  const out: Array<{ name: string, expr: string }> = []
  for (const r of rows.slice(1)) {
    const expr = r.num_children ? null : parquetText(String(r.name), r.type as string | null, r.converted_type as string | null, r.logical_type as string | null)
    if (expr === null)
      return null
    out.push({ name: String(r.name), expr })
  }
  return out
}

/** The header and first rows of a Parquet file as the JavaScript reader's grid, for planLogFile. */
export async function parquetSample(db: Db, path: string, rows = 50): Promise<Array<Array<string | null>> | null> {
  const cols = await parquetColumns(db, path)
  if (!cols)
    return null
  const sample = await db.query(`SELECT ${cols.map((c, i) => `${c.expr} AS c${i}`).join(', ')} FROM read_parquet(${literal(path)}) LIMIT ${rows}`)
  return [cols.map(c => c.name), ...sample.map(r => cols.map((_, i) => (r[`c${i}`] === null ? null : String(r[`c${i}`]))))]
}

/**
 * Creates `table` with the file's cells as text and each cell's fast-path flag (f0…). Throws
 * when the engine cannot read the file as planned (a ragged CSV row, a changed schema).
 */
export async function stageFile(db: Db, table: string, src: StageSource, plan: LogFilePlan): Promise<void> {
  const n = plan.columns.length
  // Never NULL: a missing cell's flag is false, so the gate's count of filled cells and every
  // NOT f… stay two-valued (a NULL there once let a lone heading through as a record).
  const flags = plan.columns.map((c, i) => `coalesce(${fastSql(`c${i}`, c.kind)}, false) AS f${i}`).join(', ')
  const cells = Array.from({ length: n }, (_, i) => `c${i}`).join(', ')
  let from: string
  if (src.format === 'csv') {
    const columns = Array.from({ length: n }, (_, i) => `'c${i}': 'VARCHAR'`).join(', ')
    from = `read_csv(${literal(src.path)}, header = true, auto_detect = false, delim = ',', quote = '"', escape = '"', strict_mode = true, null_padding = false, columns = {${columns}})`
  }
  else {
    const cols = await parquetColumns(db, src.path)
    if (!cols || cols.length !== n)
      throw new Error('the Parquet schema changed since it was planned')
    from = `(SELECT ${cols.map((c, i) => `${c.expr} AS c${i}`).join(', ')} FROM read_parquet(${literal(src.path)}))`
  }
  await db.exec(`CREATE OR REPLACE TEMP TABLE ${table} AS SELECT ${cells}, ${flags} FROM ${from}`)
}
