import type { WasmBinding, WasmStatement } from '../../src/engine/wasm-db'
import { describe, expect, it } from 'vitest'
import { WasmDb } from '../../src/engine/wasm-db'

/** An answer of one row, in the shape arrowToRows reads. */
const answer = (v: string) => ({ schema: { fields: [{ name: 'v', type: 'Utf8' }] }, numRows: 1, getChildAt: () => ({ get: () => v }) }) as never

/**
 * A binding that logs every message the moment it would be posted to the worker and answers
 * only when the test says so: what the worker would receive, and in which order.
 */
function fakeEngine() {
  const posted: string[] = []
  const waiting: Array<() => void> = []
  const later = <T>(v: T) => new Promise<T>(resolve => waiting.push(() => resolve(v)))
  const binding: WasmBinding = {
    run: (sql) => {
      posted.push(`run ${sql}`)
      return later(answer(sql))
    },
    prepare: (sql) => {
      posted.push(`prepare ${sql}`)
      const stmt: WasmStatement = {
        query: (...values) => {
          posted.push(`query ${sql} ${values.join(',')}`)
          return later(answer(`${sql} ${values.join(',')}`))
        },
        close: () => {
          posted.push(`close ${sql}`)
        },
      }
      return later(stmt)
    },
    register: async () => {},
    drop: async () => {},
    ipc: async () => new Uint8Array(),
    insertIpc: async () => {},
    close: async () => {},
  }
  /** Lets the worker answer everything it was sent so far, as often as needed. */
  const answerAll = async () => {
    for (let i = 0; i < 20; i++) {
      waiting.splice(0).forEach(f => f())
      await new Promise(r => setTimeout(r, 0))
    }
  }
  return { posted, binding, answerAll }
}

describe('the DuckDB-WASM adapter\'s order of messages', () => {
  it('sends reads of prepared statements at once, without waiting for earlier answers', async () => {
    const e = fakeEngine()
    const db = new WasmDb(e.binding, 't')
    const first = db.query('SELECT $x AS v', { x: 1 })
    await e.answerAll()
    expect(await first).toEqual([{ v: 'SELECT $1 AS v 1' }])
    e.posted.length = 0
    // Three reads asked together: all three are with the engine before any answer comes.
    const three = [db.query('SELECT $x AS v', { x: 2 }), db.query('SELECT $x AS v', { x: 3 }), db.query('SELECT $x AS v', { x: 4 })]
    expect(e.posted).toEqual(['query SELECT $1 AS v 2', 'query SELECT $1 AS v 3', 'query SELECT $1 AS v 4'])
    await e.answerAll()
    expect(await Promise.all(three)).toEqual([[{ v: 'SELECT $1 AS v 2' }], [{ v: 'SELECT $1 AS v 3' }], [{ v: 'SELECT $1 AS v 4' }]])
  })

  it('keeps a read asked after a change behind it, and a read asked before it ahead', async () => {
    const e = fakeEngine()
    const db = new WasmDb(e.binding, 't')
    const warm = db.query('SELECT 1 AS v')
    await e.answerAll()
    await warm
    e.posted.length = 0
    const before = db.query('SELECT 1 AS v')
    const change = db.exec('CREATE OR REPLACE TABLE x AS SELECT 2')
    const after = db.query('SELECT 1 AS v')
    await e.answerAll()
    await Promise.all([before, change, after])
    // The read asked before the change went first; the change forgot the statement, so the read
    // after it prepared it again, and only once the change had run.
    expect(e.posted).toEqual([
      'query SELECT 1 AS v ',
      'close SELECT 1 AS v',
      'run CREATE OR REPLACE TABLE x AS SELECT 2',
      'prepare SELECT 1 AS v',
      'query SELECT 1 AS v ',
    ])
  })

  it('fails a read with a parameter missing as a rejection, not a throw', async () => {
    const db = new WasmDb(fakeEngine().binding, 't')
    const p = db.query('SELECT $missing AS v')
    await expect(p).rejects.toThrow('$missing has no value')
  })
})
