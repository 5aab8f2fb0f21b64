// Normalised text rows → one Arrow IPC stream, column by column, for DuckDB-WASM to insert
// without a CSV copy to build, encode and parse. Canonical values ('2024-06-01 09:05:07',
// '2024-06-01', '12', 'true') go over already typed; a column holding any other form goes as
// text and is cast by the engine, as read_csv would. Rows are read where they are (`pick`):
// no row objects, no second copy of the table.

import type { ColumnType } from '../metrics/db/types'
import type { Data, DataType } from 'apache-arrow'
import { Bool, DateDay, Float64, Int32, makeData, makeVector, Table, tableToIPC, TimestampMicrosecond, Utf8 } from 'apache-arrow'

type Rows = ReadonlyArray<ReadonlyArray<string | null | undefined>>

const MS_PER_DAY = 86_400_000
/** readCsvSql's timestampformat and dateformat. */
const FORMAT: Record<string, string> = { TIMESTAMP: '%Y-%m-%d %H:%M:%S', DATE: '%Y-%m-%d' }
const DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

function digits(s: string, from: number, n: number): number {
  let v = 0
  for (let i = from; i < from + n; i++) {
    const c = s.charCodeAt(i) - 48
    if (c < 0 || c > 9)
      return -1
    v = v * 10 + c
  }
  return v
}

/** Days since 1970-01-01 of 'YYYY-MM-DD' at `s`'s start, or null when it is not a real day in that form. */
function dayNumber(s: string): number | null {
  if (s.charCodeAt(4) !== 0x2D || s.charCodeAt(7) !== 0x2D)
    return null
  const y = digits(s, 0, 4)
  const m = digits(s, 5, 2)
  const d = digits(s, 8, 2)
  if (y < 1 || m < 1 || m > 12 || d < 1 || d > DAYS[m - 1]! || (m === 2 && d === 29 && !(y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0))))
    return null
  return Date.UTC(y, m - 1, d) / MS_PER_DAY
}

/** Microseconds since the epoch of a naive 'YYYY-MM-DD HH:MM:SS', or null for any other form. */
function micros(s: string): number | null {
  if (s.length !== 19 || s.charCodeAt(10) !== 0x20 || s.charCodeAt(13) !== 0x3A || s.charCodeAt(16) !== 0x3A)
    return null
  const day = dayNumber(s)
  const h = digits(s, 11, 2)
  const mi = digits(s, 14, 2)
  const sec = digits(s, 17, 2)
  if (day === null || h < 0 || h > 23 || mi < 0 || mi > 59 || sec < 0 || sec > 59)
    return null
  return (day * 86_400 + h * 3600 + mi * 60 + sec) * 1_000_000
}

/** Whole numbers as String(Number(x)) writes them, within INTEGER. */
function int32(s: string): number | null {
  if (!/^-?(?:0|[1-9]\d{0,9})$/.test(s))
    return null
  const n = Number(s)
  return n >= -2147483648 && n <= 2147483647 ? n : null
}

/** Decimal notation only (String(Number(x)) writes nothing else); '0x10' or ' 2' go as text. */
function float(s: string): number | null {
  if (!/^-?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i.test(s))
    return null
  const n = Number(s)
  return Number.isFinite(n) ? n : null
}

interface Nulls { bitmap: Uint8Array, count: number }

/** read_csv reads an empty field as NULL, quoted or not: so does this path. */
function isNull(v: string | null | undefined): v is null | undefined | '' {
  return v === null || v === undefined || v === ''
}

function nullsOf(rows: Rows, at: number): Nulls {
  const bitmap = new Uint8Array((rows.length + 7) >> 3)
  let count = 0
  for (let r = 0; r < rows.length; r++) {
    if (isNull(rows[r]![at]))
      count++
    else
      bitmap[r >> 3]! |= 1 << (r & 7)
  }
  return { bitmap, count }
}

/**
 * Writes `s` as UTF-8 at `pos` in `out` (room for 3 bytes per UTF-16 unit assumed) and returns
 * the position after it: the bytes TextEncoder gives, a lone surrogate as U+FFFD. Written out
 * because a million short cells cost more in calls to TextEncoder.encodeInto than in the
 * encoding itself (in Chromium ~1.5 s of a 100k-application insert, all in those calls).
 */
export function writeUtf8(s: string, out: Uint8Array, pos: number): number {
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i)
    if (c < 0x80) {
      out[pos++] = c
      continue
    }
    if (c < 0x800) {
      out[pos++] = 0xC0 | (c >> 6)
      out[pos++] = 0x80 | (c & 0x3F)
      continue
    }
    if (c >= 0xD800 && c <= 0xDFFF) {
      const next = i + 1 < s.length ? s.charCodeAt(i + 1) : 0
      if (c <= 0xDBFF && next >= 0xDC00 && next <= 0xDFFF) {
        const cp = 0x10000 + ((c - 0xD800) << 10) + (next - 0xDC00)
        i++
        out[pos++] = 0xF0 | (cp >> 18)
        out[pos++] = 0x80 | ((cp >> 12) & 0x3F)
        out[pos++] = 0x80 | ((cp >> 6) & 0x3F)
        out[pos++] = 0x80 | (cp & 0x3F)
        continue
      }
      c = 0xFFFD
    }
    out[pos++] = 0xE0 | (c >> 12)
    out[pos++] = 0x80 | ((c >> 6) & 0x3F)
    out[pos++] = 0x80 | (c & 0x3F)
  }
  return pos
}

function utf8(rows: Rows, at: number, nulls: Nulls): Data<Utf8> {
  const n = rows.length
  const offsets = new Int32Array(n + 1)
  let bytes = new Uint8Array(n * 16 + 1024)
  let pos = 0
  for (let r = 0; r < n; r++) {
    const v = rows[r]![at]
    if (!isNull(v)) {
      if (pos + v.length * 3 > bytes.length) {
        const grown = new Uint8Array(Math.max(bytes.length * 2, pos + v.length * 3))
        grown.set(bytes.subarray(0, pos))
        bytes = grown
      }
      pos = writeUtf8(v, bytes, pos)
    }
    offsets[r + 1] = pos
  }
  return makeData({ type: new Utf8(), length: n, nullCount: nulls.count, nullBitmap: nulls.bitmap, valueOffsets: offsets, data: bytes.subarray(0, pos) })
}

/** Fills `out` with parse(value) per row; false as soon as one value is not in the canonical form. */
function fill(rows: Rows, at: number, parse: (s: string) => number | null, set: (r: number, v: number) => void): boolean {
  for (let r = 0; r < rows.length; r++) {
    const v = rows[r]![at]
    if (isNull(v))
      continue
    const x = parse(v)
    if (x === null)
      return false
    set(r, x)
  }
  return true
}

function typed(rows: Rows, at: number, sqlType: string, nulls: Nulls): Data<DataType> | null {
  const n = rows.length
  const base = { length: n, nullCount: nulls.count, nullBitmap: nulls.bitmap }
  switch (sqlType) {
    case 'INTEGER': {
      const data = new Int32Array(n)
      return fill(rows, at, int32, (r, v) => (data[r] = v)) ? makeData({ type: new Int32(), ...base, data }) : null
    }
    case 'DOUBLE': {
      const data = new Float64Array(n)
      return fill(rows, at, float, (r, v) => (data[r] = v)) ? makeData({ type: new Float64(), ...base, data }) : null
    }
    case 'DATE': {
      const data = new Int32Array(n)
      return fill(rows, at, s => (s.length === 10 ? dayNumber(s) : null), (r, v) => (data[r] = v)) ? makeData({ type: new DateDay(), ...base, data }) : null
    }
    case 'TIMESTAMP': {
      const data = new BigInt64Array(n)
      // Two 32-bit halves, little-endian as Arrow's buffers are: no BigInt per value.
      const halves = new Int32Array(data.buffer)
      const set = (r: number, us: number) => {
        const hi = Math.floor(us / 4294967296)
        halves[2 * r] = (us - hi * 4294967296) | 0
        halves[2 * r + 1] = hi
      }
      return fill(rows, at, micros, set) ? makeData({ type: new TimestampMicrosecond(), ...base, data }) : null
    }
    case 'BOOLEAN': {
      const data = new Uint8Array((n + 7) >> 3)
      const flag = (s: string) => (s === 'true' ? 1 : s === 'false' ? 0 : null)
      return fill(rows, at, flag, (r, v) => (data[r >> 3]! |= v << (r & 7))) ? makeData({ type: new Bool(), ...base, data }) : null
    }
    default:
      return null
  }
}

/**
 * An Arrow IPC stream of `rows` (cell positions `pick`, named and typed by `columns`), and
 * the SELECT list that casts whatever went as text to its column's type.
 */
export function rowsToArrowIpc(columns: ColumnType[], rows: Rows, pick: readonly number[]): { ipc: Uint8Array, select: string } {
  const vectors: Record<string, ReturnType<typeof makeVector>> = {}
  for (const [i, c] of columns.entries()) {
    const nulls = nullsOf(rows, pick[i]!)
    vectors[c.name] = makeVector(typed(rows, pick[i]!, c.type, nulls) ?? utf8(rows, pick[i]!, nulls))
  }
  const select = columns.map((c) => {
    // Text in a date column is read with read_csv's own formats, so both paths refuse the same values.
    const v = vectors[c.name]!.type instanceof Utf8 && FORMAT[c.type] ? `strptime("${c.name}", '${FORMAT[c.type]}')` : `"${c.name}"`
    return `CAST(${v} AS ${c.type}) AS "${c.name}"`
  }).join(', ')
  return { ipc: tableToIPC(new Table(vectors), 'stream'), select }
}
