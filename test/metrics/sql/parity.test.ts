import { describe, expect, it } from 'vitest'
import { openWasmNodeDb } from '../../../src/engine/node/wasm'
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
