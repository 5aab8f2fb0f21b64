// The cheap checks that let native DuckDB read a log file itself (issue 17 §2): plain UTF-8
// CSV with commas, one record per line or quoted, no blank line (the engine skips those
// while the JavaScript reader counts them in row numbers), no lone CR; or Parquet whose
// columns turn into text exactly as hyparquet's do. The header and first rows are then read
// by the JavaScript reader itself (planLogFile). Anything else takes the JavaScript path.

import type { Db } from '../../metrics/db/types'
import type { Dataset } from '../../ingest/dataset/dataset'
import type { Refusal } from '../../ingest/import/describe'
import type { FileImport } from '../../ingest/import/types'
import type { DataDirOptions } from '../../ingest/node/load-dir'
import type { EngineFile } from '../../metrics/load'
import { isUtf8 } from 'node:buffer'
import { createHash } from 'node:crypto'
import { readFile, stat } from 'node:fs/promises'
import { basename, extname } from 'node:path'
import { refusals } from '../../ingest/import/describe'
import { dataDirFiles, ingestDataFiles } from '../../ingest/node/load-dir'
import { parseDelimited } from '../../ingest/table/csv'
import { decodeText } from '../../ingest/table/decode'
import { sheetToGrid } from '../../ingest/import/sheet'
import { timed } from '../../domain/timing'
import { assembleWithEngine, checkLogFiles, dropLoaderTables, isLogTable, parquetSample, planLogFile } from '../../metrics/load'

/** The bytes of the sample the JavaScript reader judges: enough for its delimiter sniffing (64 KiB) and more. */
const SAMPLE_BYTES = 256 * 1024

function plainLines(bytes: Buffer): boolean {
  if (bytes.includes(0) || bytes.includes('\n\n') || bytes.includes('\n\r\n'))
    return false
  for (let at = bytes.indexOf(13); at >= 0; at = bytes.indexOf(13, at + 1)) {
    if (bytes[at + 1] !== 10)
      return false
  }
  return true
}

function csvSample(name: string, bytes: Buffer): ReturnType<typeof sheetToGrid> | null {
  const cut = bytes.length <= SAMPLE_BYTES ? bytes.length : bytes.lastIndexOf(10, SAMPLE_BYTES) + 1
  if (cut <= 0)
    return null
  const decoded = decodeText(bytes.subarray(0, cut))
  const parsed = parseDelimited(decoded.text)
  if (decoded.encoding !== 'utf-8' || parsed.delimiter !== ',' || parsed.problems.length > 0)
    return null
  return sheetToGrid({ fileName: name, cells: parsed.rows })
}

/** The file as the engine may read it, or null for the JavaScript path. */
export async function engineLogFile(db: Db, path: string, loadedAt: string): Promise<EngineFile | null> {
  const ext = extname(path).toLowerCase()
  if (ext !== '.csv' && ext !== '.parquet')
    return null
  const name = basename(path)
  const bytes = await readFile(path)
  const file = { bytes: bytes.byteLength, sha256: createHash('sha256').update(bytes).digest('hex'), loadedAt }
  if (ext === '.csv') {
    if (!isUtf8(bytes) || !plainLines(bytes))
      return null
    const sample = csvSample(name, bytes)
    const plan = sample && planLogFile(sample)
    return plan ? { name, src: { format: 'csv', path }, plan, format: 'delimited', file: { ...file, encoding: 'utf-8' } } : null
  }
  const magic = (b: Buffer) => b.toString('latin1') === 'PAR1'
  if (bytes.length < 12 || !magic(bytes.subarray(0, 4)) || !magic(bytes.subarray(bytes.length - 4)))
    return null
  const grid = await parquetSample(db, path).catch(() => null)
  const plan = grid && planLogFile({ fileName: name, grid, headerIndex: 0, firstRowNumber: 1 })
  return plan ? { name, src: { format: 'parquet', path }, plan, format: 'parquet', file } : null
}

/** Below this size no log file is worth a second reader: the JavaScript path reads the folder as always. */
export const ENGINE_MIN_BYTES = 2 * 1024 * 1024

export interface DirRead {
  files: FileImport[]
  refused: Refusal[]
  dataset: Dataset
  /** The log tables were read by the engine: open the analysis with openWithEngineLogs. */
  engine: boolean
}

function loadsLogTable(f: FileImport): boolean {
  return f.loaded.some(l => isLogTable(l.result.table) || l.result.tables.some(t => isLogTable(t.name)))
}

/**
 * A data folder as readDataDir reads it, except that when a log file is large and every log
 * file passes the checks above, native DuckDB reads them all itself. All or none: duplicate
 * ids and references are judged over a table's rows in one place.
 */
export async function readDirWithEngine(db: Db, dir: string, now: () => string, options: DataDirOptions = {}, minBytes = ENGINE_MIN_BYTES): Promise<DirRead> {
  const { paths, bundle, plan } = await dataDirFiles(dir)
  const opts = { ...options, bundle, ...(plan ? { plan } : {}) }
  const allJs = async (): Promise<DirRead> => {
    const r = await ingestDataFiles(paths, now, opts)
    return { files: r.files, refused: r.refused, dataset: r.dataset, engine: false }
  }
  const wanted = (p: string) => /\.(?:csv|parquet)$/i.test(p) && !options.tables?.[basename(p)]
  // An export bundle's CSVs have their formula quoting undone, and mapping choices belong to the JavaScript path.
  if (bundle || options.choices || !(await Promise.all(paths.filter(wanted).map(async p => (await stat(p)).size >= minBytes))).some(Boolean))
    return allJs()
  // Planned side by side: reading and hashing one file while the engine samples another.
  const plans = await Promise.all(paths.filter(wanted).map(async p => [p, await timed(`plan ${basename(p)}`, () => engineLogFile(db, p, now()))] as const))
  const planned = new Map(plans.filter((e): e is readonly [string, EngineFile] => e[1] !== null))
  if (![...planned.values()].some(f => f.file.bytes >= minBytes))
    return allJs()
  // The small files are read in JavaScript while the engine checks the logs in its own
  // threads. Should one of them hold a log table after all, the check was for nothing.
  const [rest, checked] = await Promise.allSettled([
    timed('read the rest', () => ingestDataFiles(paths.filter(p => !planned.has(p)), now, opts)),
    timed('check logs', () => checkLogFiles(db, [...planned.values()])),
  ])
  if (rest.status === 'rejected' || checked.status === 'rejected' || rest.value.files.some(loadsLogTable) || !checked.value) {
    await dropLoaderTables(db)
    if (rest.status === 'rejected')
      throw rest.reason
    if (checked.status === 'rejected')
      throw checked.reason
    return allJs()
  }
  const byName = new Map([...rest.value.files, ...checked.value].map(f => [f.name, f]))
  const files = paths.map(p => byName.get(basename(p))).filter((f): f is FileImport => f !== undefined)
  const refused = refusals(files)
  const left = options.skipUnreadable ? new Set(refused.map(r => r.file)) : new Set<string>()
  return { files, refused, dataset: await timed('assemble', () => assembleWithEngine(db, files, plan, left)), engine: true }
}
