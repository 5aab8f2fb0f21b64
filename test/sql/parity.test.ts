import { describe, expect, it } from 'vitest'
import { openWasmNodeDb } from '../../src/db/wasm-node'
import { analysisOf, datasetFromDir, FIXTURES } from '../helpers/db'

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
