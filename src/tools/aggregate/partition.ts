// `duban aggregate`, the DuckDB part: native DuckDB reads a raw data folder's Parquet (any
// size: it streams and spills to disk) and writes one folder per review month that the
// dashboard and `duban metrics` load like any data folder:
//   OUT/<YYYY-MM>/  the plan lists, baselines, progress and calendar adjustments whole;
//                   applications submitted and evaluations rated in that month and the month
//                   before (for month-on-month changes); the rectifications of those
//                   evaluations; the earlier applications those evaluations rate; dataset.json.
//   OUT/index.json  the months with their rows and bytes.
// Rows are copied, never changed, so every figure of a review of that month (month filter
// set) equals the raw data's: the metric SQL reads only rows of the review month (and the
// month before, for the changes) besides the small tables, which are whole.
// Each large table is read once into month partitions (OUT/.staging), then each month folder
// is put together from two partitions: the cost grows with the rows, not rows × months.

import type { DuckDBConnection } from '@duckdb/node-api'
import type { TableName } from '../../domain/contract/tables'
import type { TableSources } from './sources'
import { existsSync } from 'node:fs'
import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { DuckDBInstance } from '@duckdb/node-api'
import { TABLE_BY_NAME } from '../../domain/contract/tables'
import { lastDayOfMonth, previousMonth } from '../../domain/dates'
import { mapHeaders } from '../../ingest/table/headers'

/** Tables split by month, and the column that dates a row. */
const DATED: Partial<Record<TableName, string>> = {
  applications: 'submitted_at',
  evaluations: 'rated_at',
}

export interface AggregateOptions {
  out: string
  /** Only these months (YYYY-MM); default every month with applications or evaluations. */
  months?: string[]
  /** Also split each month's applications into one file per region (the loader reads them all). */
  byRegion?: boolean
  threads?: number
  /** DuckDB's memory limit, e.g. '8GB'; beyond it DuckDB spills to OUT/.staging. */
  memoryLimit?: string
  log?: (s: string) => void
}

export interface MonthFolder {
  month: string
  dir: string
  rows: Partial<Record<TableName, number>>
  bytes: number
}

export interface AggregateResult {
  months: MonthFolder[]
  sourceRows: Partial<Record<TableName, number>>
  /** Dated rows whose month could not be read (an empty or unreadable date): in no folder. */
  undated: Partial<Record<TableName, number>>
  seconds: number
}

const q = (s: string) => `'${s.replace(/'/g, '\'\'')}'`
const ident = (s: string) => `"${s.replace(/"/g, '""')}"`

/** Our own intermediate and output files: exactly their columns. */
function scan(files: string[]): string {
  return `read_parquet([${files.map(q).join(', ')}], union_by_name = true, hive_partitioning = false)`
}

/**
 * The raw files: partitions written at different times may order or add columns differently
 * (union_by_name), and a column a data lake moved into the folder names (region=沈阳市) is
 * read back from them, as text.
 */
function scanSource(files: string[]): string {
  return `read_parquet([${files.map(q).join(', ')}], union_by_name = true, hive_partitioning = true, hive_types_autocast = false)`
}

async function columnsOf(conn: DuckDBConnection, files: string[]): Promise<Array<{ name: string, type: string }>> {
  const r = await conn.runAndReadAll(`DESCRIBE SELECT * FROM ${scanSource(files)}`)
  return r.getRowObjectsJS().map(x => ({ name: String(x.column_name), type: String(x.column_type) }))
}

/** The source column holding a canonical column, found as the loader finds it (aliases, Chinese headers). */
function sourceColumn(table: TableName, cols: Array<{ name: string }>, canonical: string): string | null {
  const m = mapHeaders(cols.map(c => c.name), TABLE_BY_NAME[table])
  const i = m.columns.indexOf(canonical)
  return i >= 0 ? cols[i]!.name : null
}

/**
 * SQL for the China-time month ('YYYY-MM') of a date-time column, whatever its storage: naive
 * TIMESTAMP and DATE as written, TIMESTAMP WITH TIME ZONE in China time (as the loader shows
 * it), text by its leading year and month (2024-10-31, 2024/10/31, 2024年10月31日) unless it
 * carries an offset, which makes it an instant.
 */
export function monthExpr(col: string, type: string): string {
  const c = ident(col)
  if (/WITH TIME ZONE/i.test(type))
    return `strftime(timezone('Asia/Shanghai', ${c}), '%Y-%m')`
  if (/^(?:TIMESTAMP|DATE)/i.test(type))
    return `strftime(${c}, '%Y-%m')`
  const text = `trim(CAST(${c} AS VARCHAR))`
  return `CASE WHEN regexp_matches(${text}, '(?:[zZ]|[+-]\\d{2}:?\\d{2})$') THEN strftime(timezone('Asia/Shanghai', TRY_CAST(${text} AS TIMESTAMPTZ)), '%Y-%m')
    ELSE nullif(concat_ws('-', regexp_extract(${text}, '^(\\d{4})', 1), lpad(regexp_extract(${text}, '^\\d{4}\\D{1,2}(\\d{1,2})', 1), 2, '0')), '-00') END`
}

async function copy(conn: DuckDBConnection, select: string, file: string): Promise<number> {
  // Snappy: the one codec the browser's Parquet reader (hyparquet) reads without add-ons.
  const r = await conn.runAndReadAll(`COPY (${select}) TO ${q(file)} (FORMAT parquet, COMPRESSION snappy, ROW_GROUP_SIZE 100000)`)
  const row = r.getRowObjectsJS()[0] ?? {}
  return Number(Object.values(row)[0] ?? 0)
}

/** COPY into hive partitions `dir/<key>=<value>/…parquet`; the rows written. */
async function copyPartitioned(conn: DuckDBConnection, select: string, dir: string, key: string): Promise<number> {
  const r = await conn.runAndReadAll(`COPY (${select}) TO ${q(dir)} (FORMAT parquet, COMPRESSION snappy, PARTITION_BY (${ident(key)}), OVERWRITE_OR_IGNORE true)`)
  const row = r.getRowObjectsJS()[0] ?? {}
  return Number(Object.values(row)[0] ?? 0)
}

/** The partitions written by copyPartitioned, with the key read back as text. */
function partitions(dir: string, key: string): string {
  return `read_parquet(${q(join(dir, '*', '*.parquet'))}, hive_partitioning = true, hive_types = {${q(key)}: VARCHAR})`
}

async function readMeta(root: string): Promise<Record<string, unknown>> {
  for (const name of ['dataset.json', 'plan.json']) {
    try {
      return JSON.parse(await readFile(join(root, name), 'utf8')) as Record<string, unknown>
    }
    catch {
      // Absent or unreadable: try the next, else no metadata.
    }
  }
  return {}
}

/** Parquet files of one hive partition value written by PARTITION_BY, if any. */
async function partitionFiles(dir: string, key: string, value: string): Promise<string[]> {
  const p = join(dir, `${key}=${value}`)
  if (!existsSync(p))
    return []
  return (await readdir(p)).filter(f => f.endsWith('.parquet')).sort().map(f => join(p, f))
}

/** Splits `sources` (found under `root`) into month folders under `o.out`. */
export async function aggregate(root: string, sources: TableSources[], o: AggregateOptions): Promise<AggregateResult> {
  const started = performance.now()
  const log = o.log ?? (() => {})
  const staging = join(o.out, '.staging')
  await rm(staging, { recursive: true, force: true })
  await mkdir(staging, { recursive: true })
  const instance = await DuckDBInstance.create(':memory:')
  const conn = await instance.connect()
  try {
    if (o.threads)
      await conn.run(`SET threads = ${Math.max(1, Math.floor(o.threads))}`)
    if (o.memoryLimit)
      await conn.run(`SET memory_limit = ${q(o.memoryLimit)}`)
    await conn.run(`SET temp_directory = ${q(join(staging, 'spill'))}`)
    const by = new Map(sources.map(s => [s.table, s.files]))
    const sourceRows: Partial<Record<TableName, number>> = {}
    const undated: Partial<Record<TableName, number>> = {}
    const col = async (table: TableName, canonical: string): Promise<string | null> => {
      const files = by.get(table)
      return files ? sourceColumn(table, await columnsOf(conn, files), canonical) : null
    }

    // 1. Each dated table, read once into month partitions.
    const monthsSeen = new Set<string>()
    for (const [table, canonical] of Object.entries(DATED) as Array<[TableName, string]>) {
      const files = by.get(table)
      if (!files)
        continue
      const cols = await columnsOf(conn, files)
      const c = sourceColumn(table, cols, canonical)
      if (!c)
        throw new Error(`${TABLE_BY_NAME[table].title.zh} / ${table}: 找不到列 ${canonical} / no ${canonical} column in ${files[0]}`)
      log(`${table}: reading ${files.length} file(s) into month partitions …`)
      sourceRows[table] = await copyPartitioned(conn, `SELECT *, ${monthExpr(c, cols.find(x => x.name === c)!.type)} AS __month FROM ${scanSource(files)}`, join(staging, table), '__month')
      const r = await conn.runAndReadAll(`SELECT __month AS m, count(*) AS n FROM ${partitions(join(staging, table), '__month')} GROUP BY ALL`)
      for (const x of r.getRowObjectsJS()) {
        if (x.m === null || x.m === 'NULL')
          undated[table] = Number(x.n)
        else
          monthsSeen.add(String(x.m))
      }
    }
    const months = o.months ?? [...monthsSeen].sort()

    // 2. Evaluations of a folder's months may rate earlier applications: find them in one join.
    const evalApp = await col('evaluations', 'app_id')
    const appId = await col('applications', 'app_id')
    const hasExtra = Boolean(by.get('evaluations') && by.get('applications') && evalApp && appId)
    if (hasExtra) {
      log('applications rated in a later month …')
      const part = (t: string) => partitions(join(staging, t), '__month')
      const next = (m: string) => `strftime(CAST(${m} || '-01' AS DATE) + INTERVAL 1 MONTH, '%Y-%m')`
      const prev = (m: string) => `strftime(CAST(${m} || '-01' AS DATE) - INTERVAL 1 MONTH, '%Y-%m')`
      await conn.run(`CREATE TEMP TABLE refs AS
        SELECT DISTINCT ${ident(evalApp!)} AS id, __month AS folder FROM ${part('evaluations')} WHERE ${ident(evalApp!)} IS NOT NULL AND __month <> 'NULL'
        UNION SELECT DISTINCT ${ident(evalApp!)}, ${next('__month')} FROM ${part('evaluations')} WHERE ${ident(evalApp!)} IS NOT NULL AND __month <> 'NULL'`)
      await copyPartitioned(conn, `SELECT a.* EXCLUDE (__month), r.folder FROM ${part('applications')} a JOIN refs r ON a.${ident(appId!)} = r.id
        WHERE a.__month IS DISTINCT FROM r.folder AND a.__month IS DISTINCT FROM ${prev('r.folder')}`, join(staging, 'extra'), 'folder')
    }

    // 3. One folder per month.
    const meta = await readMeta(root)
    const title = (meta.title ?? {}) as { zh?: string, en?: string }
    const evalId = await col('evaluations', 'eval_id')
    const rectEval = await col('rectifications', 'eval_id')
    const region = o.byRegion ? await col('applications', 'region') : null
    const folders: MonthFolder[] = []
    for (const month of months) {
      const dir = join(o.out, month)
      await rm(dir, { recursive: true, force: true })
      await mkdir(dir, { recursive: true })
      log(`${month} …`)
      const rows: Partial<Record<TableName, number>> = {}
      for (const s of sources) {
        if (!DATED[s.table] && s.table !== 'rectifications')
          rows[s.table] = await copy(conn, `SELECT * FROM ${scanSource(s.files)}`, join(dir, `${s.table}.parquet`))
      }
      const both = async (t: string) => [...await partitionFiles(join(staging, t), '__month', previousMonth(month)), ...await partitionFiles(join(staging, t), '__month', month)]
      const evals = await both('evaluations')
      if (evals.length) {
        rows.evaluations = await copy(conn, `SELECT * FROM ${scan(evals)}`, join(dir, 'evaluations.parquet'))
        if (by.get('rectifications') && evalId && rectEval)
          rows.rectifications = await copy(conn, `SELECT * FROM ${scanSource(by.get('rectifications')!)} WHERE ${ident(rectEval)} IN (SELECT ${ident(evalId)} FROM ${scan(evals)})`, join(dir, 'rectifications.parquet'))
      }
      const apps = await both('applications')
      const extra = hasExtra ? await partitionFiles(join(staging, 'extra'), 'folder', month) : []
      if (apps.length && region) {
        const regions = (await conn.runAndReadAll(`SELECT DISTINCT ${ident(region)} AS r FROM ${scan(apps)} ORDER BY r NULLS LAST`)).getRowObjectsJS().map(x => x.r as string | null)
        rows.applications = 0
        for (const [i, r] of regions.entries()) {
          const name = `applications-${String(i + 1).padStart(3, '0')}-${(r ?? 'none').replace(/[\\/:*?"<>|\s]+/g, '_')}.parquet`
          rows.applications += await copy(conn, `SELECT * FROM ${scan(apps)} WHERE ${ident(region)} IS NOT DISTINCT FROM ${r === null ? 'NULL' : q(r)}`, join(dir, name))
        }
      }
      else if (apps.length) {
        rows.applications = await copy(conn, `SELECT * FROM ${scan(apps)}`, join(dir, 'applications.parquet'))
      }
      if (extra.length)
        rows.applications = (rows.applications ?? 0) + await copy(conn, `SELECT * FROM ${scan(extra)}`, join(dir, 'applications-rated-later.parquet'))
      const asOf = typeof meta.as_of === 'string' && meta.as_of < lastDayOfMonth(month) ? meta.as_of : lastDayOfMonth(month)
      await writeFile(join(dir, 'dataset.json'), `${JSON.stringify({
        ...meta,
        id: `${String(meta.id ?? 'data')}-${month}`,
        title: { zh: `${title.zh ?? '数据'}（${month}）`, en: `${title.en ?? 'Data'} (${month})` },
        as_of: asOf,
        month,
        aggregated: { by: 'duban aggregate', months: [previousMonth(month), month], source_rows: sourceRows },
      }, null, 2)}\n`)
      let bytes = 0
      for (const f of await readdir(dir))
        bytes += f.endsWith('.parquet') ? (await stat(join(dir, f))).size : 0
      folders.push({ month, dir, rows, bytes })
    }
    await writeFile(join(o.out, 'index.json'), `${JSON.stringify({ source: root, source_rows: sourceRows, undated, months: folders.map(f => ({ month: f.month, rows: f.rows, bytes: f.bytes })) }, null, 2)}\n`)
    return { months: folders, sourceRows, undated, seconds: (performance.now() - started) / 1000 }
  }
  finally {
    conn.closeSync()
    instance.closeSync()
    await rm(staging, { recursive: true, force: true })
  }
}
