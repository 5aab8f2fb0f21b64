// The Parquet reader names the columns whose cells it made in canonical text (times, dates,
// 32-bit integers) and loadGrid takes those as they are: the result must be what checking
// every cell gives, at the edges of what is canonical too.

import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { openNativeDb } from '../../../src/engine/node/native'
import { readParquetGrid } from '../../../src/ingest/table/parquet'
import { loadGrid } from '../../../src/ingest/table/table'

const dir = mkdtempSync(join(tmpdir(), 'duban-pq-canonical-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

async function parquetOf(name: string, select: string): Promise<Uint8Array> {
  const db = await openNativeDb()
  const path = join(dir, name)
  await db.exec(`COPY (${select}) TO '${path}' (FORMAT parquet)`)
  await db.close()
  return new Uint8Array(readFileSync(path))
}

/** A small applications file whose time and count columns take the given SQL values. */
function applications(times: string[], counts: string, countType: string): string {
  return times.map((t, i) => `SELECT 'A${i}' AS 办件编号, '事项' AS 事项名称, '部门' AS 受理部门, TIMESTAMP '${t}' AS 申请时间, CAST(${counts} AS ${countType}) AS 提交材料数`).join(' UNION ALL ')
}

async function bothWays(bytes: Uint8Array) {
  const { cells, canonical } = await readParquetGrid(bytes)
  const trusted = loadGrid({ fileName: 'applications.parquet', grid: cells, canonical })
  const checked = loadGrid({ fileName: 'applications.parquet', grid: cells })
  return { canonical, trusted, checked }
}

describe('canonical Parquet columns', () => {
  it('marks naive timestamps and 32-bit integers, and loads them as checking each cell would', async () => {
    const { canonical, trusted, checked } = await bothWays(await parquetOf('ok.parquet', applications(['2024-03-05 09:05:07', '1000-01-01 00:00:00', '9999-12-31 23:59:59'], '2147483647', 'INTEGER')))
    expect(canonical).toEqual([null, null, null, 'datetime', 'int'])
    expect(trusted).toEqual(checked)
    expect(trusted.goodRows).toBe(3)
    expect(trusted.tables[0]!.rows.map(r => r[trusted.tables[0]!.columns.indexOf('submitted_at')])).toEqual(['2024-03-05 09:05:07', '1000-01-01 00:00:00', '9999-12-31 23:59:59'])
  })

  it('leaves a time column to the checks when one of its years has not four digits', async () => {
    const { canonical, trusted, checked } = await bothWays(await parquetOf('year.parquet', applications(['2024-03-05 09:05:07', '0999-06-01 10:00:00'], '3', 'INTEGER')))
    expect(canonical[3]).toBeNull()
    expect(trusted).toEqual(checked)
  })

  it('leaves 64-bit and unsigned integers to the checks (they may pass the 32-bit bound)', async () => {
    for (const type of ['BIGINT', 'UINTEGER']) {
      const { canonical, trusted, checked } = await bothWays(await parquetOf(`${type}.parquet`, applications(['2024-03-05 09:05:07'], '4294967295', type)))
      expect(canonical[4], type).toBeNull()
      expect(trusted, type).toEqual(checked)
      expect(trusted.badRows, type).toBe(1)
    }
  })

  it('marks dates of four-digit years, which a datetime column still checks', async () => {
    const { canonical, trusted, checked } = await bothWays(await parquetOf('date.parquet', `SELECT 'A1' AS 办件编号, '事项' AS 事项名称, '部门' AS 受理部门, DATE '2024-03-05' AS 申请时间`))
    expect(canonical[3]).toBe('date')
    expect(trusted).toEqual(checked)
    const early = await bothWays(await parquetOf('early.parquet', `SELECT 'A1' AS 办件编号, '事项' AS 事项名称, '部门' AS 受理部门, DATE '0999-06-01' AS 申请时间`))
    expect(early.canonical[3]).toBeNull()
    expect(early.trusted).toEqual(early.checked)
  })
})
