// Rows that may not be records (合计, notes, signatures, a repeated header…), found in SQL.
// The test is layout-gate.ts's mayBeLayout read as SQL: a necessary condition, so every row
// the JavaScript classifier could skip is among those it flags. The flagged rows (few in a
// log) are then classified by RowClassifier itself; a file with any row it would skip goes
// the JavaScript way whole, since skipped rows feed state (notes, running sums) we do not copy.

import type { LogFilePlan } from './plan'
import { JS_SPACE, blankSql } from './cells'

const SIGNATURE_FIRST = '审填制统经联电负单主分报'
const NOTE_COLON_FIRST = '说备附填数资nN'

function charsIn(expr: string, chars: string): string {
  return `${expr} IN (${[...chars].map(c => `'${c}'`).join(', ')})`
}

const COLON = `(contains(%, ':') OR contains(%, '：'))`

/** SQL true for a staged row (columns c0…) that mayBeLayout could call layout; `headerFirst` as it computes it. */
export function maybeLayoutSql(plan: LogFilePlan, headerFirst: string): string {
  const n = plan.columns.length
  const c = (i: number) => `c${i}`
  const filled = (i: number) => `(NOT ${blankSql(c(i))})`
  const firstChar = (e: string) => String.raw`regexp_extract(${e}, '^[${JS_SPACE}]*((?s:.))', 1)`
  const first = (i: number) => firstChar(c(i))
  const colon = (i: number) => COLON.replaceAll('%', c(i))
  const count = (upTo: number) => Array.from({ length: upTo + 1 }, (_, j) => `CASE WHEN ${filled(j)} THEN 1 ELSE 0 END`).join(' + ')
  const firstFilled = `coalesce(${Array.from({ length: n }, (_, i) => `CASE WHEN ${filled(i)} THEN ${c(i)} END`).join(', ')})`
  const ff = firstChar(firstFilled)
  const rules: string[] = []
  // The header again: its first character in the first cell, or a blank first cell under a blank first header.
  rules.push(headerFirst === '\u0001' ? (n > 1 ? `NOT ${filled(0)}` : 'false') : `(${filled(0)} AND ${first(0)} = '${headerFirst.replace(/'/g, '\'\'')}')`)
  for (let i = 0; i < n; i++) {
    rules.push(`(${filled(i)} AND ${charsIn(first(i), SIGNATURE_FIRST)} AND ${colon(i)})`)
    rules.push(String.raw`(${filled(i)} AND (${count(i)}) <= 3 AND regexp_matches(${c(i)}, '[计lL][${JS_SPACE}]*(?:[:：][${JS_SPACE}]*)?$'))`)
  }
  const ffCell = firstFilled
  rules.push(`(${charsIn(ff, NOTE_COLON_FIRST)} AND (contains(${ffCell}, ':') OR contains(${ffCell}, '：')))`)
  rules.push(charsIn(ff, '注以(（栏序'))
  rules.push(String.raw`regexp_full_match(${ffCell}, '[${JS_SPACE}]*[01甲A][${JS_SPACE}]*')`)
  const total = count(n - 1)
  rules.push(`(${total}) = 1`)
  rules.push(`((${total}) <= 4 AND ${charsIn(ff, SIGNATURE_FIRST)})`)
  return rules.map(r => `(${r})`).join('\n  OR ')
}
