import type { ColumnKind } from '../../../src/domain/contract/tables'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { columnNormaliser } from '../../../src/ingest/table/column-normaliser'
import { normaliseCell } from '../../../src/ingest/table/values'

const KINDS: ColumnKind[] = ['text', 'int', 'number', 'date', 'datetime', 'level', 'bool', 'verdict', 'channel', 'task_status']

const two = (n: number) => String(n).padStart(2, '0')
/** Strings shaped like what the shortcuts accept, including impossible dates and times. */
const canonicalish = fc.oneof(
  fc.tuple(fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }))
    .map(([y, m, d]) => `${String(y).padStart(4, '0')}-${two(m)}-${two(d)}`),
  fc.tuple(fc.integer({ min: 1999, max: 2031 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }), fc.integer({ min: 0, max: 25 }), fc.integer({ min: 0, max: 61 }), fc.integer({ min: 0, max: 61 }))
    .map(([y, m, d, h, mi, s]) => `${y}-${two(m)}-${two(d)} ${two(h)}:${two(mi)}:${two(s)}`),
  fc.bigInt({ min: -(10n ** 17n), max: 10n ** 17n }).map(String),
  fc.constantFrom('0', '-0', '00', '007', '1e3', ' 12 ', '１２', '2024-02-29', '2023-02-29', '1900-02-29', '2000-02-29', '2024-06-01T09:05:07', '\u3000', '\u00A0x\u00A0', '\uFEFF', 'ｘ', '部门', '　部门　', '\u200B'),
)
const anyString = fc.oneof(canonicalish, fc.string(), fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' }))

describe('columnNormaliser', () => {
  it.each(KINDS)('gives exactly what normaliseCell gives for %s cells, repeated or not', (kind) => {
    fc.assert(fc.property(fc.array(anyString, { minLength: 1, maxLength: 40 }), (cells) => {
      const norm = columnNormaliser(kind)
      // Twice over, so the second pass is answered from the memo.
      for (const raw of [...cells, ...cells])
        expect(norm(raw)).toEqual(normaliseCell(raw, kind))
    }), { numRuns: 300 })
  })

  it('keeps agreeing once a column has too many distinct values to remember', () => {
    const norm = columnNormaliser('level')
    for (let i = 0; i < 20_100; i++)
      norm(`x${i}`)
    for (const raw of ['满意', ' 非常满意 ', '★★★', '6', 'x3'])
      expect(norm(raw)).toEqual(normaliseCell(raw, 'level'))
  })

  it('passes numbers and blanks to the general rules', () => {
    for (const kind of KINDS) {
      const norm = columnNormaliser(kind)
      for (const raw of [45292, 45292.5, -1, null, undefined, '', '  '])
        expect(norm(raw)).toEqual(normaliseCell(raw, kind))
    }
  })
})
