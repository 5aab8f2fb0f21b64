// The SQL half of a cell check. A cell in the canonical form a large export mostly holds
// ('2024-06-01 09:05:07', '14', a trimmed name) is accepted by a regular expression in the
// engine, giving exactly what normaliseCell gives for it; every other distinct value of the
// column goes once through normaliseCell itself (lookupRows), so odd forms, full-width
// digits, 五星 or a broken date are judged by the one JavaScript rule, never re-implemented.

import type { ColumnKind } from '../../domain/contract/tables'
import type { IssueCode } from '../../ingest/table/issues'
import { normaliseCell } from '../../ingest/table/values'

/** JavaScript's trim() set (WhiteSpace and LineTerminator), as an RE2 class body. */
export const JS_SPACE = String.raw`\t\n\x0B\f\r \x{A0}\x{1680}\x{2000}-\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}\x{FEFF}`

/**
 * A predicate true only where normaliseCell(raw, kind) is { ok: true, value: raw }. False
 * means "ask normaliseCell", never "bad": a false negative costs a lookup, not a wrong answer.
 */
export function fastSql(col: string, kind: ColumnKind): string {
  switch (kind) {
    // Not blank at either end: trim() changes nothing and NFKC cannot empty it.
    case 'text':
      return String.raw`regexp_full_match(${col}, '[^${JS_SPACE}](?s:.*[^${JS_SPACE}])?')`
    case 'datetime':
      return String.raw`(regexp_full_match(${col}, '\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}') AND ${col} NOT LIKE '0000%' AND try_strptime(${col}, '%Y-%m-%d %H:%M:%S') IS NOT NULL)`
    case 'date':
      return String.raw`(regexp_full_match(${col}, '\d{4}-\d{2}-\d{2}') AND ${col} NOT LIKE '0000%' AND try_strptime(${col}, '%Y-%m-%d') IS NOT NULL)`
    // Up to nine digits: always within the 32-bit integer the column is stored as (values.ts).
    case 'int':
      return String.raw`regexp_full_match(${col}, '-?[1-9]\d{0,8}|0')`
    default:
      // Levels, yes/no, verdicts, channels: a handful of distinct values, all judged in JavaScript.
      return 'false'
  }
}

/** A cell that is blank as loadGrid's isBlankRow sees it (String(v).trim() === ''). */
export function blankSql(col: string): string {
  return `(${col} IS NULL OR regexp_full_match(${col}, '[${JS_SPACE}]*'))`
}

export interface LookupRow { col: number, raw: string, ok: boolean, code: IssueCode | null, value: string | null }

/** normaliseCell for each distinct value the fast path left, keyed by source column. */
export function lookupRows(values: Array<{ col: number, raw: string }>, kinds: ColumnKind[]): LookupRow[] {
  return values.map(({ col, raw }) => {
    const r = normaliseCell(raw, kinds[col]!)
    return r.ok ? { col, raw, ok: true, code: null, value: r.value } : { col, raw, ok: false, code: r.code, value: null }
  })
}
