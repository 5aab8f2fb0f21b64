const decoder = new TextDecoder()

/** Longer values go to TextDecoder, whose per-call cost no longer dominates. */
const SHORT = 64

/**
 * UTF-8 bytes → string, exactly as `new TextDecoder().decode` gives it. Parquet files hold
 * ids, phone numbers and names as millions of short byte strings, and TextDecoder's fixed
 * cost per call (a few µs in Chromium) made it the largest single cost of reading a log;
 * short values are decoded here by hand, and anything unusual (malformed sequences, which
 * TextDecoder replaces with U+FFFD by its own rules) is left to TextDecoder.
 */
export function decodeUtf8(bytes: Uint8Array): string {
  const n = bytes.length
  if (n > SHORT)
    return decoder.decode(bytes)
  const codes: number[] = []
  let i = 0
  while (i < n) {
    const b0 = bytes[i]!
    if (b0 < 0x80) {
      codes.push(b0)
      i++
      continue
    }
    if (b0 >= 0xC2 && b0 <= 0xDF && i + 1 < n) {
      const b1 = bytes[i + 1]!
      if ((b1 & 0xC0) === 0x80) {
        codes.push(((b0 & 0x1F) << 6) | (b1 & 0x3F))
        i += 2
        continue
      }
    }
    else if (b0 >= 0xE0 && b0 <= 0xEF && i + 2 < n) {
      const b1 = bytes[i + 1]!
      const b2 = bytes[i + 2]!
      const lo = b0 === 0xE0 ? 0xA0 : 0x80
      const hi = b0 === 0xED ? 0x9F : 0xBF
      if (b1 >= lo && b1 <= hi && (b2 & 0xC0) === 0x80) {
        codes.push(((b0 & 0x0F) << 12) | ((b1 & 0x3F) << 6) | (b2 & 0x3F))
        i += 3
        continue
      }
    }
    else if (b0 >= 0xF0 && b0 <= 0xF4 && i + 3 < n) {
      const b1 = bytes[i + 1]!
      const b2 = bytes[i + 2]!
      const b3 = bytes[i + 3]!
      const lo = b0 === 0xF0 ? 0x90 : 0x80
      const hi = b0 === 0xF4 ? 0x8F : 0xBF
      if (b1 >= lo && b1 <= hi && (b2 & 0xC0) === 0x80 && (b3 & 0xC0) === 0x80) {
        const cp = ((b0 & 0x07) << 18) | ((b1 & 0x3F) << 12) | ((b2 & 0x3F) << 6) | (b3 & 0x3F)
        codes.push(0xD800 + ((cp - 0x10000) >> 10), 0xDC00 + ((cp - 0x10000) & 0x3FF))
        i += 4
        continue
      }
    }
    return decoder.decode(bytes)
  }
  return String.fromCharCode(...codes)
}
