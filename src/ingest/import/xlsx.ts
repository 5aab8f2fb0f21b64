// Workbooks (.xlsx, .xlsm, .xls) through @e965/xlsx, the maintained SheetJS build: every
// sheet, merged cells kept (`!merges`), the sheet's own row numbers.

import type { CellObject, WorkBook, WorkSheet } from '@e965/xlsx'
import type { RawSheet } from './sheet'
import type { ReadResult } from './types'
import { read, SSF, utils } from '@e965/xlsx'
import { excelSerialToChina } from '../../domain/dates'
import { decodeText } from '../table/decode'
import { readDelimited } from './delimited'
import { isOle, isZip } from './formats'
import { unreadableIssue } from './reason'
import { isEmptySheet, sheetToGrid } from './sheet'

const MAX_SERIAL = 2958466
// Workbooks saved with the Mac 1904 date system count days from 1904-01-01.
const DAYS_1900_TO_1904 = 1462

/**
 * A cell's value for loadGrid. A date-formatted number becomes its China date (or date and
 * time) as text, so a 完成时限 typed as a date reads as a date even in a text column; other
 * numbers stay numbers, so a serial in a General-formatted date column still converts.
 */
export function cellValue(cell: CellObject | undefined, date1904: boolean): unknown {
  if (!cell)
    return null
  switch (cell.t) {
    case 'n': {
      const v = cell.v as number
      if (!Number.isFinite(v))
        return cell.w ?? String(v)
      if (typeof cell.z === 'string' && SSF.is_date(cell.z)) {
        const serial = date1904 ? v + DAYS_1900_TO_1904 : v
        if (serial < 1 || serial >= MAX_SERIAL)
          return cell.w ?? String(v)
        const dt = excelSerialToChina(serial)
        return Number.isInteger(serial) ? dt.slice(0, 10) : dt
      }
      // Out of Excel's date range: text, so a date column reports it instead of failing.
      return v >= 0 && v < MAX_SERIAL ? v : String(v)
    }
    case 's':
      return cell.v === undefined || cell.v === null ? null : String(cell.v)
    case 'b':
      return cell.v ? 'true' : 'false'
    case 'd':
      return cell.w ?? String(cell.v)
    case 'e':
      return cell.w ?? '#ERROR'
    default:
      return null
  }
}

function sheetCells(ws: WorkSheet, date1904: boolean): { cells: unknown[][], firstRow: number, firstCol: number } {
  const ref = ws['!ref']
  if (!ref)
    return { cells: [], firstRow: 0, firstCol: 0 }
  const range = utils.decode_range(ref)
  const data = (ws['!data'] ?? []) as CellObject[][]
  const cells: unknown[][] = []
  for (let r = range.s.r; r <= range.e.r; r++) {
    const src = data[r]
    const row: unknown[] = []
    if (src) {
      for (let c = range.s.c; c <= range.e.c; c++)
        row.push(cellValue(src[c], date1904))
    }
    cells.push(row)
  }
  return { cells, firstRow: range.s.r, firstCol: range.s.c }
}

function workbookSheets(name: string, wb: WorkBook): RawSheet[] {
  const date1904 = Boolean(wb.Workbook?.WBProps?.date1904)
  const out: RawSheet[] = []
  for (const sheetName of wb.SheetNames) {
    const ws = wb.Sheets[sheetName]
    if (!ws)
      continue
    const { cells, firstRow, firstCol } = sheetCells(ws, date1904)
    if (isEmptySheet(cells))
      continue
    const merges = (ws['!merges'] ?? []).map(m => ({
      s: { r: m.s.r - firstRow, c: m.s.c - firstCol },
      e: { r: m.e.r - firstRow, c: m.e.c - firstCol },
    }))
    out.push({ fileName: name, sheet: sheetName, cells, merges, firstRowNumber: firstRow + 1 })
  }
  return out
}

const OPTIONS = { dense: true, cellNF: true, cellDates: false, cellHTML: false, cellFormula: false, sheetStubs: false } as const

export function readXlsx(name: string, bytes: Uint8Array): ReadResult {
  let wb: WorkBook
  if (isZip(bytes) || isOle(bytes)) {
    try {
      wb = read(bytes, { type: 'array', ...OPTIONS })
    }
    catch (e) {
      return unreadable(name, e)
    }
  }
  else {
    // Many platforms export "Excel" files that are really an HTML table or tab-separated text.
    const decoded = decodeText(bytes)
    // Flat OpenDocument (.fods) is XML text too.
    if (!/<table[\s>]|<office:document[\s>]/i.test(decoded.text))
      return readDelimited(name, bytes)
    try {
      wb = read(decoded.text, { type: 'string', ...OPTIONS })
    }
    catch (e) {
      return unreadable(name, e)
    }
  }
  const sheets = workbookSheets(name, wb)
  if (sheets.length === 0)
    return { grids: [], issues: [{ severity: 'error', code: 'empty_file', file: name }] }
  return { grids: sheets.map(sheetToGrid), issues: [] }
}

function unreadable(name: string, e: unknown): ReadResult {
  return { grids: [], issues: [unreadableIssue(name, '不是有效的 Excel 工作簿，或文件已损坏', 'not a valid Excel workbook, or the file is damaged', e)] }
}
