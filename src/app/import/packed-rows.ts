// The import worker's rows, packed for the trip to the page. Structured cloning copies every
// string cell on its own: a million applications arrived as a million copies of each of
// their dozen department, bundle, region or status names (most of the page's JavaScript
// heap after a big import), and deserialising them took seconds of the page's thread. A
// column with few distinct values goes as its distinct values and one index per row (the
// index array transferred, not copied), so every row holds the same few strings again;
// other columns go as one string of their values joined by NUL (with the rows that are null
// marked apart), which is copied as a whole and split on the page in one call: cloning a
// million ids, times or phone numbers one string at a time took most of a second of the
// page's thread. The rows are rebuilt exactly, in order.

import type { FileImport } from '../../ingest/import/types'
import type { TableRows } from '../../ingest/table/table'

type Cell = string | null

export type PackedColumn
  = | { dict: Cell[], index: Uint8Array | Uint16Array | Uint32Array }
    | { joined: string, nulls: Uint8Array | null }
    | { values: Cell[] }

/** Joins a column's values; a column holding it in a value goes as its values instead. */
const SEP = '\u0000'

export interface PackedRows { length: number, columns: PackedColumn[] }

/** A column goes as a dictionary while its distinct values are at most this share of its rows. */
const DICT_SHARE = 0.25
/** Rows looked at first to tell an id-like column (nearly all distinct) without a full pass. */
const SAMPLE = 1000

function indexArray(distinct: number, length: number): Uint8Array | Uint16Array | Uint32Array {
  return distinct <= 0x100 ? new Uint8Array(length) : distinct <= 0x10000 ? new Uint16Array(length) : new Uint32Array(length)
}

function joinedColumn(rows: readonly Cell[][], c: number): PackedColumn {
  const n = rows.length
  const texts: string[] = new Array<string>(n)
  let nulls: Uint8Array | null = null
  for (let r = 0; r < n; r++) {
    const v = rows[r]![c] ?? null
    if (v === null) {
      (nulls ??= new Uint8Array(n))[r] = 1
      texts[r] = ''
    }
    else if (v.includes(SEP)) {
      return { values: rows.map(row => row[c] ?? null) }
    }
    else {
      texts[r] = v
    }
  }
  return { joined: texts.join(SEP), nulls }
}

function packColumn(rows: readonly Cell[][], c: number): PackedColumn {
  const n = rows.length
  const limit = Math.max(1, Math.floor(n * DICT_SHARE))
  const values = (): PackedColumn => joinedColumn(rows, c)
  const seen = new Map<Cell, number>()
  const sample = Math.min(n, SAMPLE)
  for (let r = 0; r < sample; r++) {
    const v = rows[r]![c] ?? null
    if (!seen.has(v))
      seen.set(v, seen.size)
  }
  // Mostly distinct in its first rows: an id, a phone number, a time (no full pass needed).
  if (n > SAMPLE && seen.size > sample / 2)
    return values()
  const codes = new Uint32Array(n)
  for (let r = 0; r < n; r++) {
    const v = rows[r]![c] ?? null
    let k = seen.get(v)
    if (k === undefined) {
      if (seen.size >= limit)
        return values()
      k = seen.size
      seen.set(v, k)
    }
    codes[r] = k
  }
  const index = indexArray(seen.size, n)
  index.set(codes)
  return { dict: [...seen.keys()], index }
}

export function packTable(rows: readonly Cell[][], width: number): PackedRows {
  return { length: rows.length, columns: Array.from({ length: width }, (_, c) => packColumn(rows, c)) }
}

export function unpackTable(p: PackedRows): Cell[][] {
  // Row by row into arrays made at their size: building a million rows with
  // `Array.from({ length })` and then writing them a column at a time took ~2.5 s of the
  // page's thread after a 1M import (CPU profile); this way is ~4× faster (Node, 1M × 21).
  const cols = p.columns.map((col) => {
    if ('dict' in col)
      return { dict: col.dict, index: col.index, values: null, nulls: null }
    if ('joined' in col)
      return { dict: null, index: null, values: col.joined.split(SEP), nulls: col.nulls }
    return { dict: null, index: null, values: col.values, nulls: null }
  })
  const width = cols.length
  const out: Cell[][] = new Array(p.length)
  for (let r = 0; r < p.length; r++) {
    const row: Cell[] = new Array(width)
    for (let c = 0; c < width; c++) {
      const col = cols[c]!
      row[c] = col.values ? (col.nulls?.[r] ? null : col.values[r]!) : col.dict![col.index![r]!]!
    }
    out[r] = row
  }
  return out
}

function tablesOf(files: readonly FileImport[]): TableRows[] {
  return files.flatMap(f => f.loaded.flatMap(l => l.result.tables))
}

/**
 * Empties every table's rows in `files` (in place: the worker is done with them) and returns
 * them packed, in the order `unpackRows` reads them back, with the buffers to transfer.
 */
export function packRows(files: FileImport[]): { packed: PackedRows[], transfer: ArrayBuffer[] } {
  const packed: PackedRows[] = []
  const transfer: ArrayBuffer[] = []
  for (const t of tablesOf(files)) {
    const p = packTable(t.rows, t.columns.length)
    for (const col of p.columns) {
      if ('dict' in col)
        transfer.push(col.index.buffer as ArrayBuffer)
      else if ('joined' in col && col.nulls)
        transfer.push(col.nulls.buffer as ArrayBuffer)
    }
    packed.push(p)
    t.rows = []
  }
  return { packed, transfer }
}

/** Puts the rows `packRows` took back into `files` (in place) and returns them. */
export function unpackRows(files: FileImport[], packed: readonly PackedRows[]): FileImport[] {
  const tables = tablesOf(files)
  if (tables.length !== packed.length)
    throw new Error(`import worker: ${packed.length} packed tables for ${tables.length}`)
  tables.forEach((t, i) => {
    t.rows = unpackTable(packed[i]!)
  })
  return files
}
