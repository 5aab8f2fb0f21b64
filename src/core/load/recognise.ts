import type { TableName } from '../contract/tables'
import { TABLES } from '../contract/tables'
import { mapHeaders, normaliseHeader } from './headers'

export interface Recognition {
  table: TableName | null
  by: 'file_name' | 'columns' | 'none'
}

/** The file name's stem without extension, folder, or a trailing date/version suffix. */
export function fileStem(fileName: string): string {
  const base = fileName.split(/[/\\]/).pop() ?? fileName
  return base.replace(/\.[^.]+$/, '')
}

export function recogniseByFileName(fileName: string): TableName | null {
  const stem = normaliseHeader(fileStem(fileName))
  for (const t of TABLES) {
    for (const alias of [t.name, ...t.fileAliases]) {
      if (stem === normaliseHeader(alias))
        return t.name
    }
  }
  // Exports are often named "2024年10月好差评数据" or "evaluations_2024-10": accept a contained alias,
  // longest alias first so that 差评整改 is not taken for 好差评.
  const candidates = TABLES.flatMap(t => [t.name, ...t.fileAliases].map(a => ({ t: t.name, a: normaliseHeader(a) })))
    .filter(x => x.a.length >= 2)
    .sort((x, y) => y.a.length - x.a.length)
  return candidates.find(x => stem.includes(x.a))?.t ?? null
}

/** Picks the table whose required columns all match and which matches the most headers. */
export function recogniseByColumns(headers: string[]): TableName | null {
  let best: { t: TableName, score: number } | null = null
  for (const t of TABLES) {
    const m = mapHeaders(headers, t)
    if (m.missingRequired.length > 0)
      continue
    const score = m.matched / t.columns.length + m.matched
    if (!best || score > best.score)
      best = { t: t.name, score }
  }
  return best?.t ?? null
}

export function recogniseTable(fileName: string, headers: string[]): Recognition {
  const byName = recogniseByFileName(fileName)
  if (byName)
    return { table: byName, by: 'file_name' }
  const byCols = recogniseByColumns(headers)
  return byCols ? { table: byCols, by: 'columns' } : { table: null, by: 'none' }
}
