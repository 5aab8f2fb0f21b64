// The export bundle's format marker and its one transformation: cells a spreadsheet would run
// as a formula are written with a leading quote (domain/text/csv-export), so a colleague who
// opens a CSV of the bundle in Excel sees text; reading a bundle back takes the quote off.
// A value that merely looks quoted already gets one quote more, so the round trip is exact.

import type { GridSource } from '../table/table'

/** Quotes followed by what neutraliseFormula quotes (= + - @ tab CR, but not a plain number). */
function looksQuoted(s: string): boolean {
  const m = /^'+([=+\-@\t\r][\s\S]*)$/.exec(s)
  return m !== null && !/^-?\d+(?:\.\d+)?$/.test(m[1]!)
}

export const EXPORT_FORMAT = 'duban-export'

export function isBundleManifest(v: unknown): boolean {
  return typeof v === 'object' && v !== null && (v as { format?: unknown }).format === EXPORT_FORMAT
}

/** Before toExportCsv: one more quote on a value that would otherwise read back as quoted. */
export function escapeForBundle(v: string | null): string | null {
  return v !== null && looksQuoted(v) ? `'${v}` : v
}

/** A bundle cell as it was before export. */
export function restoreFormula(v: unknown): unknown {
  return typeof v === 'string' && looksQuoted(v) ? v.slice(1) : v
}

export function restoreFormulas(grid: GridSource): GridSource {
  return { ...grid, grid: grid.grid.map(row => row.map(restoreFormula)) }
}
