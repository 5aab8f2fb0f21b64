// RowClassifier's one rule that looks at the rows above: in a table with two or more number
// columns, a row without an id whose numbers equal the running totals of the records above is
// a 合计 (layout-rows.ts: sumKind). Read here in SQL, on a file in which no other row is layout
// (check.ts asks the gate too): every non-blank row above is then a record and in the totals.

import type { Db } from '../db/types'
import type { LogFilePlan } from './plan'
import type { StagedColumns } from './stage'
import { JS_SPACE } from './cells'

/** asNumber of layout-rows.ts: a plain number once whitespace and thousands commas are gone. */
function asNumberSql(col: string): string {
  const compact = `replace(regexp_replace(${col}, '[${JS_SPACE}]+', '', 'g'), ',', '')`
  return String.raw`CASE WHEN regexp_full_match(${compact}, '-?\d+(?:\.\d+)?') THEN CAST(${compact} AS DOUBLE) END`
}

/** Whether some row could be read as a running total (then the file takes the JavaScript path). */
export async function maySumRows(db: Db, st: string, plan: LogFilePlan, numeric: number[], keyIndex: number, staged: StagedColumns): Promise<boolean> {
  const key = keyIndex >= 0 ? staged.blank(keyIndex) : 'true'
  const filled = (i: number) => `CASE WHEN NOT ${staged.blank(i)} THEN 1 ELSE 0 END`
  const [few] = await db.query(`SELECT count(*) AS n FROM ${st} WHERE ${key} AND (${numeric.map(filled).join(' + ')}) >= 2`)
  if (Number(few?.n) === 0)
    return false
  const n = plan.columns.length
  const blankRow = Array.from({ length: n }, (_, i) => staged.blank(i)).join(' AND ')
  const above = 'OVER (ORDER BY rid ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING)'
  const values = numeric.map((i, k) => `${asNumberSql(staged.text(i))} AS a${k}, NOT ${staged.blank(i)} AS t${k}`).join(', ')
  const sums = numeric.map((_, k) => `coalesce(sum(coalesce(a${k}, 0)) ${above}, 0) AS s${k}`).join(', ')
  const given = numeric.map((_, k) => `CASE WHEN a${k} IS NOT NULL THEN 1 ELSE 0 END`).join(' + ')
  const someNonZero = numeric.map((_, k) => `coalesce(a${k} <> 0, false)`).join(' OR ')
  const noText = numeric.map((_, k) => `NOT (a${k} IS NULL AND t${k})`).join(' AND ')
  const equal = numeric.map((_, k) => `(a${k} IS NULL OR abs(a${k} - s${k}) < 1e-6 * greatest(1, abs(a${k}), abs(s${k})))`).join(' AND ')
  const [r] = await db.query(`WITH rows AS (SELECT rowid AS rid, ${key} AS no_key, ${values} FROM ${st} WHERE NOT (${blankRow})),
totals AS (SELECT *, count(*) ${above} AS records, ${sums} FROM rows)
SELECT count(*) AS n FROM totals WHERE no_key AND records >= 2 AND (${given}) >= 2 AND (${someNonZero}) AND ${noText} AND ${equal}`)
  return Number(r?.n) > 0
}
