import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { parquetToGrid } from '../../../src/ingest/table/parquet'
import { FIXTURES } from '../../helpers/db'
import { cleanTempDirs, generate } from './helpers'

// data/demo is what the app shows by default; these tests keep it exactly what the documented
// command writes (data/README.md). That output's figures are checked at small scale in
// metrics.test.ts, and its Parquet loading in parquet.test.ts: loading all 50,000 rows here
// would cost seconds and prove nothing more.
const DEMO = join(FIXTURES, 'demo')
const DEMO_ARGS = ['--scale', '50000', '--seed', '2024', '--id', 'demo']
const meta = JSON.parse(readFileSync(join(DEMO, 'dataset.json'), 'utf8')) as { as_of: string, plan_year: number, generated: { scale: number } }
const files = readdirSync(DEMO).filter(n => n.endsWith('.parquet')).sort()

afterAll(cleanTempDirs)

describe('data/demo', () => {
  it('holds one Parquet file per table and stays small', () => {
    expect(files).toEqual(['applications', 'bundles', 'evaluations', 'rectifications', 'reform_baselines', 'task_progress', 'tasks'].map(n => `${n}.parquet`))
    const bytes = files.reduce((s, n) => s + statSync(join(DEMO, n)).size, 0)
    expect(bytes).toBeLessThan(6_000_000)
    expect(meta).toMatchObject({ as_of: '2024-12-31', plan_year: 2024, generated: { scale: 50000 } })
  })

  it('is exactly what `duban generate` writes with the documented options', async () => {
    const dir = await generate(DEMO_ARGS)
    for (const n of files) {
      const [a, b] = [join(DEMO, n), join(dir, n)].map(p => new Uint8Array(readFileSync(p)))
      // Bytes match while DuckDB's version stays put; after an upgrade, compare the contents.
      if (!Buffer.from(a!).equals(Buffer.from(b!)))
        expect(await parquetToGrid(a!), n).toEqual(await parquetToGrid(b!))
    }
    expect(readFileSync(join(dir, 'dataset.json'), 'utf8')).toBe(readFileSync(join(DEMO, 'dataset.json'), 'utf8'))
  })
})
