import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ingestFiles } from '../../../src/ingest'
import { detectFormat } from '../../../src/ingest/import/formats'
import { parquetToGrid } from '../../../src/ingest/table/parquet'
import { cleanTempDirs, generate } from './helpers'

const TABLES = ['bundles', 'tasks', 'reform_baselines', 'applications', 'evaluations', 'rectifications', 'task_progress']
let csvDir: string
let pqDir: string

beforeAll(async () => {
  csvDir = await generate(['--scale', '1500', '--seed', 'pq', '--format', 'csv'])
  pqDir = await generate(['--scale', '1500', '--seed', 'pq'])
})
afterAll(cleanTempDirs)

const bytes = (p: string) => new Uint8Array(readFileSync(p))
const NOW = () => '2025-01-01T00:00:00.000Z'
/** One file through the app's ingest path: its own tables and issues. */
async function load(name: string, b: Uint8Array) {
  const results = (await ingestFiles([{ name, bytes: b }], { now: NOW })).files.flatMap(f => f.loaded.map(l => l.result))
  return { issues: results.flatMap(r => r.issues), table: results[0]?.table, tables: results.flatMap(r => r.tables) }
}

describe('Parquet reader (hyparquet)', () => {
  it('recognises .parquet files', () => {
    expect(detectFormat('applications.parquet', new Uint8Array())).toBe('parquet')
    expect(detectFormat('applications.csv', new Uint8Array())).toBe('delimited')
  })

  it('gives a header row and text cells, times as naive China time', async () => {
    const grid = await parquetToGrid(bytes(join(pqDir, 'applications.parquet')))
    expect(grid[0]).toContain('submitted_at')
    expect(grid).toHaveLength(1501)
    const i = grid[0]!.indexOf('submitted_at')
    expect(grid[1]![i]).toMatch(/^2024-01-\d{2} \d{2}:\d{2}:\d{2}$/)
    const e = await parquetToGrid(bytes(join(pqDir, 'evaluations.parquet')))
    expect(new Set(e.slice(1).map(r => r[e[0]!.indexOf('named')]))).toEqual(new Set(['true', 'false']))
  })

  it.each(TABLES)('loads %s to the same canonical rows as the CSV', async (table) => {
    const fromCsv = await load(`${table}.csv`, bytes(join(csvDir, `${table}.csv`)))
    const fromPq = await load(`${table}.parquet`, bytes(join(pqDir, `${table}.parquet`)))
    expect(fromPq.issues).toEqual([])
    expect(fromPq.table).toBe(table)
    const strip = (r: typeof fromCsv) => r.tables.map(t => t.rows.map(row => row.slice(0, t.columns.indexOf('extra'))))
    expect(strip(fromPq)).toEqual(strip(fromCsv))
  })

  it('reports a file that is not Parquet instead of throwing', async () => {
    const r = await load('x.parquet', new TextEncoder().encode('not parquet'))
    expect(r.issues[0]?.code).toBe('unreadable')
  })
})
