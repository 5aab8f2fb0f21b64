// Rows that may not be records (合计, notes, signatures, a repeated header…), found in SQL.
// The test is a loosened reading of layout-gate.ts's mayBeLayout over the row's cells joined
// by a separator: every row mayBeLayout could let through to the classifier's rules matches
// (a row whose cells hold the separator matches too). The flagged rows — few in a log — are
// then classified by RowClassifier itself (check.ts).

import type { LogFilePlan } from './plan'
import type { StagedColumns } from './stage'
import { JS_SPACE } from './cells'
import { TEXT_COLUMNS } from './stage'

const SEP = '\\x{1}'
const W = `[${JS_SPACE}]*`
/** One cell's text: anything but the separator. */
const CELL = `[^${SEP}]*`
const END = `(?:${SEP}|$)`
const BLANK_CELLS = `(?:${W}${SEP})*`

function escapeClass(ch: string): string {
  return /[\\\]^-]/.test(ch) ? `\\${ch}` : ch
}

const codes = (chars: string) => [...chars].map(ch => ch.codePointAt(0)!).join(', ')
const hasColon = (c: string) => `(contains(${c}, ':') OR contains(${c}, '：'))`
/** How many of a row's cells are on the fast path: each such cell is filled. */
const fastCount = (n: number) => `(${Array.from({ length: n }, (_, i) => `f${i}::INTEGER`).join(' + ')})`

/**
 * SQL true only for a staged row that mayBeLayout surely calls a record, read off a few cells
 * without joining them: the row a large log mostly holds (its first three cells on the fast
 * path, five or more in all, no colon or 计 where a rule looks for one). False means "ask the
 * full test" (maybeLayoutSql), never "layout". Always false when the first three columns are
 * not all of kinds with a fast path.
 */
export function surelyRecordSql(plan: LogFilePlan, headerFirst: string, staged: Pick<StagedColumns, 'text'> = TEXT_COLUMNS): string {
  const n = plan.columns.length
  const kinds = plan.columns.map(c => c.kind)
  const fastKinds = ['text', 'datetime', 'date', 'int']
  const first = headerFirst.length > 0 ? headerFirst.charCodeAt(0) : -1
  // A header that starts with a lone surrogate could equal half of a cell's first character.
  if (n < 5 || kinds.slice(0, 3).some(k => !fastKinds.includes(k)) || (first >= 0xD800 && first <= 0xDFFF))
    return 'false'
  const parts: string[] = []
  // Five cells on the fast path are five filled cells: no lone heading, bare signature or note sentence.
  parts.push(`${fastCount(n)} >= 5`)
  // The first three cells filled, so they are the first three filled cells; a fast cell has no
  // space at either end, so its first character is its first non-space one.
  parts.push('f0', 'f1', 'f2')
  // The first filled cell: not the header's first character, no note or numbering start.
  if (first >= 0)
    parts.push(`ord(${staged.text(0)}) <> ${first}`)
  parts.push(`ord(${staged.text(0)}) NOT IN (${codes('注以(（栏序')})`, `${staged.text(0)} NOT IN ('0', '1', '甲', 'A')`)
  const signature = codes('审填制统经联电负单主分报')
  for (let i = 0; i < n; i++) {
    const c = staged.text(i)
    if (kinds[i] === 'text' && i < 3) {
      // One of the first three filled cells: no closing 计/l/L, nor a colon after one (the
      // full test decides those), and no note word (first cell) or signature with a colon.
      const starts = i === 0 ? `${signature}, ${codes('说备附填数资nN')}` : signature
      parts.push(`NOT (${['计', 'l', 'L', ':', '：'].map(e => `ends_with(${c}, '${e}')`).join(' OR ')})`, `(ord(${c}) NOT IN (${starts}) OR NOT ${hasColon(c)})`)
    }
    else if (kinds[i] === 'text') {
      // A fast text cell starts with its first non-space character; any other cell may have spaces first.
      parts.push(`(f${i} AND ord(${c}) NOT IN (${signature}) OR ${c} IS NULL OR NOT ${hasColon(c)})`)
    }
    else if (!fastKinds.includes(kinds[i]!)) {
      parts.push(`(${c} IS NULL OR NOT ${hasColon(c)})`)
    }
    else {
      // A date, time or integer on the fast path is digits and marks; off it, anything.
      parts.push(`(f${i} OR ${c} IS NULL OR NOT ${hasColon(c)})`)
    }
  }
  return `(${parts.join(' AND ')})`
}

/** SQL true for a staged row (columns c0…, fast flags f0…) that mayBeLayout could call layout. */
export function maybeLayoutSql(plan: LogFilePlan, headerFirst: string, staged: Pick<StagedColumns, 'text'> = TEXT_COLUMNS): string {
  return `CASE WHEN ${surelyRecordSql(plan, headerFirst, staged)} THEN false ELSE ${fullLayoutSql(plan, headerFirst, staged)} END`
}

/** The full test: a loosened mayBeLayout over the row's cells joined by a separator. */
function fullLayoutSql(plan: LogFilePlan, headerFirst: string, staged: Pick<StagedColumns, 'text'>): string {
  const t = (i: number) => staged.text(i)
  const n = plan.columns.length
  // A date or time on the fast path (digits, dashes, colons: nothing a pattern looks for after
  // the first cell) is matched as one letter, 'x': the row's text is then a third shorter.
  const cell = (i: number) => (i > 0 && (plan.columns[i]!.kind === 'datetime' || plan.columns[i]!.kind === 'date') ? `CASE WHEN f${i} THEN 'x' ELSE coalesce(${t(i)}, '') END` : `coalesce(${t(i)}, '')`)
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
  const fewFilled = `${fastCount(n)} < 5`
  // Only text can hold the separator: a number or a date on the fast path is digits and marks.
  const separatorInCell = `(${Array.from({ length: n }, (_, i) => (plan.columns[i]!.kind === 'text' ? `coalesce(contains(${t(i)}, chr(1)), false)` : `(NOT f${i} AND coalesce(contains(${t(i)}, chr(1)), false))`)).join(' OR ')})`
  return `(${fewFilled} OR ${separatorInCell} OR regexp_matches(${joined}, '${patterns.map(p => `(?:${p})`).join('|').replace(/'/g, '\'\'')}'))`
}
