import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { writeUtf8 } from '../../src/engine/arrow-insert'

const encode = (s: string) => {
  const out = new Uint8Array(s.length * 3 + 8)
  return out.subarray(0, writeUtf8(s, out, 0))
}

describe('writeUtf8', () => {
  it('writes what TextEncoder writes, for the cells a log holds', () => {
    for (const s of ['', 'A-2024-000001', '沈阳市和平区营商环境建设局', 'é', '\u07FF\u0800', '😀 emoji', '\uFFFD', '\u3000全角\uFEFF'])
      expect([...encode(s)]).toEqual([...new TextEncoder().encode(s)])
  })

  it('writes a lone surrogate as U+FFFD, as TextEncoder does', () => {
    for (const s of ['\uD800', 'a\uDC00b', '\uD83D', '\uDE00\uD83D', '\uD83D\uD83D\uDE00'])
      expect([...encode(s)]).toEqual([...new TextEncoder().encode(s)])
  })

  it('agrees with TextEncoder on any string (UTF-16 units, lone surrogates included)', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 40 }), fc.string({ unit: fc.integer({ min: 0xD7F0, max: 0xE010 }).map(c => String.fromCharCode(c)), maxLength: 12 }), (a, b) => {
      const s = a + b
      expect([...encode(s)]).toEqual([...new TextEncoder().encode(s)])
    }), { numRuns: 2000 })
  })

  it('continues at the position it is given', () => {
    const out = new Uint8Array(32)
    const end = writeUtf8('乙', out, writeUtf8('甲', out, 0))
    expect(new TextDecoder().decode(out.subarray(0, end))).toBe('甲乙')
  })
})
