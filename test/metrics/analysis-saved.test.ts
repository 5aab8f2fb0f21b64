import type { SavedAnswers } from '../../src/metrics/analysis'
import type { Db, Row } from '../../src/metrics/db/types'
import { describe, expect, it } from 'vitest'
import { Analysis } from '../../src/metrics/analysis'
import { loadIntoDb } from '../../src/metrics/prepare'
import { withDefaults } from '../../src/domain/settings'
import { loadSqlFilesNode } from '../../src/engine/node/sql-files'
import { openNativeDb } from '../../src/engine/node/native'
import { datasetFromDir, FIXTURES } from '../helpers/db'

/** Saved answers as the app keeps them: JSON text, read back as new objects. */
class MemoryAnswers implements SavedAnswers {
  readonly texts = new Map<string, string>()
  reads = 0
  kept = 0
  get(key: string): Row[] | undefined {
    this.reads++
    const t = this.texts.get(key)
    return t === undefined ? undefined : JSON.parse(t) as Row[]
  }

  keep(key: string, rows: Row[]): void {
    this.kept++
    this.texts.set(key, JSON.stringify(rows))
  }
}

/** An engine that never comes up: anything asked of it never answers. */
const neverDb: Db = {
  engine: 'duckdb-wasm',
  exec: () => new Promise(() => {}),
  query: () => new Promise(() => {}),
  insertCsv: () => new Promise(() => {}),
  close: async () => {},
}

const Q = { asOf: '2024-10-16', month: '2024-10' }
const settings = withDefaults({})
const sql = loadSqlFilesNode()

async function fresh(saved: SavedAnswers | null, s = settings) {
  const ds = await datasetFromDir(`${FIXTURES}sample-2024-10`)
  const a = await Analysis.open(await openNativeDb(), ds, sql, s, 2024, [], saved)
  return { ds, a, metrics: await a.metrics(Q), open: await a.reviewRows('open_cases', Q) }
}

describe('an Analysis answers from the answers an earlier visit saved', () => {
  it('gives the same figures from them as fresh ones, before its engine is even up', async () => {
    const store = new MemoryAnswers()
    const first = await fresh(store)
    expect(store.texts.size).toBeGreaterThan(5)
    const later = Analysis.restoreInBackground(neverDb, first.ds, sql, settings, 2024, [], () => new Promise(() => {}), store)
    expect(await later.metrics(Q)).toEqual(first.metrics)
    expect(await later.reviewRows('open_cases', Q)).toEqual(first.open)
    await first.a.db.close()
  })

  it('never reads them once a setting changed, nor keeps answers computed under another setting', async () => {
    const store = new MemoryAnswers()
    const first = await fresh(store)
    // Emptied: figures read from these are recognisably not the data's.
    const poisoned = new MemoryAnswers()
    for (const k of store.texts.keys())
      poisoned.texts.set(k, '[]')
    const db = await openNativeDb()
    const later = Analysis.restoreInBackground(db, first.ds, sql, settings, 2024, [], calendar => loadIntoDb(db, first.ds, calendar, settings, 2024, sql), poisoned)
    expect((await later.metrics(Q)).evaluations.total).toBe(0)
    expect(first.metrics.evaluations.total).toBeGreaterThan(0)

    const changed = { ...settings, contactDays: 3 }
    const update = later.updateSettings(changed)
    const reads = poisoned.reads
    const kept = poisoned.kept
    const after = await later.metrics(Q)
    await update
    const want = await fresh(null, changed)
    expect(after).toEqual(want.metrics)
    expect(after.evaluations.rule_1_5_15).not.toEqual(first.metrics.evaluations.rule_1_5_15)
    expect(await later.reviewRows('open_cases', Q)).toEqual(want.open)
    expect(poisoned.reads).toBe(reads)
    expect(poisoned.kept).toBe(kept)
    // Back to the settings they were saved under: still not read (the tables were rebuilt since).
    await later.updateSettings(settings)
    expect(await later.metrics(Q)).toEqual(first.metrics)
    expect(poisoned.reads).toBe(reads)
    await Promise.all([db.close(), first.a.db.close(), want.a.db.close()])
  })

  it('answers what was not saved once its tables are in', async () => {
    const store = new MemoryAnswers()
    const first = await fresh(store)
    const db = await openNativeDb()
    const later = Analysis.restoreInBackground(db, first.ds, sql, settings, 2024, [], calendar => loadIntoDb(db, first.ds, calendar, settings, 2024, sql), store)
    const other = { asOf: '2024-09-30', month: '2024-09' }
    const kept = store.kept
    expect(await later.metrics(other)).toEqual(await first.a.metrics(other))
    // The new answers are kept for the next visit.
    expect(store.kept).toBeGreaterThan(kept)
    await Promise.all([db.close(), first.a.db.close()])
  })
})
