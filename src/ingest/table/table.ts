import type { ColumnSpec, TableName, TableSpec } from '../../domain/contract/tables'
import type { LoadIssue } from './issues'
import { RECTIFICATION_COLUMNS_IN_EVALUATIONS, TABLE_BY_NAME } from '../../domain/contract/tables'
import { mapHeaders } from './headers'
import { columnNormaliser } from './column-normaliser'
import type { Recognition } from './recognise'
import type { SkippedCounts } from './layout-rows'
import { RowClassifier, skippedTotal } from './layout-rows'
import { recogniseTable } from './recognise'
import { normaliseCell } from './values'

/** Rows of one table in canonical column order, each cell normalised text or null. */
export interface TableRows {
  name: TableName
  /** The spec's columns, then `extra` (JSON of unmapped columns), `_file`, `_row`. */
  columns: string[]
  rows: Array<Array<string | null>>
}

/** The kinds whose canonical text a typed reader can give already (loadGrid then takes it as is). */
export type CanonicalKind = 'datetime' | 'date' | 'int'

export interface GridSource {
  fileName: string
  sheet?: string
  grid: unknown[][]
  /** Index of the header row in `grid` (a title row may sit above it). */
  headerIndex?: number
  /** First row of a header spread over two rows (headerIndex is the last). */
  headerTop?: number
  /** Spreadsheet row number of grid[0]; 1 for CSV. */
  firstRowNumber?: number
  /** Force a table instead of recognising it (the user's mapping choice). */
  table?: TableName
  /** The user's column mapping: normalised header → canonical column, or null to keep it as extra. */
  columnMap?: Record<string, string | null>
  /** Names that may break a tie between tables the columns fit equally (sheet, then file). */
  nameHints?: string[]
  /**
   * Per source column, the kind whose canonical text each of its cells already is (a typed
   * reader's: Parquet times, dates, integers), or null. A column of that kind is taken as it is.
   */
  canonical?: ReadonlyArray<CanonicalKind | null>
}

export interface TableLoadResult {
  table: TableName | null
  recognisedBy: 'file_name' | 'columns' | 'forced' | 'none'
  tables: TableRows[]
  issues: LoadIssue[]
  goodRows: number
  badRows: number
  /** Tables the columns fit equally well when nothing chose among them (the user must). */
  candidates?: TableName[]
  /** The file's labels of the columns that chose the table. */
  labels?: string[]
  /** Rows under the header that are not records (小计, 合计, notes, signatures…), by kind. */
  skipped?: SkippedCounts
  /** Spreadsheet rows of the first and last record. */
  dataRows?: { first: number, last: number }
}

export const META_COLUMNS = ['extra', '_file', '_row'] as const

export function emptyTable(name: TableName): TableRows {
  return { name, columns: [...TABLE_BY_NAME[name].columns.map(c => c.name), ...META_COLUMNS], rows: [] }
}

function isBlankRow(row: unknown[]): boolean {
  return row.every(v => v === null || v === undefined || String(v).trim() === '')
}

/**
 * What one slice of a long table hands to the next (loadGridChunked), so that row kinds,
 * sums and blank separators come out as in one call.
 */
export interface LoadCarry {
  layout?: RowClassifier
  blanks: number
  /** The previous record's grouping values (FILL_DOWN). */
  above?: Array<string | null>
  /** The last section heading seen, for a table with a section column its header lacks. */
  section?: string | null
}

/**
 * Grouping columns, outermost first. A layout merges them down a block of rows; saved as text
 * (CSV, or a sheet whose merges were undone) only the block's first row keeps the value, and a
 * blank below it means "the same as above". A column is filled only while every column before
 * it in its list is blank or unchanged too, so a new 板块 never inherits the last 目标任务.
 */
const FILL_DOWN: Partial<Record<TableName, string[]>> = {
  tasks: ['section', 'goal'],
  bundles: ['bundle_name', 'category', 'lead_dept'],
}

/**
 * Whether a row of this table may take a value from the rows above it (a grouping column
 * filled down, a section heading): then a part of the table read on its own may differ.
 */
export function carriesAcrossRows(name: TableName): boolean {
  return FILL_DOWN[name] !== undefined || TABLE_BY_NAME[name].columns.some(c => c.name === 'section')
}

function fillFromAbove(out: Array<string | null>, carry: LoadCarry, columns: number[]): void {
  const above = carry.above
  let same = above !== undefined
  for (const i of columns) {
    if (same && out[i] === null)
      out[i] = above![i] ?? null
    else
      same &&= out[i] === above![i]
  }
  carry.above = out
}

/** Loads one grid (a CSV file or a sheet) into canonical rows, with row-level issues. */
export function loadGrid(src: GridSource, carry: LoadCarry = { blanks: 0 }): TableLoadResult {
  const headerIndex = src.headerIndex ?? 0
  const firstRow = src.firstRowNumber ?? 1
  const where = { file: src.fileName, ...(src.sheet ? { sheet: src.sheet } : {}) }
  const headerCells = (src.grid[headerIndex] ?? []).map(v => (v === null || v === undefined ? '' : String(v)))
  const recognition: Omit<Recognition, 'by'> & { by: TableLoadResult['recognisedBy'] } = src.table ? { table: src.table, by: 'forced' } : recogniseTable(src.nameHints ?? [src.sheet ?? src.fileName], headerCells)
  const fail = (issue: LoadIssue): TableLoadResult =>
    ({ table: recognition.table, recognisedBy: recognition.by, tables: [], issues: [issue], goodRows: 0, badRows: 0, ...(recognition.candidates ? { candidates: recognition.candidates } : {}) })

  if (headerCells.every(h => h.trim() === ''))
    return fail({ severity: 'error', code: 'empty_file', ...where })
  if (recognition.candidates)
    return fail({ severity: 'error', code: 'ambiguous_table', ...where, row: firstRow + headerIndex, detail: recognition.candidates.join('|') })
  if (!recognition.table)
    return fail({ severity: 'error', code: 'unknown_table', ...where, row: firstRow + headerIndex })

  const spec = TABLE_BY_NAME[recognition.table]
  const rectSpec = TABLE_BY_NAME.rectifications
  const embeddedRect: ColumnSpec[] = spec.name === 'evaluations'
    ? rectSpec.columns.filter(c => RECTIFICATION_COLUMNS_IN_EVALUATIONS.includes(c.name))
    : []
  const mapping = mapHeaders(headerCells, spec, embeddedRect, src.columnMap)
  const issues: LoadIssue[] = []
  for (const col of mapping.duplicates)
    issues.push({ severity: 'warning', code: 'duplicate_header', ...where, row: firstRow + headerIndex, column: col })
  if (mapping.missingRequired.length > 0) {
    const headerLabel = (name: string) => spec.columns.find(c => c.name === name)?.aliases[0] ?? name
    return {
      table: spec.name,
      recognisedBy: recognition.by,
      tables: [],
      issues: mapping.missingRequired.map(name => ({
        severity: 'error',
        code: 'missing_column',
        ...where,
        row: firstRow + headerIndex,
        column: `${headerLabel(name)} ${name}`,
      })),
      goodRows: 0,
      badRows: 0,
    }
  }

  const main = emptyTable(spec.name)
  const rect = emptyTable('rectifications')
  const hasRect = embeddedRect.some(c => mapping.columns.includes(c.name))
  const kindOf = new Map<string, ColumnSpec>([...spec.columns, ...embeddedRect].map(c => [c.name, c]))
  const mainIndex = new Map(main.columns.map((n, i) => [n, i]))
  const rectIndex = new Map(rect.columns.map((n, i) => [n, i]))
  const mainNames = new Set(spec.columns.map(c => c.name))
  // Where each source column goes is worked out once per file, not once per cell.
  const plan = mapping.columns.map((name, ci) => {
    if (name === null)
      return null
    const toMain = mainNames.has(name)
    const kind = kindOf.get(name)!.kind
    return { toMain, index: toMain ? mainIndex.get(name)! : rectIndex.get(name)!, norm: columnNormaliser(kind), canonical: src.canonical?.[ci] === kind }
  })
  const required = spec.columns.filter(c => c.required).map(c => ({ col: c, out: mainIndex.get(c.name)!, ci: mapping.columns.indexOf(c.name) }))
  const extraIdx = mainIndex.get('extra')!
  const fileIdx = mainIndex.get('_file')!
  const rowIdx = mainIndex.get('_row')!
  let good = 0
  let bad = 0
  const layout = carry.layout ??= new RowClassifier(spec, mapping.columns, headerCells)
  const skipped: SkippedCounts = {}
  const fillDown = (FILL_DOWN[spec.name] ?? []).map(c => mainIndex.get(c)!).filter(i => mapping.columns.includes(main.columns[i]!))
  const sectionIdx = spec.columns.some(c => c.name === 'section') && !mapping.columns.includes('section') ? mainIndex.get('section')! : -1
  let dataRows: { first: number, last: number } | undefined

  for (let r = headerIndex + 1; r < src.grid.length; r++) {
    const cells = src.grid[r] ?? []
    if (isBlankRow(cells)) {
      carry.blanks++
      continue
    }
    // Blank rows count as skipped separators only when something follows them.
    if (carry.blanks > 0) {
      skipped.blank = (skipped.blank ?? 0) + carry.blanks
      carry.blanks = 0
    }
    const rowNumber = firstRow + r
    const kind = layout.classify(cells)
    if (kind) {
      skipped[kind] = (skipped[kind] ?? 0) + 1
      // A schedule laid out with headings ("一、基础建设") instead of a 板块 column keeps them as its sections.
      if (kind === 'section' && sectionIdx >= 0)
        carry.section = cells.map(v => (v === null || v === undefined ? '' : String(v).trim())).find(Boolean) ?? null
      continue
    }
    dataRows = { first: dataRows?.first ?? rowNumber, last: rowNumber }
    // new Array().fill() rather than Array.from({ length }, fn): this loop runs once per row of large files.
    const out: Array<string | null> = new Array<string | null>(main.columns.length).fill(null)
    const rectOut: Array<string | null> = hasRect ? new Array<string | null>(rect.columns.length).fill(null) : []
    let extra: Record<string, string> | null = null
    let rowOk = true
    for (let ci = 0; ci < plan.length; ci++) {
      const p = plan[ci]
      const raw = cells[ci]
      if (!p) {
        if (raw !== null && raw !== undefined && String(raw).trim() !== '' && headerCells[ci])
          (extra ??= {})[headerCells[ci]!] = String(raw)
        continue
      }
      let value: string | null
      if (p.canonical) {
        value = (raw ?? null) as string | null
      }
      else {
        const cell = p.norm(raw)
        if (!cell.ok) {
          rowOk = false
          issues.push({ severity: 'error', code: cell.code, ...where, row: rowNumber, column: headerCells[ci], value: String(raw) })
          continue
        }
        value = cell.value
      }
      if (p.toMain)
        out[p.index] = value
      else
        rectOut[p.index] = value
    }
    if (fillDown.length)
      fillFromAbove(out, carry, fillDown)
    for (const { col, out: oi, ci } of required) {
      if (out[oi] === null && rowOk && ci >= 0 && normaliseCell(cells[ci], col.kind).ok) {
        rowOk = false
        issues.push({ severity: 'error', code: 'required_empty', ...where, row: rowNumber, column: headerCells[ci] })
      }
    }
    if (sectionIdx >= 0 && out[sectionIdx] === null)
      out[sectionIdx] = carry.section ?? null
    if (!rowOk) {
      bad++
      continue
    }
    good++
    out[extraIdx] = extra ? JSON.stringify(extra) : null
    out[fileIdx] = src.fileName
    out[rowIdx] = String(rowNumber)
    main.rows.push(out)
    if (hasRect && rectOut.some(v => v !== null)) {
      rectOut[rectIndex.get('eval_id')!] = out[mainIndex.get('eval_id')!]!
      rectOut[rectIndex.get('_file')!] = src.fileName
      rectOut[rectIndex.get('_row')!] = String(rowNumber)
      rect.rows.push(rectOut)
    }
  }
  if (good + bad === 0)
    issues.push({ severity: 'warning', code: 'empty_file', ...where })
  const tables = hasRect ? [main, rect] : [main]
  return {
    table: spec.name,
    recognisedBy: recognition.by,
    tables,
    issues,
    goodRows: good,
    badRows: bad,
    ...(recognition.labels ? { labels: recognition.labels } : {}),
    ...(skippedTotal(skipped) > 0 ? { skipped } : {}),
    ...(dataRows ? { dataRows } : {}),
  }
}

export type { TableSpec }
