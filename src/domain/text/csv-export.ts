/**
 * CSV for people to open in Excel/WPS: UTF-8 with BOM (so Excel picks the encoding), and
 * cells that a spreadsheet would run as a formula (= + - @, tab, CR) prefixed with a quote.
 */
export function neutraliseFormula(s: string): string {
  return /^[=+\-@\t\r]/.test(s) && !/^-?\d+(?:\.\d+)?$/.test(s) ? `'${s}` : s
}

export function toExportCsv(header: string[], rows: ReadonlyArray<ReadonlyArray<unknown>>): string {
  const cell = (v: unknown): string => {
    if (v === null || v === undefined)
      return ''
    const s = neutraliseFormula(String(v))
    return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s
  }
  return `\uFEFF${[header, ...rows].map(r => r.map(cell).join(',')).join('\r\n')}\r\n`
}
