// Reading a log file into the engine as text, one column c0… per source column, in file order
// (the staged table's rowid is the record's position: row = rowid + 2 under a one-row header).

import type { Db } from '../db/types'
import type { ColumnKind } from '../../domain/contract/tables'
import type { LogFilePlan } from './plan'
import { blankSql, fastSql } from './cells'

export interface StageSource {
  format: 'csv' | 'parquet'
  /** The file as the engine opens it: a path on disk (native) or a registered name (WASM). */
  path: string
}

function literal(s: string): string {
  return `'${s.replace(/'/g, '\'\'')}'`
}

/** A typed Parquet column whose every in-range value prints in its kind's canonical form. */
type Typed = 'timestamp' | 'date' | 'int32' | 'int64'

interface ParquetColumn {
  name: string
  /** The name as an SQL identifier. */
  ident: string
  /** The column's text as the JavaScript reader (hyparquet, parquet.ts) gives it, from a reference to its value. */
  text: (ref: string) => string
  typed: Typed | null
}

/**
 * A Parquet column as the JavaScript reader turns it into text, or null where the two could
 * differ (UTC instants shown in China time, floats, decimals, nesting).
 */
function parquetColumn(name: string, type: string | null, converted: string | null, logical: string | null): ParquetColumn | null {
  const ident = `"${name.replace(/"/g, '""')}"`
  const column = (text: (ref: string) => string, typed: Typed | null): ParquetColumn => ({ name, ident, text, typed })
  if (type === 'BYTE_ARRAY' && (converted === 'UTF8' || /^StringType/.test(logical ?? '')))
    return column(ref => ref, null)
  // Integers (plain or annotated INT_32, UINT_16…) print alike in JavaScript and DuckDB.
  if ((type === 'INT32' || type === 'INT64') && (converted === null || /^U?INT_(?:8|16|32|64)$/.test(converted)) && (logical === null || /^IntType/.test(logical)))
    return column(ref => `CAST(${ref} AS VARCHAR)`, type === 'INT32' ? 'int32' : 'int64')
  if (type === 'BOOLEAN' && converted === null)
    return column(ref => `CAST(${ref} AS VARCHAR)`, null)
  if (type === 'INT32' && converted === 'DATE')
    return column(ref => `strftime(${ref}, '%Y-%m-%d')`, 'date')
  if (type === 'INT64' && /^TimestampType\(isAdjustedToUTC=0/.test(logical ?? ''))
    return column(ref => `strftime(${ref}, '%Y-%m-%d %H:%M:%S')`, 'timestamp')
  return null
}

/**
 * fastSql of a typed column's text, read from the typed value instead of matching the text:
 * a timestamp or date of a four-digit year prints canonically, and so does an integer of up
 * to nine digits (fastSql's bound). Null where the column's kind asks for another form (then
 * the text is matched).
 */
function typedFastSql(col: string, typed: Typed, kind: ColumnKind): string | null {
  if (typed === 'timestamp' && kind === 'datetime')
    return `coalesce(${col} BETWEEN TIMESTAMP '1000-01-01 00:00:00' AND TIMESTAMP '9999-12-31 23:59:59', false)`
  if (typed === 'date' && kind === 'date')
    return `coalesce(${col} BETWEEN DATE '1000-01-01' AND DATE '9999-12-31', false)`
  if ((typed === 'int32' || typed === 'int64') && kind === 'int')
    return `coalesce(${col} BETWEEN -999999999 AND 999999999, false)`
  return null
}

/** Each top-level column of a Parquet file with its text expression; null when one has none. */
async function parquetColumns(db: Db, path: string): Promise<ParquetColumn[] | null> {
  const rows = await db.query(`SELECT name, type, converted_type, logical_type, num_children FROM parquet_schema(${literal(path)})`)
  const out: ParquetColumn[] = []
  for (const r of rows.slice(1)) {
    const col = r.num_children ? null : parquetColumn(String(r.name), r.type as string | null, r.converted_type as string | null, r.logical_type as string | null)
    if (col === null)
      return null
    out.push(col)
  }
  return out
}

/** The header and first rows of a Parquet file as the JavaScript reader's grid, for planLogFile. */
export async function parquetSample(db: Db, path: string, rows = 50): Promise<Array<Array<string | null>> | null> {
  const cols = await parquetColumns(db, path)
  if (!cols)
    return null
  const sample = await db.query(`SELECT ${cols.map((c, i) => `${c.text(c.ident)} AS c${i}`).join(', ')} FROM read_parquet(${literal(path)}) LIMIT ${rows}`)
  return [cols.map(c => c.name), ...sample.map(r => cols.map((_, i) => (r[`c${i}`] === null ? null : String(r[`c${i}`]))))]
}

/**
 * How the checks read a staged table's cells. A CSV's cells and a Parquet file's text are
 * staged as text; a typed Parquet column whose kind reads its fast path off the value (a
 * datetime, a date, an integer) is staged as that value, and printed only where a check needs
 * its text — on the rows off the fast path, which are few — so a million timestamps are never
 * printed and parsed back.
 */
export interface StagedColumns {
  /** Column i's text as the JavaScript reader gives it, from its staged cell `ref` (c<i> by default). */
  text: (i: number, ref?: string) => string
  /** SQL true where column i's cell is blank as loadGrid sees it. */
  blank: (i: number, ref?: string) => string
  /** Column i's value where its fast-path flag is set: its text, or the typed value as that text reads. */
  fastValue: (i: number, ref: string) => string
}

/** A table staged wholly as text (a CSV's cells). */
export const TEXT_COLUMNS: StagedColumns = {
  text: (i, ref = `c${i}`) => ref,
  blank: (i, ref = `c${i}`) => blankSql(ref),
  fastValue: (_, ref) => ref,
}

/**
 * Creates `table` with the file's cells (c0…) and each cell's fast-path flag (f0…). Throws
 * when the engine cannot read the file as planned (a ragged CSV row, a changed schema).
 */
export async function stageFile(db: Db, table: string, src: StageSource, plan: LogFilePlan): Promise<StagedColumns> {
  const n = plan.columns.length
  // Never NULL: a missing cell's flag is false, so the gate's count of filled cells and every
  // NOT f… stay two-valued (a NULL there once let a lone heading through as a record).
  const textFlag = (i: number) => `coalesce(${fastSql(`c${i}`, plan.columns[i]!.kind)}, false)`
  const cells = Array.from({ length: n }, (_, i) => `c${i}`).join(', ')
  if (src.format === 'csv') {
    const columns = Array.from({ length: n }, (_, i) => `'c${i}': 'VARCHAR'`).join(', ')
    const from = `read_csv(${literal(src.path)}, header = true, auto_detect = false, delim = ',', quote = '"', escape = '"', strict_mode = true, null_padding = false, columns = {${columns}})`
    await db.exec(`CREATE OR REPLACE TEMP TABLE ${table} AS SELECT ${cells}, ${plan.columns.map((_, i) => `${textFlag(i)} AS f${i}`).join(', ')} FROM ${from}`)
    return TEXT_COLUMNS
  }
  const cols = await parquetColumns(db, src.path)
  if (!cols || cols.length !== n)
    throw new Error('the Parquet schema changed since it was planned')
  // A typed column's flag comes from its value (t…): matching the printed text costs more.
  const typed = cols.map((c, i) => (c.typed ? typedFastSql(c.ident, c.typed, plan.columns[i]!.kind) : null))
  const inner = cols.map((c, i) => (typed[i] ? `${c.ident} AS c${i}, ${typed[i]} AS t${i}` : `${c.text(c.ident)} AS c${i}`)).join(', ')
  const flags = typed.map((t, i) => `${t ? `t${i}` : textFlag(i)} AS f${i}`).join(', ')
  await db.exec(`CREATE OR REPLACE TEMP TABLE ${table} AS SELECT ${cells}, ${flags} FROM (SELECT ${inner} FROM read_parquet(${literal(src.path)}))`)
  // A typed value prints as text that is never blank.
  return {
    text: (i, ref = `c${i}`) => (typed[i] ? cols[i]!.text(ref) : ref),
    blank: (i, ref = `c${i}`) => (typed[i] ? `(${ref} IS NULL)` : blankSql(ref)),
    // The text shows whole seconds: so does the value.
    fastValue: (i, ref) => (typed[i] && cols[i]!.typed === 'timestamp' ? `date_trunc('second', ${ref})` : ref),
  }
}
