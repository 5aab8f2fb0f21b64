// Parquet files → the same grid (header row + rows of cells) a CSV gives, so they load
// through loadGrid like any other file. Pure JavaScript (hyparquet), for the browser too.
// Snappy and uncompressed files are read; other codecs give an "unreadable" issue.

import type { SchemaElement } from 'hyparquet'
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
  return (ms) => {
    const day = Math.floor(ms / MS_PER_DAY)
    let d = days.get(day)
    if (d === undefined) {
      d = fromDayNumber(day)
      days.set(day, d)
    }
    const s = Math.floor((ms - day * MS_PER_DAY) / 1000)
    return `${d} ${PAD[Math.floor(s / 3600)]}:${PAD[Math.floor(s / 60) % 60]}:${PAD[s % 60]}`
  }
}

function toCell(v: unknown): string | null {
  if (v === null || v === undefined)
    return null
  if (typeof v === 'string')
    return v
  // Numbers go over as text: a number in a date column would otherwise be read as an Excel serial.
  if (typeof v === 'number' || typeof v === 'bigint' || typeof v === 'boolean')
    return String(v)
  if (v instanceof Uint8Array)
    return new TextDecoder().decode(v)
  return JSON.stringify(v, (_, x: unknown) => (typeof x === 'bigint' ? String(x) : x))
}

/** The rows of a Parquet file as text cells, header first; top-level columns only. */
export async function parquetToGrid(bytes: Uint8Array): Promise<Array<Array<string | null>>> {
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
  let rows: unknown[][] = []
  await parquetRead({
    file,
    metadata,
    parsers: PARSERS,
    onComplete: (r: unknown[][]) => {
      rows = r
    },
  })
  const fmt = timeFormatter()
  const grid: Array<Array<string | null>> = [names]
  // Cells are converted in hyparquet's own row arrays: a second array per row doubled the
  // garbage of a million-row file.
  for (const row of rows) {
    for (let c = 0; c < row.length; c++) {
      const v = row[c]
      const k = kinds[c]
      row[c] = typeof v === 'number' && k !== 'none'
        ? fmt(k === 'utc' ? v + CHINA_OFFSET_MS : v)
        : toCell(v)
    }
    grid.push(row as Array<string | null>)
  }
  return grid
}

function skipSubtree(schema: SchemaElement[], i: number): number {
  const n = schema[i]?.num_children ?? 0
  let next = i + 1
  for (let k = 0; k < n; k++)
    next = skipSubtree(schema, next)
  return next
}
