import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadDelimitedBytes } from '../../../src/ingest/table/file'
import { isParquetFile, loadParquetBytes, parquetToGrid } from '../../../src/ingest/table/parquet'
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

describe('Parquet reader (hyparquet)', () => {
  it('recognises .parquet files', () => {
    expect(isParquetFile('applications.parquet')).toBe(true)
    expect(isParquetFile('applications.csv')).toBe(false)
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
    const fromCsv = await loadDelimitedBytes(`${table}.csv`, bytes(join(csvDir, `${table}.csv`)), NOW)
    const fromPq = await loadParquetBytes(`${table}.parquet`, bytes(join(pqDir, `${table}.parquet`)), NOW)
    expect(fromPq.result.issues).toEqual([])
    expect(fromPq.result.table).toBe(table)
    const strip = (r: typeof fromCsv) => r.result.tables.map(t => t.rows.map(row => row.slice(0, t.columns.indexOf('extra'))))
    expect(strip(fromPq)).toEqual(strip(fromCsv))
  })

  it('reports a file that is not Parquet instead of throwing', async () => {
    const r = await loadParquetBytes('x.parquet', new TextEncoder().encode('not parquet'), NOW)
    expect(r.result.issues[0]?.code).toBe('unreadable')
  })
})
