import { describe, expect, it } from 'vitest'
import { TABLES } from '../../../src/domain/contract/tables'
import { openWasmNodeDb } from '../../../src/engine/node/wasm'
import { toCsv } from '../../../src/metrics/db/params'
import { analysisOf, datasetFromDir, FIXTURES } from '../../helpers/db'

describe('the same metric SQL through both engines', () => {
  it('native DuckDB and DuckDB-WASM return identical figures', async () => {
    const native = await analysisOf(await datasetFromDir(`${FIXTURES}sample-2024-10`))
    const wasm = await analysisOf(await datasetFromDir(`${FIXTURES}sample-2024-10`), {}, await openWasmNodeDb())
    expect(native.db.engine).toBe('duckdb-native')
    expect(wasm.db.engine).toBe('duckdb-wasm')
    for (const q of [{ asOf: '2024-10-16' }, { asOf: '2024-10-31', month: '2024-10', dept: '区市场监管局' }]) {
      const [x, y] = [await native.metrics(q), await wasm.metrics(q)]
      expect(y).toEqual(x)
    }
    await native.db.close()
    await wasm.db.close()
  })
})

describe('the year-end example (domain §4a) through the app\'s engine', () => {
  it('DuckDB-WASM counts the review rectified on 31 Dec on time, as native DuckDB does', async () => {
    const dir = new URL('../../fixtures/calendar/newyear-2026', import.meta.url).pathname
    const native = await analysisOf(await datasetFromDir(dir))
    const wasm = await analysisOf(await datasetFromDir(dir), {}, await openWasmNodeDb())
    for (const q of [{ asOf: '2026-12-31' }, { asOf: '2026-12-28' }]) {
      const [x, y] = [await native.metrics(q), await wasm.metrics(q)]
      expect(y).toEqual(x)
    }
    const r = (await wasm.metrics({ asOf: '2026-12-31' })).evaluations.rule_1_5_15
    expect([r.rectify_due, r.rectify_on_time]).toEqual([1, 1])
    await native.db.close()
    await wasm.db.close()
  })
})

describe('rows inserted as Arrow columns (DuckDB-WASM) and as CSV text', () => {
  it('give every loaded table the same rows as native DuckDB\'s read_csv', async () => {
    const native = await analysisOf(await datasetFromDir(`${FIXTURES}sample-2024-10`))
    const wasm = await analysisOf(await datasetFromDir(`${FIXTURES}sample-2024-10`), {}, await openWasmNodeDb())
    expect(wasm.db.insertRows).toBeDefined()
    for (const t of [...TABLES.map(t => t.name), 'schedule', 'calendar']) {
      // As text: the native adapter hands dates over as Date objects in a plain SELECT *.
      const sql = `SELECT COLUMNS(*)::VARCHAR FROM ${t} ORDER BY ALL`
      const [x, y] = [await native.db.query(sql), await wasm.db.query(sql)]
      expect(y, t).toEqual(x)
      if (['applications', 'evaluations', 'rectifications'].includes(t))
        expect(x.length, t).toBeGreaterThan(0)
    }
    await native.db.close()
    await wasm.db.close()
  })

  it('cast values in other forms as read_csv does, and keep nulls, leap days and times before 1970', async () => {
    const db = await openWasmNodeDb()
    const columns = [
      { name: 'ts', type: 'TIMESTAMP' },
      { name: 'd', type: 'DATE' },
      { name: 'n', type: 'INTEGER' },
      { name: 'x', type: 'DOUBLE' },
      { name: 'b', type: 'BOOLEAN' },
      { name: 's', type: 'VARCHAR' },
    ]
    const canonical = [
      ['2024-02-29 23:59:59', '2024-02-29', '-2147483648', '3.5', 'true', '区人社局'],
      ['1969-12-31 23:59:59', '1900-01-01', '0', '-0.25', 'false', '"引号",逗号\n换行'],
      [null, null, null, null, null, null],
      ['2099-12-31 00:00:00', '2000-02-29', '2147483647', '1e+21', 'true', ''],
    ]
    // A column with one value outside the canonical form goes as text and is cast by the engine.
    const odd = [...canonical, ['2024-06-01 8:00:00', '2024-6-1', '007', '+2', 'TRUE', 'x']]
    const refused = [...canonical, ['2024-06-01T08:00:00', '2024-06-01', '1', '1', 'true', 'x']]
    for (const [i, rows] of [canonical, odd, refused].entries()) {
      const ddl = columns.map(c => `${c.name} ${c.type}`).join(', ')
      await db.exec(`CREATE TABLE a${i} (${ddl}); CREATE TABLE c${i} (${ddl});`)
      const arrow = await db.insertRows!(`a${i}`, columns, rows, columns.map((_, k) => k)).then(() => 'ok', () => 'refused')
      const csv = await db.insertCsv(`c${i}`, toCsv(columns.map(c => c.name), rows), columns).then(() => 'ok', () => 'refused')
      expect(arrow).toBe(csv)
      expect(arrow).toBe(rows === refused ? 'refused' : 'ok')
      if (rows === refused)
        continue
      const [a, c] = [await db.query(`SELECT * FROM a${i} ORDER BY ALL`), await db.query(`SELECT * FROM c${i} ORDER BY ALL`)]
      expect(a).toEqual(c)
      expect(a).toHaveLength(rows.length)
    }
    await db.close()
  })
})
