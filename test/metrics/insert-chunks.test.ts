import type { Db } from '../../src/metrics/db/types'
import { describe, expect, it } from 'vitest'
import { withDefaults } from '../../src/domain/settings'
import { loadSqlFilesNode } from '../../src/engine/node/sql-files'
import { openWasmNodeDb } from '../../src/engine/node/wasm'
import { calendarFor } from '../../src/metrics/calendar-for'
import { insertChunkRows, loadIntoDb, loadLogs, loadSmallTables } from '../../src/metrics/prepare'
import { datasetFromDir, FIXTURES } from '../helpers/db'

const settings = withDefaults({})
const sql = loadSqlFilesNode()
const CHUNK = 2

/** Every row of a table in the engine's own order (insertion order: no ORDER BY in the load). */
const tableRows = (db: Db, t: string) => db.query(`SELECT * FROM ${t}`)

describe('the logs go into DuckDB-WASM in chunks', () => {
  it('lets a read asked while a log table goes in answer before the table is whole, and ends with the same tables as one insert', async () => {
    const ds = await datasetFromDir(`${FIXTURES}sample-2024-10`)
    const total = ds.tables.applications.rows.length
    expect(total).toBeGreaterThan(2 * CHUNK)
    const calendar = calendarFor(ds)
    const wasm = await openWasmNodeDb()
    const chunks: number[] = []
    let applicationsIn = 0
    let inAtAnswer: number | null = null
    let read: Promise<unknown> | null = null
    const db: Db = {
      ...wasm,
      exec: s => wasm.exec(s),
      query: (s, p) => wasm.query(s, p),
      insertCsv: (t, csv, c) => wasm.insertCsv(t, csv, c),
      close: () => wasm.close(),
      insertRows: async (table, columns, rows, pick) => {
        const inserting = wasm.insertRows!(table, columns, rows, pick)
        if (table === 'applications') {
          chunks.push(rows.length)
          // A page's read, asked while the first chunk is under way.
          if (chunks.length === 1)
            read = wasm.query('SELECT count(*) AS n FROM tasks').then(() => (inAtAnswer = applicationsIn))
        }
        await inserting
        if (table === 'applications')
          applicationsIn += rows.length
      },
    }
    await loadSmallTables(db, ds, calendar, settings, 2024, sql)
    await loadLogs(db, ds, settings, sql, CHUNK)
    await read
    expect(chunks).toEqual(Array.from({ length: Math.ceil(total / CHUNK) }, (_, i) => Math.min(CHUNK, total - i * CHUNK)))
    // Answered after the first chunk and before the rest: it did not wait for the whole table.
    expect(inAtAnswer).toBe(CHUNK)

    // The same engine given each table in one insert (the fixture is far under a chunk).
    const whole = await openWasmNodeDb()
    await loadIntoDb(whole, ds, calendar, settings, 2024, sql)
    for (const t of ['applications', 'evaluations', 'rectifications', 'application_facts', 'bad_review_facts'])
      expect(await tableRows(wasm, t), t).toEqual(await tableRows(whole, t))
    await wasm.close()
    await whole.close()
  })

  it('takes a small table in chunks of 10,000 rows and a big one in at most 8', () => {
    expect(insertChunkRows(6)).toBe(10_000)
    expect(insertChunkRows(50_000)).toBe(10_000)
    expect(insertChunkRows(1_000_000)).toBe(125_000)
    expect(Math.ceil(690_001 / insertChunkRows(690_001))).toBeLessThanOrEqual(8)
  })
})
