/**
 * The little of the OpenType container the report needs, in plain TypeScript so the same
 * code runs in Node and the browser: WOFF 1.0 ↔ sfnt (zlib through the platform's
 * Compression Streams) and the set of characters a font's cmap covers.
 */

const be = (b: Uint8Array) => new DataView(b.buffer, b.byteOffset, b.byteLength)

async function zlib(bytes: Uint8Array, mode: 'inflate' | 'deflate'): Promise<Uint8Array> {
  const stream = mode === 'inflate' ? new DecompressionStream('deflate') : new CompressionStream('deflate')
  const out = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(stream)
  return new Uint8Array(await new Response(out).arrayBuffer())
}

interface TableEntry { tag: number, checksum: number, data: Uint8Array }

function tag(s: string): number {
  return [...s].reduce((a, c) => (a << 8) + c.charCodeAt(0), 0) >>> 0
}

export function isWoff(bytes: Uint8Array): boolean {
  return bytes.byteLength > 44 && be(bytes).getUint32(0) === tag('wOFF')
}

/** WOFF 1.0 → the sfnt (OpenType/TrueType) it wraps. */
export async function woffToSfnt(woff: Uint8Array): Promise<Uint8Array> {
  const v = be(woff)
  if (v.getUint32(0) !== tag('wOFF'))
    throw new Error('not a WOFF 1.0 font')
  const flavor = v.getUint32(4)
  const n = v.getUint16(12)
  const tables: TableEntry[] = []
  for (let i = 0; i < n; i++) {
    const p = 44 + i * 20
    const offset = v.getUint32(p + 4)
    const compLength = v.getUint32(p + 8)
    const origLength = v.getUint32(p + 12)
    const raw = woff.subarray(offset, offset + compLength)
    tables.push({ tag: v.getUint32(p), checksum: v.getUint32(p + 16), data: compLength < origLength ? await zlib(raw, 'inflate') : raw })
  }
  return writeSfnt(flavor, tables)
}

function writeSfnt(flavor: number, tables: TableEntry[]): Uint8Array {
  const n = tables.length
  const headerLength = 12 + 16 * n
  const size = tables.reduce((s, t) => s + ((t.data.byteLength + 3) & ~3), headerLength)
  const out = new Uint8Array(size)
  const v = be(out)
  const pow = 2 ** Math.floor(Math.log2(n))
  v.setUint32(0, flavor)
  v.setUint16(4, n)
  v.setUint16(6, pow * 16)
  v.setUint16(8, Math.log2(pow))
  v.setUint16(10, n * 16 - pow * 16)
  let offset = headerLength
  tables.forEach((t, i) => {
    const p = 12 + i * 16
    v.setUint32(p, t.tag)
    v.setUint32(p + 4, t.checksum)
    v.setUint32(p + 8, offset)
    v.setUint32(p + 12, t.data.byteLength)
    out.set(t.data, offset)
    offset += (t.data.byteLength + 3) & ~3
  })
  return out
}

function readSfntTables(sfnt: Uint8Array): { flavor: number, tables: TableEntry[] } {
  const v = be(sfnt)
  const n = v.getUint16(4)
  const tables: TableEntry[] = []
  for (let i = 0; i < n; i++) {
    const p = 12 + i * 16
    const offset = v.getUint32(p + 8)
    tables.push({ tag: v.getUint32(p), checksum: v.getUint32(p + 4), data: sfnt.subarray(offset, offset + v.getUint32(p + 12)) })
  }
  return { flavor: v.getUint32(0), tables }
}

/** sfnt → WOFF 1.0: each table zlib-compressed where that makes it smaller. */
export async function sfntToWoff(sfnt: Uint8Array): Promise<Uint8Array> {
  const { flavor, tables } = readSfntTables(sfnt)
  const packed = await Promise.all(tables.map(async (t) => {
    const z = await zlib(t.data, 'deflate')
    return { ...t, stored: z.byteLength < t.data.byteLength ? z : t.data }
  }))
  const n = packed.length
  const dirEnd = 44 + 20 * n
  const size = packed.reduce((s, t) => s + ((t.stored.byteLength + 3) & ~3), dirEnd)
  const out = new Uint8Array(size)
  const v = be(out)
  v.setUint32(0, tag('wOFF'))
  v.setUint32(4, flavor)
  v.setUint32(8, size)
  v.setUint16(12, n)
  v.setUint32(16, packed.reduce((s, t) => s + ((t.data.byteLength + 3) & ~3), 12 + 16 * n))
  v.setUint16(20, 1)
  let offset = dirEnd
  packed.forEach((t, i) => {
    const p = 44 + i * 20
    v.setUint32(p, t.tag)
    v.setUint32(p + 4, offset)
    v.setUint32(p + 8, t.stored.byteLength)
    v.setUint32(p + 12, t.data.byteLength)
    v.setUint32(p + 16, t.checksum)
    out.set(t.stored, offset)
    offset += (t.stored.byteLength + 3) & ~3
  })
  return out
}

/** Code points the font maps to a real glyph (cmap formats 4 and 12). */
export function cmapCoverage(sfnt: Uint8Array): Set<number> {
  const cmap = readSfntTables(sfnt).tables.find(t => t.tag === tag('cmap'))
  const covered = new Set<number>()
  if (!cmap)
    return covered
  const v = be(cmap.data)
  const records: Array<{ platform: number, encoding: number, offset: number }> = []
  for (let i = 0, n = v.getUint16(2); i < n; i++)
    records.push({ platform: v.getUint16(4 + i * 8), encoding: v.getUint16(6 + i * 8), offset: v.getUint32(8 + i * 8) })
  // The full-repertoire table (format 12) when the font has one, else the BMP one.
  const pick = records.find(r => v.getUint16(r.offset) === 12) ?? records.find(r => v.getUint16(r.offset) === 4 && (r.platform === 3 || r.platform === 0))
  if (!pick)
    return covered
  const o = pick.offset
  if (v.getUint16(o) === 12) {
    for (let i = 0, n = v.getUint32(o + 12); i < n; i++) {
      const g = o + 16 + i * 12
      const start = v.getUint32(g)
      const end = v.getUint32(g + 4)
      const glyph = v.getUint32(g + 8)
      for (let c = start; c <= end; c++) {
        if (glyph + c - start !== 0)
          covered.add(c)
      }
    }
    return covered
  }
  const segX2 = v.getUint16(o + 6)
  const ends = o + 14
  const starts = ends + segX2 + 2
  const deltas = starts + segX2
  const ranges = deltas + segX2
  for (let s = 0; s < segX2; s += 2) {
    const end = v.getUint16(ends + s)
    const start = v.getUint16(starts + s)
    const delta = v.getInt16(deltas + s)
    const rangeOffset = v.getUint16(ranges + s)
    for (let c = start; c <= end && c !== 0xFFFF; c++) {
      let glyph: number
      if (rangeOffset === 0) {
        glyph = (c + delta) & 0xFFFF
      }
      else {
        const at = ranges + s + rangeOffset + (c - start) * 2
        glyph = v.getUint16(at)
        if (glyph !== 0)
          glyph = (glyph + delta) & 0xFFFF
      }
      if (glyph !== 0)
        covered.add(c)
    }
  }
  return covered
}
