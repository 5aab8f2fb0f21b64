import { describe, expect, it } from 'vitest'
import { Analysis } from '../../src/metrics/analysis'
import { withDefaults } from '../../src/domain/settings'
import { schemaSql } from '../../src/metrics/schema'
import { loadSqlFilesNode } from '../../src/engine/node/sql-files'
import { openWasmNodeDb } from '../../src/engine/node/wasm'
import { analysisOf, datasetFromDir, FIXTURES } from '../helpers/db'

describe('an engine\'s tables saved as Parquet and brought back (the app\'s warm start)', () => {
  it('answers every metric exactly as the database they were saved from', async () => {
    const ds = await datasetFromDir(`${FIXTURES}sample-2024-10`)
    const source = await openWasmNodeDb()
    const cold = await analysisOf(ds, {}, source)
    const saved = await source.saveTables()
    // The facts are saved with the logs: a warm start does not build them again.
    expect(saved.map(t => t.table)).toEqual(expect.arrayContaining(['applications', 'evaluations', 'calendar', 'schedule', 'application_facts', 'bad_review_facts']))
    expect(saved.every(t => t.arrow.byteLength > 0)).toBe(true)

    const target = await openWasmNodeDb()
    const warm = await Analysis.restore(target, ds, loadSqlFilesNode(), withDefaults({}), 2024, [], async () => {
      await target.exec(schemaSql())
      await target.loadTables(saved)
    })
    for (const q of [{ asOf: '2024-10-16' }, { asOf: '2024-10-31', month: '2024-10', dept: '区市场监管局' }])
      expect(await warm.metrics(q)).toEqual(await cold.metrics(q))
    const count = async (a: Analysis, t: string) => (await a.db.query(`SELECT count(*) AS n FROM ${t}`))[0]!.n
    for (const { table } of saved)
      expect(await count(warm, table)).toBe(await count(cold, table))
    expect(warm.coverageIssues).toEqual(cold.coverageIssues)
    await source.close()
    await target.close()
  })
})
