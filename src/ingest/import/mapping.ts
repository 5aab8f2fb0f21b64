// The user's column mappings. A file's shape is its set of headers; a mapping chosen once is
// offered again for any file of the same shape (next month's export of the same platform).

import type { ColumnSpec, TableName } from '../../domain/contract/tables'
import type { GridSource } from '../table/table'
import type { MappingChoice } from './types'
import { RECTIFICATION_COLUMNS_IN_EVALUATIONS, TABLE_BY_NAME, TABLES } from '../../domain/contract/tables'
import { mapHeaders, normaliseHeader } from '../table/headers'

/** Order-free signature of a header row: its normalised labels, sorted. */
export function shapeSignature(headers: string[]): string {
  return headers.map(h => normaliseHeader(h)).filter(Boolean).sort().join('|')
}

/** Identifies a table within an import: file (or zip entry) and sheet. */
export function gridKey(grid: { fileName: string, sheet?: string }): string {
  return `${grid.fileName}::${grid.sheet ?? ''}`
}

export function headerCells(grid: GridSource): string[] {
  return (grid.grid[grid.headerIndex ?? 0] ?? []).map(v => (v === null || v === undefined ? '' : String(v).trim()))
}

/** The columns a table accepts, with the rectification columns evaluations may carry. */
export function columnsOf(table: TableName): ColumnSpec[] {
  const spec = TABLE_BY_NAME[table]
  if (table !== 'evaluations')
    return spec.columns
  return [...spec.columns, ...TABLE_BY_NAME.rectifications.columns.filter(c => RECTIFICATION_COLUMNS_IN_EVALUATIONS.includes(c.name))]
}

/** Canonical column per source column under a table and an optional explicit mapping. */
export function mappedColumns(headers: string[], table: TableName, columnMap?: Record<string, string | null>): Array<string | null> {
  const spec = TABLE_BY_NAME[table]
  const extra = columnsOf(table).slice(spec.columns.length)
  return mapHeaders(headers, spec, extra, columnMap).columns
}

/** Required columns of `table` that `columns` leaves unmapped. */
export function missingRequired(table: TableName, columns: Array<string | null>): string[] {
  const got = new Set(columns)
  return TABLE_BY_NAME[table].columns.filter(c => c.required && !got.has(c.name)).map(c => c.name)
}

/** A mapping choice from the user's per-column selection (source column i → canonical or null). */
export function choiceFromColumns(table: TableName, headers: string[], columns: Array<string | null>): MappingChoice {
  const map: Record<string, string | null> = {}
  headers.forEach((h, i) => {
    const key = normaliseHeader(h)
    if (key && !Object.hasOwn(map, key))
      map[key] = columns[i] ?? null
  })
  return { kind: 'map', table, columns: map }
}

/** The grid with the user's choice applied (loadGrid then skips recognition). */
export function applyChoice(grid: GridSource, choice: Extract<MappingChoice, { kind: 'map' }>): GridSource {
  return { ...grid, table: choice.table, ...(choice.columns ? { columnMap: choice.columns } : {}) }
}

const TABLE_NAMES = new Set<string>(TABLES.map(t => t.name))

/** A choice read back from storage; anything malformed is dropped rather than trusted. */
export function parseChoice(v: unknown): MappingChoice | null {
  if (typeof v !== 'object' || v === null)
    return null
  const o = v as Record<string, unknown>
  if (o.kind === 'skip')
    return { kind: 'skip' }
  if (o.kind !== 'map' || typeof o.table !== 'string' || !TABLE_NAMES.has(o.table))
    return null
  const table = o.table as TableName
  if (o.columns === undefined)
    return { kind: 'map', table }
  if (typeof o.columns !== 'object' || o.columns === null)
    return null
  const known = new Set(columnsOf(table).map(c => c.name))
  const columns: Record<string, string | null> = {}
  for (const [k, c] of Object.entries(o.columns as Record<string, unknown>)) {
    if (c === null || (typeof c === 'string' && known.has(c)))
      columns[k] = c
  }
  return { kind: 'map', table, columns }
}

export function parseChoices(v: unknown): Record<string, MappingChoice> {
  const out: Record<string, MappingChoice> = {}
  if (typeof v !== 'object' || v === null || Array.isArray(v))
    return out
  for (const [k, c] of Object.entries(v)) {
    const choice = parseChoice(c)
    if (choice)
      out[k] = choice
  }
  return out
}
