// insertLogs puts the kept log rows into the contract tables in file order (earlier files
// first, then by row), whether the kept rows already lie in that order or not.

import type { Db } from '../../../src/metrics/db/types'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openNativeDb } from '../../../src/engine/node/native'
import { LOG_TABLES } from '../../../src/metrics/load'
import { collectionSql } from '../../../src/metrics/load/check'
import { insertLogs } from '../../../src/metrics/load/finish'
import { schemaSql } from '../../../src/metrics/schema'

let db: Db

beforeEach(async () => {
  db = await openNativeDb()
  await db.exec(schemaSql())
  for (const t of LOG_TABLES)
    await db.exec(`${collectionSql(t)}; ALTER TABLE sl_all_${t} RENAME TO sl_kept_${t}`)
})

afterEach(() => db.close())

/** Kept applications in the given order of [file order, row]; 3000 rows span several of the engine's vectors. */
async function keep(rows: Array<[number, number]>): Promise<void> {
  const values = rows.map(([ord, row]) => `(${ord}, 'f${ord}.csv', ${row}, 'A${ord}-${row}', '2024-06-03 09:00:00')`).join(', ')
  await db.exec(`INSERT INTO sl_kept_applications (_ord, _file, _row, app_id, submitted_at) VALUES ${values}`)
}

async function tableOrder(): Promise<string[]> {
  return (await db.query('SELECT app_id FROM applications ORDER BY rowid')).map(r => String(r.app_id))
}

const inFileOrder = Array.from({ length: 3000 }, (_, i): [number, number] => [i < 1800 ? 0 : 1, (i % 1800) + 2])
const ids = inFileOrder.map(([ord, row]) => `A${ord}-${row}`)

describe('insertLogs', () => {
  it('keeps rows that lie in file order as they are', async () => {
    await keep(inFileOrder)
    await insertLogs(db)
    expect(await tableOrder()).toEqual(ids)
  })

  it('sorts rows that do not: the later half of a file first, a later file before an earlier one', async () => {
    const halves = [...inFileOrder.slice(900, 1800), ...inFileOrder.slice(0, 900)]
    await keep([...inFileOrder.slice(1800), ...halves])
    await insertLogs(db)
    expect(await tableOrder()).toEqual(ids)
  })

  it('sorts a single pair out of place', async () => {
    const swapped = [...inFileOrder]
    ;[swapped[10], swapped[11]] = [swapped[11]!, swapped[10]!]
    await keep(swapped)
    await insertLogs(db)
    expect(await tableOrder()).toEqual(ids)
  })
})
