import type { BenchData } from '../lib/data'
import type { ColumnType, Db } from '../../src/metrics/db/types'
import type { Dataset } from '../../src/ingest/dataset/dataset'
import type { LoadedFile } from '../../src/ingest/dataset/dataset'
import type { TableLoadResult } from '../../src/ingest/table/table'
import { readdirSync, readFileSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { Analysis } from '../../src/metrics/analysis'
import { parseDelimited } from '../../src/ingest/table/csv'
import { assembleDataset } from '../../src/ingest/dataset/dataset'
import { decodeText } from '../../src/ingest/table/decode'
import { sha256Hex } from '../../src/ingest/import/hash'
import { parquetToGrid } from '../../src/ingest/table/parquet'
import { loadGrid } from '../../src/ingest/table/table'
import { withDefaults } from '../../src/domain/settings'
import { loadSqlFilesNode } from '../../src/engine/node/sql-files'

/** Where the time of one load goes, in milliseconds. */
export interface LoadSplit {
  /** Bytes from disk (the browser's fetch or file read). */
  read: number
  /** Bytes → grid of text cells: SHA-256, Parquet decoding (hyparquet) or text decoding + CSV parsing. */
  decode: number
  /** Grid → canonical rows with row-level issues (loadGrid: per-cell normalisation). */
  normalise: number
  /** Files → one data set (duplicate keys, references). */
  assemble: number
  /** Analysis.open's JavaScript: calendar coverage check, CSV staging text (native), schedule parsing. */
  stage: number
  /** The inserts: read_csv into typed tables (native), Arrow columns built and inserted (WASM). */
  insert: number
  total: number
  rows: number
  issues: number
}

/**
 * Rows are handed to assembleDataset in slices: it spreads them into push(), which overflows
 * the stack past ~150k arguments (the importer slices the same way, src/ingest/import/run.ts).
 */
function sliced(r: TableLoadResult): TableLoadResult {
  const SLICE = 20_000
  return {
    ...r,
    tables: r.tables.flatMap((t) => {
      const parts = []
      for (let i = 0; i < t.rows.length; i += SLICE)
        parts.push({ ...t, rows: t.rows.slice(i, i + SLICE) })
      return parts.length ? parts : [t]
    }),
    issues: r.issues.slice(0, 20_000),
  }
}

/**
 * A Db whose inserts also add up the time spent in them. insertRows (DuckDB-WASM's Arrow
 * path) counts whole as insert: its column building is the adapter's, not Analysis.open's.
 */
function timedDb(db: Db, acc: { ms: number }): Db {
  return {
    engine: db.engine,
    exec: sql => db.exec(sql),
    query: (sql, p) => db.query(sql, p),
    insertCsv: async (table: string, csv: string, cols: ColumnType[]) => {
      const t0 = performance.now()
      await db.insertCsv(table, csv, cols)
      acc.ms += performance.now() - t0
    },
    ...(db.insertRows
      ? {
          insertRows: async (table: string, cols: ColumnType[], rows: ReadonlyArray<ReadonlyArray<string | null>>, pick: readonly number[]) => {
            const t0 = performance.now()
            await db.insertRows!(table, cols, rows, pick)
            acc.ms += performance.now() - t0
          },
        }
      : {}),
    close: () => db.close(),
  }
}

/**
 * Reads a generated folder the way the app does (bytes → grid → loadGrid → assembleDataset),
 * timing each stage. One file at a time, so a file's grid is garbage before the next is
 * decoded, as in the browser's import worker.
 */
export async function readDataset(data: BenchData): Promise<{ dataset: Dataset, split: LoadSplit }> {
  const split: LoadSplit = { read: 0, decode: 0, normalise: 0, assemble: 0, stage: 0, insert: 0, total: 0, rows: 0, issues: 0 }
  const files = readdirSync(data.dir).filter(f => f.endsWith(`.${data.format}`)).sort()
  const loaded: LoadedFile[] = []
  for (const name of files) {
    let t = performance.now()
    const bytes = new Uint8Array(await readFile(join(data.dir, name)))
    split.read += performance.now() - t
    t = performance.now()
    const sha256 = await sha256Hex(bytes)
    let grid: unknown[][]
    let encoding: string | undefined
    if (data.format === 'parquet') {
      grid = await parquetToGrid(bytes)
    }
    else {
      const text = decodeText(bytes)
      encoding = text.encoding
      grid = parseDelimited(text.text).rows
    }
    split.decode += performance.now() - t
    t = performance.now()
    const result = loadGrid({ fileName: name, grid })
    split.normalise += performance.now() - t
    split.rows += result.goodRows
    loaded.push({ result: sliced(result), file: { name, bytes: bytes.byteLength, sha256, loadedAt: new Date().toISOString(), ...(encoding ? { encoding } : {}) } })
  }
  const meta = JSON.parse(readFileSync(join(data.dir, 'dataset.json'), 'utf8')) as { plan_year?: number }
  const t = performance.now()
  const dataset = assembleDataset(loaded, { plan_year: meta.plan_year })
  split.assemble = performance.now() - t
  split.issues = dataset.issues.length
  split.total = split.read + split.decode + split.normalise + split.assemble
  return { dataset, split }
}

/** Analysis.open on `db`, split into its JavaScript (coverage, CSV staging, schedule) and the engine's read_csv. */
export async function openTimed(db: Db, dataset: Dataset, asOf: string): Promise<{ analysis: Analysis, stage: number, insert: number }> {
  const engine = { ms: 0 }
  const t = performance.now()
  const analysis = await Analysis.open(timedDb(db, engine), dataset, loadSqlFilesNode(), withDefaults(), Number(asOf.slice(0, 4)))
  return { analysis, stage: performance.now() - t - engine.ms, insert: engine.ms }
}
