// KeyIndex answers as a Map of the keys would, whatever their hashes: texts whose hashes are
// equal stay two keys, and a full run of neighbouring slots is walked to its end.

import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { hashText, KeyIndex } from '../../../src/ingest/dataset/key-index'

/** Two different texts with the same hash, found by search (deterministic). */
function collidingPair(): [string, string] {
  const seen = new Map<number, string>()
  for (let i = 0; ; i++) {
    const s = `k${i}`
    const h = hashText(s)
    const other = seen.get(h)
    if (other !== undefined)
      return [other, s]
    seen.set(h, s)
  }
}

describe('KeyIndex', () => {
  it('keeps texts of equal hash apart', () => {
    const [a, b] = collidingPair()
    expect(a).not.toBe(b)
    expect(hashText(a)).toBe(hashText(b))
    const rows = [[a], [b], [a], [b]]
    const index = new KeyIndex(rows, 0)
    expect(rows.map((_, i) => index.add(i))).toEqual([-1, -1, 0, 1])
    expect(index.has(a) && index.has(b)).toBe(true)
    expect(index.has(`${a}x`)).toBe(false)
  })

  it('finds each key\'s first row and answers membership as a Map does', () => {
    fc.assert(fc.property(
      fc.array(fc.oneof(fc.string({ maxLength: 4 }), fc.constantFrom('A-1', 'A-2', '部门', '')), { maxLength: 300 }),
      fc.array(fc.string({ maxLength: 4 }), { maxLength: 30 }),
      (keys, probes) => {
        const rows = keys.map(k => ['x', k])
        const index = new KeyIndex(rows, 1)
        const first = new Map<string, number>()
        rows.forEach((row, i) => {
          const expected = first.get(row[1]!) ?? -1
          if (expected === -1)
            first.set(row[1]!, i)
          expect(index.add(i)).toBe(expected)
        })
        for (const p of [...probes, ...keys])
          expect(index.has(p)).toBe(first.has(p))
      },
    ), { seed: 17 })
  })
})
