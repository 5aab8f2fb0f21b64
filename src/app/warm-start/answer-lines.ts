import type { Row } from '../../metrics/db/types'

/**
 * A value JSON brings back as it was. NaN, ±Infinity (null in JSON) and -0 (0) do not:
 * an answer holding one is not saved, so a saved answer always equals a fresh one.
 */
export function exact(rows: readonly Row[]): boolean {
  for (const r of rows) {
    for (const v of Object.values(r)) {
      if (typeof v === 'number' && (!Number.isFinite(v) || Object.is(v, -0)))
        return false
    }
  }
  return true
}

/**
 * One answer of a saved answers file (answers.ts, and the build's first page in prerender/):
 * `<key as JSON>\t<rows as JSON>`, so a reader parses only the answers it is asked for.
 */
export function answerLine(key: string, rowsJson: string): string {
  return `${JSON.stringify(key)}\t${rowsJson}`
}
