// The engine's reading of log files in DuckDB-WASM (the browser's engine, run in Node): the
// same issues and rows as the JavaScript path for CSV. Its Parquet reader is an extension it
// would fetch from the internet, which it may not: Parquet files are declined, not broken.

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { ingestFiles } from '../../../src/ingest'
import { openWasmNode } from '../../../src/engine/node/wasm'
import { engineLogFile } from '../../../src/engine/node/engine-logs'
import { assembleWithEngine, checkLogFiles } from '../../../src/metrics/load'

const NOW = '2024-07-01T00:00:00.000Z'
const DEMO = new URL('../../../data/demo/', import.meta.url).pathname
const dir = mkdtempSync(join(tmpdir(), 'duban-engine-wasm-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

async function compare(paths: string[]) {
  const { db, registerFile } = await openWasmNode()
  try {
    for (const p of paths)
      registerFile(p, p)
    const js = await ingestFiles(paths.map(p => ({ name: p.split('/').pop()!, bytes: new Uint8Array(readFileSync(p)) })), { now: () => NOW })
    const planned = []
    for (const p of paths)
      planned.push((await engineLogFile(db, p, NOW))!)
    expect(planned.every(Boolean)).toBe(true)
    const checked = await checkLogFiles(db, planned)
    expect(checked).not.toBeNull()
    const ds = await assembleWithEngine(db, checked!, undefined, new Set())
    expect(ds.issues).toEqual(js.dataset.issues)
    expect(ds.files).toEqual(js.dataset.files)
    const [n] = await db.query('SELECT count(*) AS n FROM sl_kept_applications')
    expect(Number(n!.n)).toBe(js.dataset.tables.applications.rows.length)
  }
  finally {
    await db.close()
  }
}

describe('log files read by DuckDB-WASM', () => {
  it('CSV with broken cells, duplicates and dangling references', async () => {
    const apps = join(dir, '办件.csv')
    writeFileSync(apps, ['办件编号,承办部门,申请时间,承诺时限,跑动次数', 'A1,东区,2024-03-01 09:00:00,3,1', 'A2,西区,2024/3/2 9:00,x,0', 'A2,西区,2024-03-02 09:00:00,4,0', ',东区,2024-02-30 10:00:00,5,2', '"",,,,', 'A3, 东区 ,2024-03-03 09:00:00,１２,'].join('\n') + '\n')
    const evals = join(dir, '好差评.csv')
    writeFileSync(evals, ['评价编号,办件编号,被评价部门,评价时间,评价等级,是否实名', 'E1,A1,东区,2024-03-05 10:00:00,非常满意,是', 'E2,A9,西区,2024-03-06 10:00:00,★★,maybe', 'E3,A3,东区,2024-03-07 10:00:00,2,否'].join('\n') + '\n')
    const rect = join(dir, '差评整改.csv')
    writeFileSync(rect, ['评价编号,联系时间,核实结果,是否复杂问题', 'E3,2024-03-08 09:00:00,属实,否', 'E7,2024-03-08 09:00:00,误评,是'].join('\n') + '\n')
    await compare([apps, evals, rect])
  }, 120_000)

  it('declines Parquet files (no parquet extension without the network): they take the JavaScript path', async () => {
    const { db, registerFile } = await openWasmNode()
    try {
      const p = join(DEMO, 'rectifications.parquet')
      registerFile(p, p)
      expect(await engineLogFile(db, p, NOW)).toBeNull()
    }
    finally {
      await db.close()
    }
  }, 120_000)
})
