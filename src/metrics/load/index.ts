import type { TableName } from '../../domain/contract/tables'
// Large log files read and checked by the engine itself (issue 17 §2), engine-agnostic: the
// caller names each file as the engine opens it (a path for native DuckDB, a registered name
// for DuckDB-WASM). The result is what the JavaScript path gives — each file's report and
// issues, the data set's duplicate and reference issues in their places — while the rows stay
// in the engine. Which files may come this way: plan.ts; the cheap byte checks: the caller.

import type { Db } from '../db/types'
import type { Dataset } from '../../ingest/dataset/dataset'
import type { FileFormat, FileImport } from '../../ingest/import/types'
import type { LoadIssue } from '../../ingest/table/issues'
import type { LogFilePlan, LogTable } from './plan'
import type { StageSource } from './stage'
import type { FinishedLogs } from './finish'
import { TABLES } from '../../domain/contract/tables'
import { datasetOf } from '../../ingest/import/assemble'
import { emptyTable } from '../../ingest/table/table'
import { checkLogFile } from './check'
import { finishLogs, logSpan, personalRows } from './finish'
import { isLogTable, LOG_TABLES } from './plan'
import { CALENDAR_BOUND } from '../prepare'
import { EVENTS } from '../../ingest/dataset/span'

export { LOG_TABLES, isLogTable, planLogFile } from './plan'
export type { LogFilePlan, LogTable } from './plan'
export { parquetSample } from './stage'

/** A file the engine is to read. */
export interface EngineFile {
  name: string
  src: StageSource
  plan: LogFilePlan
  format: FileFormat
  file: { bytes: number, sha256: string, loadedAt: string, encoding?: string }
}

/**
 * Checks every file in the engine, in order (earlier files win duplicate ids). Null when one
 * cannot be read as planned: then every log file takes the JavaScript path, since duplicates
 * and references are judged across all of a table's rows in one place.
 */
export async function checkLogFiles(db: Db, files: EngineFile[]): Promise<FileImport[] | null> {
  const out: FileImport[] = []
  for (const [n, f] of files.entries()) {
    const checked = await checkLogFile(db, n, n, f.name, f.src, f.plan)
    if (!checked) {
      await dropLoaderTables(db)
      return null
    }
    const { table, headers, recognisedBy } = f.plan
    const errors = checked.issues.filter(i => i.severity === 'error').length
    const labels = f.plan.labels ? { labels: f.plan.labels } : {}
    const dataRows = checked.dataRows ? { dataRows: checked.dataRows } : {}
    out.push({
      name: f.name,
      size: f.file.bytes,
      sha256: f.file.sha256,
      ...(f.file.encoding ? { encoding: f.file.encoding } : {}),
      loadedAt: f.file.loadedAt,
      format: f.format,
      grids: [{
        key: f.name, fileName: f.name, headers, signature: '', samples: [], headerRow: 1, headerRows: { first: 1, last: 1 }, ...dataRows, ...labels,
        table, recognisedBy, columns: f.plan.columns.map(c => c.name), choice: null, skipped: false,
        goodRows: checked.goodRows, badRows: checked.badRows, errors, warnings: checked.issues.length - errors, needsMapping: false,
      }],
      loaded: [{ file: { name: f.name, ...f.file }, result: { table, recognisedBy, tables: [], issues: checked.issues, goodRows: checked.goodRows, badRows: checked.badRows, ...labels, ...dataRows } }],
    })
  }
  return out
}

/** Drops the loader's collections (a check given up, or not wanted after all). */
export async function dropLoaderTables(db: Db): Promise<void> {
  for (const t of LOG_TABLES)
    await db.exec(`DROP TABLE IF EXISTS sl_all_${t}; DROP TABLE IF EXISTS sl_kept_${t}`)
}

const TABLE_ORDER = new Map(TABLES.map((t, i) => [t.name as string, i]))
const REFERENCE_ORDER: Record<string, number> = { task_progress: 0, rectifications: 1, evaluations: 2 }

/**
 * The data set of all files, the engine's ones included: every issue where assembleDataset
 * puts it (files' own in file order, then duplicates by table, then references). Its log
 * tables hold stand-ins, not the rows (those are in the engine): two rows carrying the first
 * and last event day (delivered_at: it bounds the span, no calendar check reads it) and the
 * evaluations' personal cells the bulletin masks (finish.ts: personalRows).
 */
export async function assembleWithEngine(db: Db, files: FileImport[], plan: Dataset['plan'], leaveOut: ReadonlySet<string>): Promise<Dataset> {
  const ds = datasetOf(files, plan, leaveOut)
  const fileIssues = files.filter(f => !leaveOut.has(f.name)).reduce((n, f) => n + f.loaded.reduce((m, l) => m + l.result.issues.length, 0), 0)
  const finished: FinishedLogs = await finishLogs(db)
  const tableOf = new Map(ds.files.map(f => [f.name, f.table as string | null]))
  const placed: Array<{ issue: LoadIssue, key: number }> = ds.issues.slice(fileIssues).map(issue => ({
    issue,
    key: issue.code === 'duplicate_id' ? 100 + (TABLE_ORDER.get(tableOf.get(issue.file) ?? '') ?? 99) : 200 + (REFERENCE_ORDER[tableOf.get(issue.file) ?? ''] ?? 9),
  }))
  for (const t of LOG_TABLES) {
    for (const issue of finished.duplicates[t] ?? [])
      placed.push({ issue, key: 100 + TABLE_ORDER.get(t)! })
  }
  for (const issue of finished.references.rectifications)
    placed.push({ issue, key: 201 })
  for (const issue of finished.references.evaluations)
    placed.push({ issue, key: 202 })
  // Array.prototype.sort is stable: each group keeps its rows' order.
  placed.sort((a, b) => a.key - b.key)
  ds.issues = [...ds.issues.slice(0, fileIssues), ...placed.map(p => p.issue)]

  // logSpan reads the log tables' events among them.
  const span = await logSpan(db, EVENTS)
  const apps = emptyTable('applications')
  const delivered = apps.columns.indexOf('delivered_at')
  apps.rows = [span.first, span.latest].filter((v): v is string => v !== null).map((v) => {
    const row: Array<string | null> = apps.columns.map(() => null)
    row[delivered] = v
    return row
  })
  const evals = emptyTable('evaluations')
  evals.rows = await personalRows(db, evals.columns)
  ds.tables = { ...ds.tables, applications: apps, evaluations: evals }
  return ds
}

/** The data set as loadIntoDb must see it: no stand-in rows (the engine already holds the logs). */
export function withoutStandIns(ds: Dataset): Dataset {
  return { ...ds, tables: { ...ds.tables, applications: emptyTable('applications'), evaluations: emptyTable('evaluations') } }
}

/** The log columns checkCalendarCoverage reads, in its order (one list: prepare.ts CALENDAR_BOUND). */
export const LOG_CALENDAR_BOUND = (Object.entries(CALENDAR_BOUND) as Array<[TableName, string[]]>)
  .filter((e): e is [LogTable, string[]] => isLogTable(e[0]))
