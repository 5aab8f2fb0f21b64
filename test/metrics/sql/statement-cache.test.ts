import { describe, expect, it } from 'vitest'
import { StatementCache } from '../../../src/engine/statement-cache'
import { openWasmNodeDb } from '../../../src/engine/node/wasm'
import { analysisOf, datasetFromDir, FIXTURES } from '../../helpers/db'

describe('StatementCache', () => {
  it('keeps reads only', () => {
    expect(StatementCache.isRead('SELECT 1')).toBe(true)
    expect(StatementCache.isRead('-- a comment\n  WITH x AS (SELECT 1) SELECT * FROM x')).toBe(true)
    expect(StatementCache.isRead('CREATE OR REPLACE TABLE t AS SELECT 1')).toBe(false)
    expect(StatementCache.isRead('INSERT INTO t SELECT 1')).toBe(false)
    expect(StatementCache.isRead('-- SELECT\nDELETE FROM t')).toBe(false)
  })

  it('prepares a text once, and closes the least recently used past its limit', async () => {
    const closed: string[] = []
    let prepared = 0
    const cache = new StatementCache<{ sql: string, close: () => void }>()
    const make = (sql: string) => () => {
      prepared++
      return { sql, close: () => closed.push(sql) }
    }
    const first = await cache.get('q0', make('q0'))
    expect(await cache.get('q0', make('q0'))).toBe(first)
    expect(prepared).toBe(1)
    for (let i = 1; i <= 64; i++)
      await cache.get(`q${i}`, make(`q${i}`))
    // q0 was used before q1…q64 were added: it is the oldest and goes first.
    expect(closed).toEqual(['q0'])
    await cache.get('q1', make('q1'))
    await cache.get('q65', make('q65'))
    expect(closed).toEqual(['q0', 'q2'])
    await cache.clear()
    expect(closed).toHaveLength(66)
  })
})

describe('DuckDB-WASM with kept statements', () => {
  it('answers from the rebuilt tables after a settings change', async () => {
    const a = await analysisOf(await datasetFromDir(`${FIXTURES}sample-2024-10`), {}, await openWasmNodeDb())
    const q = { asOf: '2024-10-16' }
    const before = (await a.metrics(q)).evaluations.rule_1_5_15
    await a.updateSettings({ ...a.currentSettings, contactDays: 3 })
    const wider = (await a.metrics(q)).evaluations.rule_1_5_15
    // Three working days to make contact instead of one: more contacts on time.
    expect(wider.contact_on_time).toBeGreaterThan(before.contact_on_time)
    await a.updateSettings({ ...a.currentSettings, contactDays: 1 })
    expect((await a.metrics(q)).evaluations.rule_1_5_15).toEqual(before)
    await a.db.close()
  })
})
