// CSV as RFC 4180 writes it: comma separated, "\n" line ends, a field quoted only when it holds
// a comma, a quote or a line break. No BOM: the loader accepts UTF-8 either way.

function field(value: unknown): string {
  const s = value === null || value === undefined ? '' : String(value)
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s
}

export function toCsv<R extends object>(columns: Array<keyof R & string>, rows: R[]): string {
  const lines = [columns.map(field).join(',')]
  for (const row of rows)
    lines.push(columns.map(c => field(row[c])).join(','))
  return `${lines.join('\n')}\n`
}
