import type { FileImport } from '../../src/ingest/import/types'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { packRows, packTable, unpackRows, unpackTable } from '../../src/app/import/packed-rows'

type Cell = string | null

/** A table whose columns run from a handful of values (a department) to all distinct (an id). */
const table = fc.integer({ min: 0, max: 3000 }).chain(n => fc.array(fc.integer({ min: 1, max: 5000 }), { minLength: 1, maxLength: 6 }).chain(kinds => fc.array(
  fc.tuple(...kinds.map(k => fc.oneof(fc.constant(null), fc.integer({ min: 0, max: k - 1 }).map(i => `v${i}`), fc.string({ maxLength: 3 }), fc.constantFrom('', '\u0000', 'a\u0000b')))),
  { minLength: n, maxLength: n },
).map(rows => ({ rows: rows as Cell[][], width: kinds.length }))))

describe('packed rows', () => {
  it('gives back exactly the rows it was given, in order', () => {
    fc.assert(fc.property(table, ({ rows, width }) => {
      expect(unpackTable(structuredClone(packTable(rows, width)))).toEqual(rows)
    }), { numRuns: 150 })
  })

  it('sends a column holding the separator as its values, and keeps null apart from the empty text', () => {
    const rows: Cell[][] = Array.from({ length: 3000 }, (_, i) => [i === 7 ? 'a\u0000b' : `A-${i}`, i % 5 ? `B-${i}` : i % 2 ? '' : null])
    const p = packTable(rows, 2)
    expect('values' in p.columns[0]!).toBe(true)
    expect('joined' in p.columns[1]!).toBe(true)
    expect(unpackTable(structuredClone(p))).toEqual(rows)
  })

  it('sends a column of few values as its values and an index per row, and an id column as it is', () => {
    const rows: Cell[][] = Array.from({ length: 5000 }, (_, i) => [`A-${i}`, ['区人社局', '区医保局', null][i % 3]!, String(i % 300)])
    const p = packTable(rows, 3)
    expect(p.columns[0]).toMatchObject({ joined: rows.map(r => r[0]).join('\u0000'), nulls: null })
    expect(p.columns[1]).toMatchObject({ dict: ['区人社局', '区医保局', null] })
    expect((p.columns[1] as { index: Uint8Array }).index).toBeInstanceOf(Uint8Array)
    expect((p.columns[2] as { index: Uint16Array }).index).toBeInstanceOf(Uint16Array)
    expect(unpackTable(p)).toEqual(rows)
  })

  it('packs every table of every file, hands over the index buffers, and fills them back in order', () => {
    const t = (name: string, rows: Cell[][]) => ({ name, columns: ['a', 'b'], rows })
    const apps = Array.from({ length: 2000 }, (_, i): Cell[] => [`x${i}`, i % 2 ? '线上' : '线下'])
    const evals = Array.from({ length: 10 }, (_, i): Cell[] => [`e${i}`, null])
    const files = [
      { name: 'a.xlsx', loaded: [{ result: { tables: [t('applications', apps)] } }, { result: { tables: [] } }] },
      { name: 'b.csv', loaded: [{ result: { tables: [t('evaluations', evals), t('rectifications', [])] } }] },
    ] as unknown as FileImport[]
    const copy = structuredClone(files)
    const { packed, transfer } = packRows(files)
    expect(files.flatMap(f => f.loaded.flatMap(l => l.result.tables.map(x => x.rows.length)))).toEqual([0, 0, 0])
    expect(transfer.length).toBeGreaterThan(0)
    expect(new Set(transfer).size).toBe(transfer.length)
    // As postMessage would deliver them.
    const [sentFiles, sentPacked] = structuredClone([files, packed], { transfer })
    expect(unpackRows(sentFiles, sentPacked)).toEqual(copy)
  })

  it('refuses packed tables that do not match the files', () => {
    const files = [{ name: 'a.csv', loaded: [{ result: { tables: [{ name: 'tasks', columns: ['a'], rows: [] }] } }] }] as unknown as FileImport[]
    expect(() => unpackRows(files, [])).toThrow(/packed/)
  })
})
