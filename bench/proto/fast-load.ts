// Prototype of a faster loadGrid (src/core/load/table.ts), kept here to measure the proposal
// and prove it gives identical rows and issues; the loader's owner may adopt it. Three changes:
//  1. normalisation per column through a memo: exports repeat values (departments, channels,
//     levels, statuses, dates), and normaliseCell is pure;
//  2. already-canonical dates and date-times ('2024-06-01 09:05:07', what the Parquet reader
//     and the generator write), plain integers and visibly non-blank text skip the general
//     parser (and its NFKC normalisation) after a range check;
//  3. each source column's target (main row, embedded rectification, extra) is worked out once
//     per file, not per cell (loadGrid searches spec.columns for every cell), and rows are
//     allocated without a callback per cell.

import type { ColumnKind, ColumnSpec } from '../../src/core/contract/tables'
import type { LoadIssue } from '../../src/core/load/issues'
import type { GridSource, TableLoadResult } from '../../src/core/load/table'
import type { NormalisedCell } from '../../src/core/load/values'
import { RECTIFICATION_COLUMNS_IN_EVALUATIONS, TABLE_BY_NAME } from '../../src/core/contract/tables'
import { mapHeaders } from '../../src/core/load/headers'
import { recogniseTable } from '../../src/core/load/recognise'
import { emptyTable } from '../../src/core/load/table'
import { normaliseCell } from '../../src/core/load/values'

const DATETIME = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/
const INT = /^-?[1-9]\d{0,14}$|^0$/
const VISIBLE = /[\x21-\x7E\u4E00-\u9FFF]/
const DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

function validYmd(y: number, m: number, d: number): boolean {
  if (y < 1 || m < 1 || m > 12 || d < 1 || d > DAYS[m - 1]!)
    return false
  return m !== 2 || d < 29 || (y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0))
}

const MEMO_LIMIT = 20_000

/** normaliseCell for one column: same results, with a memo and canonical fast paths. */
export function columnNormaliser(kind: ColumnKind): (raw: unknown) => NormalisedCell {
  const memo = new Map<string, NormalisedCell>()
  let memoOn = true
  return (raw) => {
    if (typeof raw !== 'string')
      return normaliseCell(raw, kind)
    if (kind === 'datetime') {
      const m = DATETIME.exec(raw)
      if (m && validYmd(+m[1]!, +m[2]!, +m[3]!) && +m[4]! < 24 && +m[5]! < 60 && +m[6]! < 60)
        return { ok: true, value: raw }
    }
    else if (kind === 'date') {
      const m = DATE.exec(raw)
      if (m && validYmd(+m[1]!, +m[2]!, +m[3]!))
        return { ok: true, value: raw }
    }
    else if (kind === 'int' && INT.test(raw)) {
      return { ok: true, value: raw }
    }
    else if (kind === 'text') {
      // Text is kept as trimmed; NFKC only decides whether it is blank, and a printable ASCII
      // character or a CJK ideograph never normalises to blank.
      const t = raw.trim()
      if (VISIBLE.test(t))
        return { ok: true, value: t }
    }
    if (!memoOn)
      return normaliseCell(raw, kind)
    let r = memo.get(raw)
    if (r === undefined) {
      r = normaliseCell(raw, kind)
      memo.set(raw, r)
      // A column of mostly distinct values (ids, comments) gains nothing: stop remembering.
      if (memo.size > MEMO_LIMIT)
        memoOn = false
    }
    return r
  }
}

function isBlankRow(row: unknown[]): boolean {
  return row.every(v => v === null || v === undefined || String(v).trim() === '')
}

/** loadGrid with the three changes above; otherwise line for line the same. */
export function loadGridFast(src: GridSource): TableLoadResult {
  const headerIndex = src.headerIndex ?? 0
  const firstRow = src.firstRowNumber ?? 1
  const where = { file: src.fileName, ...(src.sheet ? { sheet: src.sheet } : {}) }
  const headerCells = (src.grid[headerIndex] ?? []).map(v => (v === null || v === undefined ? '' : String(v)))
  const recognition = src.table ? { table: src.table, by: 'forced' as const } : recogniseTable(src.sheet ?? src.fileName, headerCells)
  const fail = (issue: LoadIssue): TableLoadResult =>
    ({ table: recognition.table, recognisedBy: recognition.by, tables: [], issues: [issue], goodRows: 0, badRows: 0 })
  if (headerCells.every(h => h.trim() === ''))
    return fail({ severity: 'error', code: 'empty_file', ...where })
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
      issues: mapping.missingRequired.map(name => ({ severity: 'error', code: 'missing_column', ...where, row: firstRow + headerIndex, column: `${headerLabel(name)} ${name}` })),
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
  const inSpec = new Set(spec.columns.map(c => c.name))
  // Change 3: per source column, once.
  const plan = mapping.columns.map((name) => {
    if (name === null)
      return null
    const toMain = mainIndex.has(name) && inSpec.has(name)
    return { name, kind: kindOf.get(name)!.kind, main: toMain, index: toMain ? mainIndex.get(name)! : rectIndex.get(name)!, norm: columnNormaliser(kindOf.get(name)!.kind) }
  })
  const required = spec.columns.filter(c => c.required).map(c => ({ col: c, out: mainIndex.get(c.name)!, ci: mapping.columns.indexOf(c.name) }))
  const extraIdx = mainIndex.get('extra')!
  const fileIdx = mainIndex.get('_file')!
  const rowIdx = mainIndex.get('_row')!
  let good = 0
  let bad = 0
  for (let r = headerIndex + 1; r < src.grid.length; r++) {
    const cells = src.grid[r] ?? []
    if (isBlankRow(cells))
      continue
    const rowNumber = firstRow + r
    // new Array().fill() rather than Array.from({ length }, fn): a callback per cell adds up.
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
      const cell = p.norm(raw)
      if (!cell.ok) {
        rowOk = false
        issues.push({ severity: 'error', code: cell.code, ...where, row: rowNumber, column: headerCells[ci], value: String(raw) })
        continue
      }
      if (p.main)
        out[p.index] = cell.value
      else
        rectOut[p.index] = cell.value
    }
    for (const { col, out: oi, ci } of required) {
      if (out[oi] === null && rowOk && ci >= 0 && normaliseCell(cells[ci], col.kind).ok) {
        rowOk = false
        issues.push({ severity: 'error', code: 'required_empty', ...where, row: rowNumber, column: headerCells[ci] })
      }
    }
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
  return { table: spec.name, recognisedBy: recognition.by, tables: hasRect ? [main, rect] : [main], issues, goodRows: good, badRows: bad }
}
