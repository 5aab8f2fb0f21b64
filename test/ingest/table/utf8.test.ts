import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { decodeUtf8 } from '../../../src/ingest/table/utf8'

const reference = (b: Uint8Array) => new TextDecoder().decode(b)

describe('decodeUtf8', () => {
  it('equals TextDecoder on any text', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 80 }), (s) => {
      const b = new TextEncoder().encode(s)
      expect(decodeUtf8(b)).toBe(reference(b))
    }), { numRuns: 3000 })
  })

  it('equals TextDecoder on arbitrary bytes, malformed sequences included', () => {
    // Bytes biased towards lead and continuation bytes, where a hand decoder goes wrong.
    const byte = fc.oneof(fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0x80, max: 0xBF }), fc.constantFrom(0xC0, 0xC1, 0xC2, 0xDF, 0xE0, 0xED, 0xEF, 0xF0, 0xF4, 0xF5, 0xFF))
    fc.assert(fc.property(fc.array(byte, { maxLength: 70 }), (arr) => {
      const b = Uint8Array.from(arr)
      expect(decodeUtf8(b)).toBe(reference(b))
    }), { numRuns: 5000 })
  })

  it('decodes ids, phones and Chinese names', () => {
    for (const s of ['', 'A1', '13800138000', '张三', '110101199003071234', '😀x', 'é'])
      expect(decodeUtf8(new TextEncoder().encode(s))).toBe(s)
  })
})
