// Spreadsheets and Word tables are laid out for people: a title row above the header, group
// labels merged over two header rows, a department merged down a block of rows. This turns
// such a sheet into the plain grid loadGrid reads, the same way for .xlsx and .docx.

import type { GridSource } from '../table/table'
import { TABLES } from '../../domain/contract/tables'
import { mapHeaders, normaliseHeader } from '../table/headers'
import { columnsOf } from './mapping'

export interface Merge { s: { r: number, c: number }, e: { r: number, c: number } }

export interface RawSheet {
  fileName: string
  sheet?: string
  /** Rows of cells (ragged rows are fine); numbers stay numbers, so Excel serials survive. */
  cells: unknown[][]
  /** Merged ranges, 0-based and inclusive, in `cells` coordinates. */
  merges?: Merge[]
  /** Spreadsheet row number of cells[0]. */
  firstRowNumber?: number
}

/** Rows searched for the header: titles and notes above a header are rarely longer. */
const SCAN_ROWS = 30

export function isEmptyCell(v: unknown): boolean {
  return v === null || v === undefined || (typeof v === 'string' && v.trim() === '')
}

export function isEmptySheet(cells: unknown[][]): boolean {
  return cells.every(row => row.every(isEmptyCell))
}

function text(v: unknown): string {
  return isEmptyCell(v) ? '' : String(v).trim()
}

const KNOWN_HEADERS = new Set(TABLES.flatMap(t => t.columns.flatMap(c => [c.name, ...c.aliases])).map(normaliseHeader))

function isKnownHeader(label: string): boolean {
  return KNOWN_HEADERS.has(normaliseHeader(label)) || KNOWN_HEADERS.has(normaliseHeader(label.replace(/[(（].*$/u, '')))
}

/** The most contract columns of any one table that this row names (evaluations with their rectification columns). */
export function contractColumnsNamed(row: string[]): number {
  let best = 0
  for (const t of TABLES)
    best = Math.max(best, mapHeaders(row, t, columnsOf(t.name).slice(t.columns.length)).matched)
  return best
}

/** "填报单位：XX区政务服务中心" above a header is the sheet's letterhead, not a group label. */
function isLetterhead(label: string): boolean {
  return /[:：]\s*\S/u.test(label)
}

/**
 * One header label per column from two header rows. A label merged over both rows is taken
 * once; a group label over sub-labels is joined in whichever order the contract knows
 * ("改革前" over "材料数" and "材料数" over "改革前" both give 改革前材料数).
 */
export function combineHeaderRows(upper: string[], lower: string[]): string[] {
  const width = Math.max(upper.length, lower.length)
  const out: string[] = []
  // Saved as text, a group label merged over its sub-labels keeps only its first cell: it
  // spreads right over blank cells for as long as sub-labels continue below.
  const groups: string[] = []
  for (let c = 0; c < width; c++) {
    const own = isLetterhead(upper[c] ?? '') ? '' : upper[c] ?? ''
    groups.push(own || (c > 0 && lower[c] && lower[c - 1] ? groups[c - 1]! : ''))
  }
  for (let c = 0; c < width; c++) {
    const u = groups[c]!
    const l = lower[c] ?? ''
    if (!l || u === l) {
      out.push(u)
      continue
    }
    if (!u) {
      out.push(l)
      continue
    }
    out.push([u + l, l + u, l, u].find(isKnownHeader) ?? u + l)
  }
  return out
}

function fillMerges(rows: unknown[][], merges: Merge[], accept: (m: Merge) => boolean): void {
  const copied = new Set<number>()
  for (const m of merges) {
    if (!accept(m) || m.s.r >= rows.length)
      continue
    const value = rows[m.s.r]?.[m.s.c] ?? null
    for (let r = m.s.r; r <= m.e.r && r < rows.length; r++) {
      if (!copied.has(r)) {
        rows[r] = [...(rows[r] ?? [])]
        copied.add(r)
      }
      const row = rows[r]!
      for (let c = m.s.c; c <= m.e.c; c++) {
        if (r !== m.s.r || c !== m.s.c)
          row[c] = value
      }
    }
  }
}

interface HeaderChoice { index: number, pair: boolean }

/**
 * The header is the row that names the most contract columns (at least two), alone or joined
 * with the row below it: two rows are one header when together they name more than either
 * alone (a group label over its sub-labels, 改革前/改革后 under each measure), or when labels
 * are merged down from the first into the second. Failing that (a table the user will map by
 * hand), the first row with nearly as many distinct labels as any.
 */
export function detectHeader(head: string[][], merges: Merge[]): HeaderChoice {
  const hasGroupLabels = (r: number) => merges.some(m => m.s.r === r && m.e.r === r && m.e.c > m.s.c)
    && new Set(head[r]!.filter(Boolean)).size >= 2
  const mergedDown = (r: number) => merges.some(m => m.s.r === r && m.e.r > r)
  const single = head.map(contractColumnsNamed)
  let best: HeaderChoice & { score: number } | null = null
  for (let r = 0; r < head.length; r++) {
    const pair = r + 1 < head.length ? contractColumnsNamed(combineHeaderRows(head[r]!, head[r + 1]!)) : 0
    const joined = pair > single[r]! && (pair > single[r + 1]! || mergedDown(r))
    const score = joined ? pair : single[r]!
    if (score >= 2 && (!best || score > best.score))
      best = { index: r, pair: joined, score }
  }
  if (best)
    return { index: best.index, pair: best.pair }
  // A title has one label; a data row may fill more cells than a header with gaps, so the
  // first row nearly as full as the fullest one wins rather than the fullest itself.
  const distinct = head.map(row => new Set(row.filter(Boolean)).size)
  const most = Math.max(0, ...distinct)
  const index = Math.max(0, distinct.findIndex(n => n >= 2 && n >= most * 0.6))
  if (index > 0 && hasGroupLabels(index - 1))
    return { index: index - 1, pair: true }
  return { index, pair: false }
}

/** A laid-out sheet → the grid, header row and row numbering loadGrid expects. */
export function sheetToGrid(raw: RawSheet): GridSource {
  const merges = raw.merges ?? []
  const rows = raw.cells.slice()
  const scan = Math.min(rows.length, SCAN_ROWS)
  // Header rows see every merge filled (group labels spread over their columns).
  const headRows = rows.slice(0, scan)
  fillMerges(headRows, merges, m => m.s.r < scan)
  const head = headRows.map(row => Array.from(row, text))
  const choice = detectHeader(head, merges)
  const headerIndex = choice.pair ? choice.index + 1 : choice.index
  for (let r = 0; r <= headerIndex; r++)
    rows[r] = headRows[r]!
  if (choice.pair)
    rows[headerIndex] = combineHeaderRows(head[choice.index]!, head[headerIndex]!)
  // Below the header only merges down several rows are filled: that is "the same value as
  // above" (a department over its block). A merge within one data row is a layout choice,
  // typically a section heading, and is left in its first cell.
  fillMerges(rows, merges, m => m.s.r > headerIndex && m.e.r > m.s.r)
  return {
    fileName: raw.fileName,
    ...(raw.sheet !== undefined ? { sheet: raw.sheet } : {}),
    grid: rows,
    headerIndex,
    ...(choice.pair ? { headerTop: choice.index } : {}),
    firstRowNumber: raw.firstRowNumber ?? 1,
  }
}

/** A grid whose first row is its header by construction (JSON keys, Parquet columns). */
export function plainGrid(raw: RawSheet): GridSource {
  return {
    fileName: raw.fileName,
    ...(raw.sheet !== undefined ? { sheet: raw.sheet } : {}),
    grid: raw.cells,
    headerIndex: 0,
    firstRowNumber: raw.firstRowNumber ?? 1,
  }
}
