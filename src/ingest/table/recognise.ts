import type { TableName } from '../../domain/contract/tables'
import { RECTIFICATION_COLUMNS_IN_EVALUATIONS, TABLE_BY_NAME, TABLES } from '../../domain/contract/tables'
import { mapHeaders, normaliseHeader } from './headers'

export interface Recognition {
  table: TableName | null
  by: 'file_name' | 'columns' | 'none'
  /** Tables the columns fit equally well, when no name chose among them. */
  candidates?: TableName[]
  /** The file's labels of the columns that chose the table. */
  labels?: string[]
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

/** The rectification columns an evaluations file may carry count towards evaluations. */
function extraColumnsOf(t: TableName) {
  return t === 'evaluations' ? TABLE_BY_NAME.rectifications.columns.filter(c => RECTIFICATION_COLUMNS_IN_EVALUATIONS.includes(c.name)) : []
}

export interface ColumnFit {
  table: TableName
  /** The file's own labels of the columns the table knows, required ones first. */
  labels: string[]
}

/**
 * Tables whose required columns all appear, that name the most columns; several when they
 * fit equally well. One column is no evidence: every file with a 评价编号 has rectifications'
 * only required column, so a table must name at least two.
 */
export function fitByColumns(headers: string[]): ColumnFit[] {
  let best: ColumnFit[] = []
  let most = 0
  for (const t of TABLES) {
    const m = mapHeaders(headers, t, extraColumnsOf(t.name))
    if (m.missingRequired.length > 0 || m.matched < 2)
      continue
    const required = new Set(t.columns.filter(c => c.required).map(c => c.name))
    const order = headers.map((h, i) => ({ h, c: m.columns[i] })).filter(x => x.c !== null)
    const labels = [...order.filter(x => required.has(x.c!)), ...order.filter(x => !required.has(x.c!))].map(x => x.h.trim())
    if (m.matched > most) {
      most = m.matched
      best = [{ table: t.name, labels }]
    }
    else if (m.matched === most) {
      best.push({ table: t.name, labels })
    }
  }
  return best
}

/** Picks the table whose required columns all match and which matches the most headers. */
export function recogniseByColumns(headers: string[]): TableName | null {
  const fit = fitByColumns(headers)
  return fit.length === 1 ? fit[0]!.table : null
}

/** Every table a name mentions ("好差评差评整改台账" mentions two). */
export function tablesInName(fileName: string): TableName[] {
  const stem = normaliseHeader(fileStem(fileName))
  return TABLES.filter(t => [t.name, ...t.fileAliases].some(a => normaliseHeader(a).length >= 2 && stem.includes(normaliseHeader(a)))).map(t => t.name)
}

/**
 * The columns decide: a file's columns choose its table. A name (the sheet's, then the file's)
 * only breaks a tie between tables the columns fit equally, and only when it names exactly one
 * of them; when no table fits the columns, the name says which table the file was meant to be
 * (its missing columns are then reported). A tie nothing breaks leaves the candidates.
 */
export function recogniseTable(names: string | string[], headers: string[]): Recognition {
  const hints = typeof names === 'string' ? [names] : names
  const fit = fitByColumns(headers)
  if (fit.length === 1)
    return { table: fit[0]!.table, by: 'columns', labels: fit[0]!.labels }
  if (fit.length > 1) {
    for (const n of hints) {
      const named = tablesInName(n).filter(t => fit.some(f => f.table === t))
      if (named.length === 1)
        return { table: named[0]!, by: 'file_name', labels: fit.find(f => f.table === named[0])!.labels }
    }
    return { table: null, by: 'none', candidates: fit.map(f => f.table) }
  }
  for (const n of hints) {
    const byName = recogniseByFileName(n)
    if (byName)
      return { table: byName, by: 'file_name' }
  }
  return { table: null, by: 'none' }
}
