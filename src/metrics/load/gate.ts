// Rows that may not be records (合计, notes, signatures, a repeated header…), found in SQL.
// The test is a loosened reading of layout-gate.ts's mayBeLayout over the row's cells joined
// by a separator: every row mayBeLayout could let through to the classifier's rules matches
// (a row whose cells hold the separator matches too). The flagged rows — few in a log — are
// then classified by RowClassifier itself (check.ts).

import type { LogFilePlan } from './plan'
import { JS_SPACE } from './cells'

const SEP = '\\x{1}'
const W = `[${JS_SPACE}]*`
/** One cell's text: anything but the separator. */
const CELL = `[^${SEP}]*`
const END = `(?:${SEP}|$)`
const BLANK_CELLS = `(?:${W}${SEP})*`

function escapeClass(ch: string): string {
  return /[\\\]^-]/.test(ch) ? `\\${ch}` : ch
}

/** SQL true for a staged row (columns c0…, fast flags f0…) that mayBeLayout could call layout. */
export function maybeLayoutSql(plan: LogFilePlan, headerFirst: string): string {
  const n = plan.columns.length
  // A date or time on the fast path (digits, dashes, colons: nothing a pattern looks for after
  // the first cell) is matched as one letter, 'x': the row's text is then a third shorter.
  const cell = (i: number) => (i > 0 && (plan.columns[i]!.kind === 'datetime' || plan.columns[i]!.kind === 'date') ? `CASE WHEN f${i} THEN 'x' ELSE coalesce(c${i}, '') END` : `coalesce(c${i}, '')`)
  const joined = `concat_ws(chr(1), ${Array.from({ length: n }, (_, i) => cell(i)).join(', ')})`
  const patterns = [
    // The header again: its first character opens the first cell; or a blank first cell under a blank first header.
    headerFirst === '\u0001' ? (n > 1 ? `^${W}${END}` : null) : `^${W}[${escapeClass(headerFirst)}]`,
    // A signature word with a colon in any cell.
    `(?:^|${SEP})${W}[审填制统经联电负单主分报]${CELL}[:：]`,
    // The first filled cell: a note word with a colon, 注/以/brackets/栏次/序号, or the start of a numbering row.
    `^${BLANK_CELLS}${W}(?:[说备附填数资nN]${CELL}[:：]|[注以(（栏序]|[01甲A]${W}${END})`,
    // 计, total or subtotal closing one of the first three filled cells (before a colon).
    `^${BLANK_CELLS}(?:${CELL}${SEP}${BLANK_CELLS}){0,2}${CELL}[计lL]${W}(?:[:：]${W})?${END}`,
  ].filter((p): p is string => p !== null)
  // A row of four filled cells or fewer may be a lone heading or a bare signature: a cell on
  // the fast path is filled, so fewer than five of those is the loosened test.
  const fewFilled = `(${Array.from({ length: n }, (_, i) => `f${i}::INTEGER`).join(' + ')}) < 5`
  // Only text can hold the separator: a number or a date on the fast path is digits and marks.
  const separatorInCell = `(${Array.from({ length: n }, (_, i) => (plan.columns[i]!.kind === 'text' ? `coalesce(contains(c${i}, chr(1)), false)` : `(NOT f${i} AND coalesce(contains(c${i}, chr(1)), false))`)).join(' OR ')})`
  return `(${fewFilled} OR ${separatorInCell} OR regexp_matches(${joined}, '${patterns.map(p => `(?:${p})`).join('|').replace(/'/g, '\'\'')}'))`
}
