// Parquet files → the same grid (header row + rows of cells) a CSV gives, so they load
// through loadGrid like any other file. Pure JavaScript (hyparquet), for the browser too.
// Snappy and uncompressed files are read; other codecs give an "unreadable" issue.

import type { SchemaElement } from 'hyparquet'
import type { CanonicalKind } from './table'
import { parquetMetadata, parquetRead } from 'hyparquet'
import { fromDayNumber } from '../../domain/dates'
import { decodeUtf8 } from './utf8'

const CHINA_OFFSET_MS = 8 * 3_600_000
const MS_PER_DAY = 86_400_000
const PAD = Array.from({ length: 60 }, (_, i) => (i < 10 ? `0${i}` : String(i)))

// Timestamps come back as epoch milliseconds and are formatted per column, once we know
// whether the column holds UTC instants or naive local times.
const PARSERS = {
  timestampFromMilliseconds: (v: bigint) => Number(v),
  timestampFromMicroseconds: (v: bigint) => Number(v / 1000n),
  timestampFromNanoseconds: (v: bigint) => Number(v / 1_000_000n),
  dateFromDays: (days: number) => fromDayNumber(days),
  stringFromBytes: (bytes: Uint8Array | undefined) => bytes && decodeUtf8(bytes),
}

type TimeKind = 'none' | 'naive' | 'utc'

/**
 * Whether a column holds timestamps, and of which kind: UTC instants are shown in China
 * time (+8 h), naive ones as written. A timestamp without a logical type is the legacy UTC kind.
 */
function timeKind(el: SchemaElement | undefined): TimeKind {
  const lt = el?.logical_type
  if (lt?.type === 'TIMESTAMP')
    return lt.isAdjustedToUTC ? 'utc' : 'naive'
  return el?.type === 'INT96' || el?.converted_type === 'TIMESTAMP_MILLIS' || el?.converted_type === 'TIMESTAMP_MICROS' ? 'utc' : 'none'
}

/** 'YYYY-MM-DD HH:mm:ss' of epoch milliseconds read as a wall-clock time; day strings cached. */
function timeFormatter(): (ms: number) => string {
  const days = new Map<number, string>()
  // ' HH:mm:ss' of each second of the day, made once: a million timestamps then cost one
  // joining of two strings each instead of five.
  const clock: string[] = new Array<string>(86_400)
  return (ms) => {
    const day = Math.floor(ms / MS_PER_DAY)
    let d = days.get(day)
    if (d === undefined) {
      d = fromDayNumber(day)
      days.set(day, d)
    }
    const s = Math.floor((ms - day * MS_PER_DAY) / 1000)
    const hms = clock[s] ??= ` ${PAD[Math.floor(s / 3600)]}:${PAD[Math.floor(s / 60) % 60]}:${PAD[s % 60]}`
    return d + hms
  }
}

/** Small whole numbers (counts, working days) as shared strings rather than one per cell. */
const SMALL_INTS = Array.from({ length: 1000 }, (_, i) => String(i))

function toCell(v: unknown): string | null {
  if (v === null || v === undefined)
    return null
  if (typeof v === 'string')
    return v
  // Numbers go over as text: a number in a date column would otherwise be read as an Excel serial.
  if (typeof v === 'number')
    return (v >= 0 && v < 1000 && Number.isInteger(v) ? SMALL_INTS[v] : undefined) ?? String(v)
  if (typeof v === 'bigint' || typeof v === 'boolean')
    return String(v)
  if (v instanceof Uint8Array)
    return new TextDecoder().decode(v)
  return JSON.stringify(v, (_, x: unknown) => (typeof x === 'bigint' ? String(x) : x))
}

/** Years 1000–9999 in epoch milliseconds: a time in them prints as the canonical text. */
const FIRST_MS = Date.UTC(1000, 0, 1)
const END_MS = Date.UTC(10000, 0, 1)

/** A top-level Parquet column: which kind's canonical text its cells are made in, if any. */
function typedKind(el: SchemaElement | undefined, time: TimeKind): CanonicalKind | null {
  if (!el)
    return null
  if (time !== 'none')
    return 'datetime'
  const lt = el.logical_type
  if (el.type === 'INT32' && (lt?.type === 'DATE' || el.converted_type === 'DATE'))
    return 'date'
  // A signed integer of at most 32 bits prints as the canonical text of an int (normaliseCell's bound).
  const signed32 = lt?.type === 'INTEGER' ? lt.isSigned && lt.bitWidth <= 32 : el.converted_type === undefined || /^INT_(?:8|16|32)$/.test(el.converted_type)
  return el.type === 'INT32' && signed32 ? 'int' : null
}

/**
 * One of two parts of a Parquet file, for two workers reading it side by side: part 0 takes
 * the row groups in the first `cut` of the file's bytes (by each group's middle), part 1 the rest.
 */
export interface FileSlice { part: 0 | 1, cut: number }

/** The rows [start, end) of a slice: whole row groups, part 0 a prefix of them. */
export function sliceRows(groups: ReadonlyArray<{ num_rows: bigint, total_byte_size: bigint }>, slice: FileSlice): { start: number, end: number } {
  const bytes = groups.map(g => Number(g.total_byte_size))
  const total = bytes.reduce((n, b) => n + b, 0)
  let before = 0
  let split = 0
  for (const [i, g] of groups.entries()) {
    if (before + bytes[i]! / 2 >= slice.cut * total)
      break
    before += bytes[i]!
    split += Number(g.num_rows)
  }
  const all = groups.reduce((n, g) => n + Number(g.num_rows), 0)
  return slice.part === 0 ? { start: 0, end: split } : { start: split, end: all }
}

/** A Parquet file as a grid of text cells, header first (top-level columns only). */
export interface ParquetGrid {
  cells: Array<Array<string | null>>
  /** The file's row number of the header (1; under a slice's part 1, the rows before it + 1). */
  firstRowNumber: number
  /**
   * Per column, the kind whose canonical text every cell was made in (times and dates of a
   * four-digit year, 32-bit integers), else null: loadGrid takes those cells as they are.
   */
  canonical: Array<CanonicalKind | null>
}

/** The rows of a Parquet file as text cells, header first; top-level columns only. */
export async function parquetToGrid(bytes: Uint8Array): Promise<Array<Array<string | null>>> {
  return (await readParquetGrid(bytes)).cells
}

export async function readParquetGrid(bytes: Uint8Array, slice?: FileSlice): Promise<ParquetGrid> {
  const file = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer
  const metadata = parquetMetadata(file)
  const top = metadata.schema[0]?.num_children ?? 0
  // Top-level columns are the root's children; nested ones keep their parent's name.
  const names: string[] = []
  const elements: Array<SchemaElement | undefined> = []
  let i = 1
  for (let c = 0; c < top; c++) {
    const el = metadata.schema[i]
    names.push(el?.name ?? `column${c + 1}`)
    elements.push(el?.num_children ? undefined : el)
    i = skipSubtree(metadata.schema, i)
  }
  const kinds = elements.map(timeKind)
  const canonical = elements.map((el, c) => typedKind(el, kinds[c]!))
  const range = slice ? sliceRows(metadata.row_groups, slice) : null
  let rows: unknown[][] = []
  if (!range || range.end > range.start) {
    await parquetRead({
      file,
      metadata,
      ...(range ? { rowStart: range.start, rowEnd: range.end } : {}),
      parsers: PARSERS,
      onComplete: (r: unknown[][]) => {
        rows = r
      },
    })
  }
  const fmt = timeFormatter()
  const grid: Array<Array<string | null>> = [names]
  // Cells are converted in hyparquet's own row arrays: a second array per row doubled the
  // garbage of a million-row file.
  for (const row of rows) {
    for (let c = 0; c < row.length; c++) {
      const v = row[c]
      const k = kinds[c]
      if (typeof v === 'number' && k !== 'none') {
        const ms = k === 'utc' ? v + CHINA_OFFSET_MS : v
        if (!(ms >= FIRST_MS && ms < END_MS))
          canonical[c] = null
        row[c] = fmt(ms)
      }
      else {
        const cell = toCell(v)
        // A time's canonical text comes from its number only; a date's in years 1000–9999 only.
        if (cell !== null && (canonical[c] === 'datetime' || (canonical[c] === 'date' && (cell.length !== 10 || cell[0] === '0'))))
          canonical[c] = null
        row[c] = cell
      }
    }
    grid.push(row as Array<string | null>)
  }
  return { cells: grid, canonical, firstRowNumber: 1 + (range?.start ?? 0) }
}

function skipSubtree(schema: SchemaElement[], i: number): number {
  const n = schema[i]?.num_children ?? 0
  let next = i + 1
  for (let k = 0; k < n; k++)
    next = skipSubtree(schema, next)
  return next
}
