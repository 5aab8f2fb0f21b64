// Writes a Generation to a folder: CSV files streamed block by block, or Parquet made from
// temporary CSV files by native DuckDB. Memory stays bounded by one block either way.

import type { Generation, OutTable } from '..'
import type { WriteStream } from 'node:fs'
import { createWriteStream } from 'node:fs'
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { DuckDBInstance } from '@duckdb/node-api'
import { TABLES } from '../../../domain/contract/tables'
import { csvHeader } from '..'

export type OutputFormat = 'csv' | 'parquet'

export interface WrittenFile {
  table: string
  path: string
  bytes: number
}

const BOM = '\uFEFF'

function sqlString(s: string): string {
  return `'${s.replace(/'/g, '\'\'')}'`
}

function ident(s: string): string {
  return `"${s.replace(/"/g, '""')}"`
}

async function write(stream: WriteStream, text: string): Promise<void> {
  if (!stream.write(text))
    await new Promise<void>(resolve => stream.once('drain', resolve))
}

async function close(stream: WriteStream): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    stream.once('error', reject)
    stream.end(resolve)
  })
}

/** Streams every table to `<dir>/<table>.csv`; `bom` for files people open in Excel. */
async function writeCsvFiles(gen: Generation, dir: string, bom: boolean): Promise<Map<string, string>> {
  const streams = new Map<string, WriteStream>()
  const paths = new Map<string, string>()
  for (const t of gen.tables) {
    const path = join(dir, `${t.name}.csv`)
    const s = createWriteStream(path, { encoding: 'utf8' })
    streams.set(t.name, s)
    paths.set(t.name, path)
    await write(s, (bom ? BOM : '') + csvHeader(t))
  }
  for (const chunk of gen.chunks())
    await write(streams.get(chunk.table)!, chunk.text)
  for (const s of streams.values())
    await close(s)
  return paths
}

/** SELECT turning the CSV text of a table into typed columns ('是'/'否' into booleans). */
function typedSelect(t: OutTable, csvPath: string): string {
  const cols = t.columns.map(c => `${sqlString(c.name)}: ${sqlString(c.type === 'BOOLEAN' ? 'VARCHAR' : c.type)}`).join(', ')
  const list = t.columns.map(c => c.type === 'BOOLEAN'
    ? `CASE ${ident(c.name)} WHEN '是' THEN true WHEN '否' THEN false END AS ${ident(c.name)}`
    : ident(c.name)).join(', ')
  return `SELECT ${list} FROM read_csv(${sqlString(csvPath)}, header = true, auto_detect = false, delim = ',', quote = '"', escape = '"', columns = {${cols}}, timestampformat = '%Y-%m-%d %H:%M:%S', dateformat = '%Y-%m-%d')`
}

/**
 * Removes table files that would sit beside the new ones: the other format's copy of each
 * table written, and, when the folder holds an earlier generated data set (its dataset.json
 * says so), any table that run wrote and this one does not (e.g. matters.csv of another plan).
 */
async function removeStale(gen: Generation, dir: string, ext: string): Promise<void> {
  const other = ext === 'csv' ? 'parquet' : 'csv'
  let generated = false
  try {
    generated = 'generated' in (JSON.parse(await readFile(join(dir, 'dataset.json'), 'utf8')) as object)
  }
  catch {
    // No dataset.json, or not ours: leave other files alone.
  }
  const names = generated ? TABLES.map(t => t.name) : gen.tables.map(t => t.name)
  const writing = new Set(gen.tables.map(t => t.name as string))
  for (const name of names) {
    await rm(join(dir, `${name}.${other}`), { force: true })
    if (!writing.has(name))
      await rm(join(dir, `${name}.${ext}`), { force: true })
  }
}

/**
 * Writes the generation to `dir` as `<table>.csv` or `<table>.parquet` (Snappy, the only codec
 * hyparquet reads without add-ons, as the browser reads the demo through hyparquet; format v2,
 * whose delta encodings make sorted times and ids about 20% smaller), plus
 * dataset.json. A table file of the other format left by an earlier run is removed, so the
 * folder never holds a table twice.
 */
export async function writeGeneration(gen: Generation, dir: string, format: OutputFormat): Promise<WrittenFile[]> {
  await mkdir(dir, { recursive: true })
  const ext = format === 'csv' ? 'csv' : 'parquet'
  await removeStale(gen, dir, ext)
  if (format === 'csv') {
    await writeCsvFiles(gen, dir, true)
  }
  else {
    const tmp = await mkdtemp(join(dir, '.generate-'))
    try {
      const csv = await writeCsvFiles(gen, tmp, false)
      const db = await DuckDBInstance.create(':memory:')
      const conn = await db.connect()
      try {
        // One thread halves DuckDB's peak memory for about a second more per million rows,
        // and keeps row groups in one fixed order.
        await conn.run('SET threads = 1')
        for (const t of gen.tables) {
          const out = join(dir, `${t.name}.parquet`)
          await conn.run(`COPY (${typedSelect(t, csv.get(t.name)!)}) TO ${sqlString(out)} (FORMAT parquet, COMPRESSION snappy, PARQUET_VERSION v2)`)
          // The CSV is no longer needed: free the disk before the next, possibly large, table.
          await rm(csv.get(t.name)!, { force: true })
        }
      }
      finally {
        conn.closeSync()
        db.closeSync()
      }
    }
    finally {
      await rm(tmp, { recursive: true, force: true })
    }
  }
  await writeFile(join(dir, 'dataset.json'), `${JSON.stringify(gen.datasetMeta(), null, 2)}\n`)
  const files: WrittenFile[] = []
  for (const t of gen.tables) {
    const path = join(dir, `${t.name}.${ext}`)
    files.push({ table: t.name, path, bytes: (await stat(path)).size })
  }
  return files
}
