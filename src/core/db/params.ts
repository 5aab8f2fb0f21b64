import type { Params, SqlValue } from './types'

/**
 * Rewrites `$name` parameters to DuckDB's positional `$1…$n`, since DuckDB-WASM's prepared
 * statements bind by position only. The SQL files are the project's own, so a `$` inside a
 * string literal is not expected; the rewrite still skips quoted text to be safe.
 */
export function bindNamed(sql: string, params: Params = {}): { sql: string, values: SqlValue[] } {
  const order: string[] = []
  const out = sql.replace(/'(?:[^']|'')*'|\$([a-z_]\w*)/gi, (match, name: string | undefined) => {
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

/** CSV text from rows of normalised cells: every value quoted, null as an empty field. */
export function toCsv(columns: string[], rows: Iterable<ReadonlyArray<string | null | undefined>>): string {
  const parts: string[] = [columns.join(',')]
  for (const row of rows) {
    let line = ''
    for (let i = 0; i < columns.length; i++) {
      const v = row[i]
      if (i > 0)
        line += ','
      if (v !== null && v !== undefined)
        line += `"${v.includes('"') ? v.replace(/"/g, '""') : v}"`
    }
    parts.push(line)
  }
  return `${parts.join('\n')}\n`
}

/** The read_csv call shared by every adapter: explicit types, no sniffing, no extensions. */
export function readCsvSql(path: string, columns: { name: string, type: string }[]): string {
  const cols = columns.map(c => `'${c.name}': '${c.type}'`).join(', ')
  return `SELECT * FROM read_csv('${path}', header = true, auto_detect = false, quote = '"', escape = '"', delim = ',', columns = {${cols}}, timestampformat = '%Y-%m-%d %H:%M:%S', dateformat = '%Y-%m-%d')`
}
