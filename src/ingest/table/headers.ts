import type { ColumnSpec, TableSpec } from '../../domain/contract/tables'

/**
 * Exports spell headers loosely: full-width brackets, spaces, unit suffixes such as
 * "（工作日）", quotes around 一件事. Both sides are folded the same way before comparing.
 */
export function normaliseHeader(raw: string): string {
  return raw
    .replace(/^\uFEFF/, '')
    .normalize('NFKC')
    .trim()
    .replace(/\([^)]*\)$/u, '')
    .replace(/[\s"'“”‘’*＊]/gu, '')
    .toLowerCase()
}

export interface HeaderMapping {
  /** For each source column index, the canonical column name or null (an extra column). */
  columns: Array<string | null>
  /** Required columns of the table that no header matched. */
  missingRequired: string[]
  /** Canonical names that more than one header matched (the first wins). */
  duplicates: string[]
  matched: number
}

/**
 * `overrides` (normalised header → canonical name, or null for "keep as an extra column") is
 * the user's own column mapping; it wins over the aliases. Names outside the table are ignored.
 */
export function mapHeaders(headers: string[], spec: TableSpec, extraColumns: ColumnSpec[] = [], overrides?: Record<string, string | null>): HeaderMapping {
  const lookup = new Map<string, string>()
  for (const col of [...spec.columns, ...extraColumns]) {
    for (const alias of [col.name, ...col.aliases]) {
      const key = normaliseHeader(alias)
      if (!lookup.has(key))
        lookup.set(key, col.name)
    }
  }
  const seen = new Set<string>()
  const duplicates: string[] = []
  const known = new Set([...spec.columns, ...extraColumns].map(c => c.name))
  const columns = headers.map((h) => {
    const key = normaliseHeader(h)
    const name = overrides && Object.hasOwn(overrides, key)
      ? (known.has(overrides[key] ?? '') ? overrides[key]! : null)
      : lookup.get(key) ?? lookup.get(normaliseHeader(h.replace(/[(（].*$/u, ''))) ?? null
    if (name === null)
      return null
    if (seen.has(name)) {
      duplicates.push(name)
      return null
    }
    seen.add(name)
    return name
  })
  const missingRequired = spec.columns.filter(c => c.required && !seen.has(c.name)).map(c => c.name)
  return { columns, missingRequired, duplicates, matched: seen.size }
}
