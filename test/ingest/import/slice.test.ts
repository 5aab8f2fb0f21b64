// A Parquet file read in two parts by two workers, joined, is what one reading gives — or
// the join says it cannot know (null) and the file is read whole. Files of several row groups
// with blank rows, notes, totals, bad cells and repeated headers placed around the cut.

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Db } from '../../../src/metrics/db/types'
import { openNativeDb } from '../../../src/engine/node/native'
import { importFile } from '../../../src/ingest/import/run'
import { joinSlices } from '../../../src/ingest/import/slice'
import { sliceRows } from '../../../src/ingest/table/parquet'

const NOW = '2024-07-01T00:00:00.000Z'
const dir = mkdtempSync(join(tmpdir(), 'duban-slice-'))
let db: Db
beforeAll(async () => {
  db = await openNativeDb()
  await db.exec('SET preserve_insertion_order = true')
})
afterAll(async () => {
  await db.close()
  rmSync(dir, { recursive: true, force: true })
})

const HEADER = ['办件编号', '事项名称', '受理部门', '申请时间', '提交材料数', '跑动次数']
type Row = Array<string | null>

function record(i: number): Row {
  return [`A${i}`, '营业执照办理', i % 3 ? '市场监管局' : '人社局', `2024-0${1 + (i % 9)}-1${i % 10} 09:0${i % 10}:00`, String(i % 7), String(i % 3)]
}

/** Rows that are no plain record, each with what a join may do with it near the cut. */
const SPECIAL: Record<string, Row> = {
  blank: [null, null, null, null, null, null],
  note: ['注：本表由各部门按月报送。', null, null, null, null, null],
  total: [null, '合计', null, null, '9999', '9999'],
  keyless: [null, '事项', '部门', '2024-03-01 10:00:00', '3', '1'],
  badDate: ['B1', '事项', '部门', '2024-02-30 10:00:00', '2', '1'],
  header: [...HEADER],
  duplicate: ['A7', '营业执照办理', '人社局', '2024-03-01 10:00:00', '1', '1'],
}

let files = 0
/** The rows as a Parquet file of 2048-row groups, every column text (as an office export). */
async function parquetOf(rows: Row[]): Promise<{ name: string, bytes: Uint8Array }> {
  const n = files++
  const csv = join(dir, `${n}.csv`)
  const q = (v: string | null) => (v === null ? '' : `"${v.replace(/"/g, '""')}"`)
  writeFileSync(csv, [HEADER.map(q).join(','), ...rows.map(r => r.map(q).join(','))].join('\n') + '\n')
  const pq = join(dir, `${n}.parquet`)
  const cols = HEADER.map((h, i) => `'c${i}': 'VARCHAR'`).join(', ')
  await db.exec(`COPY (SELECT ${HEADER.map((h, i) => `c${i} AS "${h}"`).join(', ')} FROM read_csv('${csv}', header = true, auto_detect = false, columns = {${cols}})) TO '${pq}' (FORMAT parquet, ROW_GROUP_SIZE 2048)`)
  return { name: 'applications.parquet', bytes: new Uint8Array(readFileSync(pq)) }
}

async function bothWays(file: { name: string, bytes: Uint8Array }, cut: number) {
  const opts = { now: () => NOW, chunkRows: 1000 }
  const whole = await importFile(file, opts)
  const a = await importFile({ ...file, slice: { part: 0, cut } }, opts)
  const b = await importFile({ ...file, slice: { part: 1, cut } }, opts)
  return { whole, joined: joinSlices(a, b), a, b }
}

describe('a Parquet file read in two parts', () => {
  it('splits at whole row groups by bytes, part 0 first', () => {
    const groups = [100n, 100n, 100n, 50n].map(n => ({ num_rows: n, total_byte_size: n * 10n }))
    expect(sliceRows(groups, { part: 0, cut: 0.5 })).toEqual({ start: 0, end: 200 })
    expect(sliceRows(groups, { part: 1, cut: 0.5 })).toEqual({ start: 200, end: 350 })
    expect(sliceRows(groups, { part: 0, cut: 0.01 })).toEqual({ start: 0, end: 0 })
    expect(sliceRows(groups, { part: 1, cut: 0.99 })).toEqual({ start: 350, end: 350 })
  })

  it('joins to one reading: rows, issues, counts and report', async () => {
    const rows = Array.from({ length: 5000 }, (_, i) => record(i))
    rows[2046] = SPECIAL.blank!
    rows[2047] = SPECIAL.blank!
    rows[2050] = SPECIAL.badDate!
    rows[4000] = SPECIAL.duplicate!
    rows[2049] = SPECIAL.header!
    const file = await parquetOf(rows)
    for (const cut of [0.3, 0.5, 0.7]) {
      const { whole, joined, a, b } = await bothWays(file, cut)
      expect(a.grids[0]!.goodRows, `cut ${cut}`).toBeGreaterThan(0)
      expect(b.grids[0]!.goodRows, `cut ${cut}`).toBeGreaterThan(0)
      expect(joined, `cut ${cut}`).toEqual(whole)
    }
    const { whole } = await bothWays(file, 0.5)
    expect(whole.grids[0]!.skippedRows).toEqual({ blank: 2, header: 1 })
    expect(whole.loaded[0]!.result.issues.map(i => [i.code, i.row])).toEqual([['bad_datetime', 2052]])
  })

  it('gives the whole file to part 0 when part 1 gets no row group', async () => {
    const file = await parquetOf(Array.from({ length: 3000 }, (_, i) => record(i)))
    const { whole, joined, b } = await bothWays(file, 0.999)
    expect(b.grids[0]!.goodRows).toBe(0)
    expect(joined).toEqual(whole)
  })

  it('declines what a part cannot know: a note above the cut, a row judged by the sums above it', async () => {
    const noted = Array.from({ length: 5000 }, (_, i) => record(i))
    noted[2040] = SPECIAL.note!
    expect((await bothWays(await parquetOf(noted), 0.5)).joined).toBeNull()
    // A row without an id whose numbers are the sums of every row above it is a total.
    const summed = Array.from({ length: 5000 }, (_, i) => record(i))
    const sum = (c: number) => String(summed.slice(0, 3000).reduce((n, r) => n + Number(r[c]), 0))
    summed[3000] = [null, '事项', '部门', '2024-03-01 10:00:00', sum(4), sum(5)]
    const { whole, joined } = await bothWays(await parquetOf(summed), 0.5)
    expect(whole.grids[0]!.skippedRows).toEqual({ total: 1 })
    expect(joined).toBeNull()
  })

  it('is one reading or declines, wherever odd rows fall', async () => {
    let joinedRuns = 0
    await fc.assert(fc.asyncProperty(
      fc.array(fc.tuple(fc.constantFrom(...Object.keys(SPECIAL)), fc.integer({ min: 2030, max: 2070 })), { maxLength: 5 }),
      fc.constantFrom(0.4, 0.5, 0.6),
      async (placed, cut) => {
        const rows = Array.from({ length: 4500 }, (_, i) => record(i))
        for (const [kind, at] of placed)
          rows[at] = SPECIAL[kind]!
        const { whole, joined } = await bothWays(await parquetOf(rows), cut)
        if (joined) {
          joinedRuns++
          expect(joined).toEqual(whole)
        }
      },
    ), { numRuns: 25, seed: 17 })
    expect(joinedRuns).toBeGreaterThan(5)
  }, 60_000)
})
