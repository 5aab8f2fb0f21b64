// A fast path into both engines for the SQL comparison at scales the app's loader cannot
// reach (5M applications): native DuckDB reads the generated Parquet itself, and DuckDB-WASM
// reads a CSV copy that native DuckDB writes. The plan lists and schedule still go through
// Analysis.open, so the tables and the calendar are exactly the app's. Only for generated
// data, whose columns are canonical; bench/run.ts checks at 100k that the figures equal the
// app's loader's.

import type { BenchData } from '../lib/data'
import type { Analysis } from '../../src/metrics/analysis'
import type { Db } from '../../src/metrics/db/types'
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Analysis as AnalysisClass } from '../../src/metrics/analysis'
import { ingestFiles } from '../../src/ingest'
import { columnTypes } from '../../src/metrics/schema'
import { withDefaults } from '../../src/domain/settings'
import { loadSqlFilesNode } from '../../src/engine/node/sql-files'

const BIG = ['applications', 'evaluations', 'rectifications'] as const

/** Generated columns → the schema's (levels are written as words). */
function select(table: typeof BIG[number], file: string): string {
  const cols = columnTypes(table).filter(c => !['extra', '_file', '_row'].includes(c.name))
  const list = cols.map(c => c.name === 'level'
    ? `CASE level WHEN '非常满意' THEN 5 WHEN '满意' THEN 4 WHEN '基本满意' THEN 3 WHEN '不满意' THEN 2 WHEN '非常不满意' THEN 1 END AS level`
    : `CAST("${c.name}" AS ${c.type}) AS "${c.name}"`)
  return `SELECT ${list.join(', ')}, '${table}.parquet' AS _file FROM read_parquet('${file.replace(/'/g, '\'\'')}')`
}

/** The small tables through the app's loader (plan lists, baselines, progress): Analysis.open makes the rest. */
async function smallDataset(data: BenchData) {
  const inputs = []
  for (const name of readdirSync(data.dir).filter(f => f.endsWith('.parquet') && !BIG.some(b => f === `${b}.parquet`)).sort())
    inputs.push({ name, bytes: new Uint8Array(await readFile(join(data.dir, name))) })
  const meta = JSON.parse(readFileSync(join(data.dir, 'dataset.json'), 'utf8')) as { plan_year?: number }
  return (await ingestFiles(inputs, { plan: { plan_year: meta.plan_year } })).dataset
}

export interface BulkPair { native: Analysis, wasm: Analysis | null, wasmError: string | null, nativeMs: number, wasmMs: number }

/**
 * Both engines loaded from the generated Parquet without the app's loader. `nativeRaw` runs
 * trusted SQL on the native connection (COPY to CSV); `wasmFile` registers a local file with
 * the WASM engine under a name.
 */
export async function bulkLoad(data: BenchData, native: Db, nativeRaw: (sql: string) => Promise<void>, wasm: Db | null, wasmFile: ((name: string, path: string) => void) | null): Promise<BulkPair> {
  const year = Number(data.asOf.slice(0, 4))
  const ds = await smallDataset(data)
  let t = performance.now()
  const na = await AnalysisClass.open(native, ds, loadSqlFilesNode(), withDefaults(), year)
  for (const b of BIG)
    await native.exec(`INSERT INTO ${b} BY NAME ${select(b, join(data.dir, `${b}.parquet`))}`)
  // The logs arrived after open(): the per-row limits are worked out again, as a load would.
  await na.refreshFacts()
  const nativeMs = performance.now() - t
  let wa: Analysis | null = null
  let wasmError: string | null = null
  t = performance.now()
  if (wasm && wasmFile) {
    const scratch = mkdtempSync(join(tmpdir(), 'duban-bulk-'))
    try {
      wa = await AnalysisClass.open(wasm, ds, loadSqlFilesNode(), withDefaults(), year)
      for (const b of BIG) {
        const csv = join(scratch, `${b}.csv`)
        await nativeRaw(`COPY (SELECT * FROM ${b}) TO '${csv}' (HEADER, DELIMITER ',', QUOTE '"', ESCAPE '"', TIMESTAMPFORMAT '%Y-%m-%d %H:%M:%S', DATEFORMAT '%Y-%m-%d')`)
        wasmFile(`bulk_${b}.csv`, csv)
        const cols = columnTypes(b).map(c => `'${c.name}': '${c.type}'`).join(', ')
        await wasm.exec(`INSERT INTO ${b} BY NAME SELECT * FROM read_csv('bulk_${b}.csv', header = true, auto_detect = false, quote = '"', escape = '"', delim = ',', columns = {${cols}}, timestampformat = '%Y-%m-%d %H:%M:%S', dateformat = '%Y-%m-%d')`)
        rmSync(csv, { force: true })
      }
      await wa.refreshFacts()
    }
    catch (e) {
      wasmError = e instanceof Error ? e.message : String(e)
      wa = null
    }
    finally {
      rmSync(scratch, { recursive: true, force: true })
    }
  }
  return { native: na, wasm: wa, wasmError, nativeMs, wasmMs: performance.now() - t }
}
