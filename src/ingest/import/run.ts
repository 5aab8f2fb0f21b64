// One file → validated tables with a report per table; src/ingest/index.ts: ingestFiles runs it
// over several files for every caller.

import type { TableName } from '../../domain/contract/tables'
import type { LoadedFile } from '../dataset/dataset'
import type { LoadIssue } from '../table/issues'
import type { GridSource, LoadCarry, TableLoadResult, TableRows } from '../table/table'
import type { FileImport, GridReport, ImportChoices, ImportProgress, InputFile, MappingChoice, SliceEnd } from './types'
import { addSkipped } from '../table/layout-rows'
import { loadGrid } from '../table/table'
import { restoreFormulas } from './bundle'
import { sha256Hex } from './hash'
import { applyChoice, gridKey, headerCells, mappedColumns, missingRequired, shapeSignature } from './mapping'
import { readAnyFile } from './read'

export interface ImportOptions {
  choices?: ImportChoices
  /** The file comes from an unzipped export bundle (its formula quoting is undone). */
  bundle?: boolean
  now?: () => string
  /** Rows validated between progress reports. */
  chunkRows?: number
  /** Tables chosen by file name (`duban --table FILE=TABLE`), for every table of that file. */
  tables?: Record<string, TableName>
}

/**
 * assembleDataset spreads each table's rows and each file's issues into push(); past about
 * 150k arguments that overflows the stack. Tables are handed over in slices, and a file's
 * issues are capped (its counts stay exact): nobody reads the 20,001st problem.
 */
const SLICE_ROWS = 20_000
export const MAX_ISSUES_PER_TABLE = 20_000

function append<T>(into: T[], items: T[]): void {
  for (const x of items)
    into.push(x)
}

/** Each table as slices of SLICE_ROWS rows, in order. */
export function inSlices(tables: TableRows[]): TableRows[] {
  return tables.flatMap((t) => {
    if (t.rows.length <= SLICE_ROWS)
      return [t]
    const parts = []
    for (let i = 0; i < t.rows.length; i += SLICE_ROWS)
      parts.push({ ...t, rows: t.rows.slice(i, i + SLICE_ROWS) })
    return parts
  })
}

function sliceTables(result: TableLoadResult): void {
  result.tables = inSlices(result.tables)
  if (result.issues.length > MAX_ISSUES_PER_TABLE)
    result.issues = result.issues.slice(0, MAX_ISSUES_PER_TABLE)
}

/** Sheet names that say nothing about the table (Sheet1, 工作表1, a Word document's 表1). */
const GENERIC_SHEET = /^(?:sheet|工作表|表|表格|table)\s*\d*$/i

/**
 * Names that may break a tie between tables a sheet's columns fit equally: the sheet's own
 * name, then the file's when the sheet's is generic or it is the file's only table.
 */
function nameHints(grid: GridSource, single: boolean): string[] {
  if (grid.sheet === undefined)
    return [grid.fileName]
  return single || GENERIC_SHEET.test(grid.sheet.trim()) ? [grid.sheet, grid.fileName] : [grid.sheet]
}

/**
 * loadGrid in slices of rows, so a long table reports progress; the result equals one
 * loadGrid call (header problems once, row numbers unchanged).
 */
export function loadGridChunked(src: GridSource, onRows?: (done: number, total: number) => void, chunkRows = 5000, carry: LoadCarry = { blanks: 0 }): TableLoadResult {
  const h = src.headerIndex ?? 0
  const first = src.firstRowNumber ?? 1
  const total = Math.max(0, src.grid.length - h - 1)
  if (total <= chunkRows) {
    const r = loadGrid(src, carry)
    onRows?.(total, total)
    return r
  }
  const header = src.grid[h] ?? []
  let acc: TableLoadResult | null = null
  for (let start = h + 1; start < src.grid.length; start += chunkRows) {
    const part = loadGrid({
      ...src,
      grid: [header, ...src.grid.slice(start, start + chunkRows)],
      headerIndex: 0,
      firstRowNumber: first + start - 1,
      ...(acc?.table ? { table: acc.table } : {}),
    }, carry)
    if (!acc) {
      // The header decides alone whether the table loads at all.
      if (part.tables.length === 0) {
        onRows?.(total, total)
        return part
      }
      acc = { ...part, issues: part.issues.filter(i => i.code !== 'empty_file') }
    }
    else {
      if (part.skipped)
        acc.skipped = addSkipped(acc.skipped ?? {}, part.skipped)
      if (part.dataRows)
        acc.dataRows = { first: acc.dataRows?.first ?? part.dataRows.first, last: part.dataRows.last }
      append(acc.issues, part.issues.filter(i => i.code !== 'empty_file' && i.code !== 'duplicate_header'))
      for (const t of part.tables) {
        const into = acc.tables.find(x => x.name === t.name)
        if (into)
          append(into.rows, t.rows)
        else
          acc.tables.push(t)
      }
      acc.goodRows += part.goodRows
      acc.badRows += part.badRows
    }
    onRows?.(Math.min(start + chunkRows - h - 1, total), total)
  }
  if (acc && acc.goodRows + acc.badRows === 0)
    acc.issues.push({ severity: 'warning', code: 'empty_file', file: src.fileName, ...(src.sheet ? { sheet: src.sheet } : {}) })
  return acc!
}

function cellText(v: unknown): string {
  return v === null || v === undefined ? '' : String(v)
}

function samplesOf(grid: GridSource, n = 5): string[][] {
  const out: string[][] = []
  for (let r = (grid.headerIndex ?? 0) + 1; r < grid.grid.length && out.length < n; r++) {
    const row = grid.grid[r] ?? []
    if (row.some(v => cellText(v).trim() !== ''))
      out.push(Array.from(row, cellText))
  }
  return out
}

function emptyResult(issues: LoadIssue[]): TableLoadResult {
  return { table: null, recognisedBy: 'none', tables: [], issues, goodRows: 0, badRows: 0 }
}

/** One file: read, recognise or map each table, validate every row. Never throws on content. */
export async function importFile(input: InputFile, opts: ImportOptions = {}, onProgress?: (fraction: number, phase: ImportProgress['phase']) => void): Promise<FileImport> {
  const now = opts.now ?? (() => new Date().toISOString())
  const loadedAt = now()
  onProgress?.(0, 'hash')
  const sha256 = await sha256Hex(input.bytes)
  onProgress?.(0.05, 'read')
  const read = await readAnyFile(input.name, input.bytes, input.slice)
  if (opts.bundle)
    read.grids = read.grids.map(restoreFormulas)
  const base = { bytes: input.bytes.byteLength, sha256, loadedAt, ...(read.encoding ? { encoding: read.encoding } : {}) }
  const single = read.grids.length === 1
  const totalRows = read.grids.reduce((n, g) => n + g.grid.length, 0) || 1
  let rowsDone = 0
  const grids: GridReport[] = []
  const loaded: LoadedFile[] = []
  // How the part ended, when only a part is read (its grid's carry, below; none read: nothing carried).
  let sliceEnd: SliceEnd | undefined = input.slice && { part: input.slice.part, trailingBlanks: 0, underNote: false, sumsRead: false }

  for (const grid of read.grids) {
    const key = gridKey(grid)
    const headers = headerCells(grid)
    const signature = shapeSignature(headers)
    // --table FILE=TABLE speaks for the file's tables that can be TABLE, not for its 说明 sheet.
    const forced = opts.tables?.[input.name]
    const named = forced && missingRequired(forced, mappedColumns(headers, forced)).length === 0 ? forced : undefined
    const own = opts.choices?.byGrid?.[key] ?? (named ? { kind: 'map' as const, table: named } : undefined)
    const choice: MappingChoice | null = own ?? opts.choices?.bySignature?.[signature] ?? null
    const headerRow = (grid.firstRowNumber ?? 1) + (grid.headerIndex ?? 0)
    const headerRows = { first: (grid.firstRowNumber ?? 1) + (grid.headerTop ?? grid.headerIndex ?? 0), last: headerRow }
    const reportBase = { key, fileName: grid.fileName, ...(grid.sheet !== undefined ? { sheet: grid.sheet } : {}), headers, signature, samples: samplesOf(grid), headerRow, headerRows, choice }
    if (choice?.kind === 'skip') {
      grids.push({ ...reportBase, table: null, recognisedBy: own ? 'mapping' : 'remembered', columns: headers.map(() => null), skipped: true, goodRows: 0, badRows: 0, errors: 0, warnings: 0, needsMapping: false })
      rowsDone += grid.grid.length
      continue
    }
    let src: GridSource = { ...grid, nameHints: nameHints(grid, single) }
    let by: GridReport['recognisedBy'] | null = null
    if (choice) {
      src = applyChoice(grid, choice)
      by = own ? 'mapping' : 'remembered'
    }
    const before = rowsDone
    const carry: LoadCarry = { blanks: 0 }
    const result = loadGridChunked(src, done => onProgress?.(0.1 + 0.9 * (before + done) / totalRows, 'rows'), opts.chunkRows, carry)
    if (input.slice)
      sliceEnd = { part: input.slice.part, trailingBlanks: carry.blanks, underNote: carry.layout?.underNote ?? false, sumsRead: carry.layout?.sumsRead ?? false }
    rowsDone += grid.grid.length
    if (by === 'mapping' || by === 'remembered')
      result.recognisedBy = 'forced'
    // A workbook's instructions sheet or a Word document's other tables are not an error; a
    // table several contract tables fit is, wherever it is.
    const ambiguous = result.candidates !== undefined
    if (!single && !choice && result.table === null && !ambiguous) {
      for (const i of result.issues)
        i.severity = 'warning'
    }
    const needsMapping = result.table === null || result.issues.some(i => i.code === 'missing_column')
    grids.push({
      ...reportBase,
      table: result.table,
      recognisedBy: by ?? result.recognisedBy,
      columns: result.table ? mappedColumns(headers, result.table, src.columnMap) : headers.map(() => null),
      skipped: !single && !choice && result.table === null && !ambiguous,
      ...(result.labels ? { labels: result.labels } : {}),
      ...(result.candidates ? { candidates: result.candidates } : {}),
      ...(result.skipped ? { skippedRows: result.skipped } : {}),
      ...(result.dataRows ? { dataRows: result.dataRows } : {}),
      goodRows: result.goodRows,
      badRows: result.badRows,
      errors: result.issues.filter(i => i.severity === 'error').length,
      warnings: result.issues.filter(i => i.severity === 'warning').length,
      needsMapping,
    })
    const label = grid.sheet !== undefined ? `${grid.fileName} [${grid.sheet}]` : grid.fileName
    if (label !== grid.fileName) {
      // Rows remember their sheet too, so a duplicate id found across files names it.
      for (const t of result.tables) {
        const fi = t.columns.indexOf('_file')
        for (const row of t.rows)
          row[fi] = label
      }
    }
    sliceTables(result)
    loaded.push({ file: { name: label, ...base }, result })
  }
  // File-level problems travel with the first table, or alone when there is none.
  if (read.issues.length) {
    const firstGrid = grids.findIndex(g => !g.skipped)
    const first = loaded[0]
    if (first && firstGrid >= 0) {
      append(first.result.issues, read.issues)
      grids[firstGrid]!.errors += read.issues.filter(i => i.severity === 'error').length
      grids[firstGrid]!.warnings += read.issues.filter(i => i.severity === 'warning').length
    }
    else {
      loaded.push({ file: { name: input.name, ...base }, result: emptyResult(read.issues) })
    }
  }
  onProgress?.(1, 'rows')
  return { name: input.name, size: input.bytes.byteLength, sha256, ...(read.encoding ? { encoding: read.encoding } : {}), loadedAt, format: read.format, grids, loaded, ...(read.plan ? { plan: read.plan } : {}), ...(sliceEnd ? { slice: sliceEnd } : {}) }
}
