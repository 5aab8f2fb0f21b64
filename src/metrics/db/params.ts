import type { Params, SqlValue } from './types'

/**
 * Rewrites `$name` parameters to DuckDB's positional `$1…$n`, since DuckDB-WASM's prepared
 * statements bind by position only. The SQL files are the project's own, so a `$` inside a
 * string literal is not expected; the rewrite still skips quoted text and comments to be safe.
 */
export function bindNamed(sql: string, params: Params = {}): { sql: string, values: SqlValue[] } {
  const order: string[] = []
  // Comments first: an apostrophe in a comment must not open a "string" that hides parameters.
  const out = sql.replace(/--[^\n]*|'(?:[^']|'')*'|\$([a-z_]\w*)/gi, (match, name: string | undefined) => {
    if (!name)
      return match
    if (!(name in params))
      throw new Error(`SQL parameter $${name} has no value`)
    let i = order.indexOf(name)
    if (i < 0)
      i = order.push(name) - 1
    return `$${i + 1}`
  })
  return { sql: out, values: order.map(n => params[n]!) }
}

/**
 * CSV text from rows of normalised cells: every value quoted, null as an empty field. With
 * `pick`, only those cell positions are written (`columns` then names them, in that order).
 */
export function toCsv(columns: string[], rows: Iterable<ReadonlyArray<string | null | undefined>>, pick?: readonly number[]): string {
  // Built as one array of lines joined once: for 100k-row tables this is several times
  // faster than growing a string cell by cell.
  const lines: string[] = [columns.join(',')]
  const n = columns.length
  const at = pick ?? columns.map((_, i) => i)
  const cells: string[] = Array.from({ length: n }, () => '')
  for (const row of rows) {
    for (let i = 0; i < n; i++) {
      const v = row[at[i]!]
      cells[i] = v === null || v === undefined ? '' : v.includes('"') ? `"${v.replace(/"/g, '""')}"` : `"${v}"`
    }
    lines.push(cells.join(','))
  }
  lines.push('')
  return lines.join('\n')
}

/** The read_csv call shared by every adapter: explicit types, no sniffing, no extensions. */
export function readCsvSql(path: string, columns: { name: string, type: string }[]): string {
  const cols = columns.map(c => `'${c.name}': '${c.type}'`).join(', ')
  return `SELECT * FROM read_csv('${path}', header = true, auto_detect = false, quote = '"', escape = '"', delim = ',', columns = {${cols}}, timestampformat = '%Y-%m-%d %H:%M:%S', dateformat = '%Y-%m-%d')`
}
