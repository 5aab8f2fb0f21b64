import type { ColumnKind } from '../../domain/contract/tables'
import type { NormalisedCell } from './values'
import { normaliseCell } from './values'

// Large exports are mostly canonical already ('2024-06-01 09:05:07' from Parquet and from
// our generator) and repeat a few values per column (departments, channels, levels). These
// shortcuts give exactly what normaliseCell gives (a property test holds them to it) while
// skipping its general parser and NFKC pass, which dominated load time at 100k rows.
const DATETIME = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/
// Nine digits at most: always within the 32-bit range normaliseCell allows an int.
const INT = /^-?[1-9]\d{0,8}$|^0$/
// A printable ASCII character or a CJK ideograph never normalises (NFKC) to blank.
const VISIBLE = /[\x21-\x7E\u4E00-\u9FFF]/
const DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

function validYmd(y: number, m: number, d: number): boolean {
  if (y < 1 || m < 1 || m > 12 || d < 1 || d > DAYS[m - 1]!)
    return false
  return m !== 2 || d < 29 || (y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0))
}

/** Past this many distinct values a column is ids or free text: remembering them gains nothing. */
const MEMO_LIMIT = 20_000

/** normaliseCell for one column, with canonical fast paths and a memo of repeated values. */
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
      if (memo.size > MEMO_LIMIT)
        memoOn = false
    }
    return r
  }
}
