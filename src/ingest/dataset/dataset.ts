import type { TableName } from '../../domain/contract/tables'
import type { LoadIssue } from '../table/issues'
import type { TableLoadResult, TableRows } from '../table/table'
import { TABLE_BY_NAME, TABLES } from '../../domain/contract/tables'
import { emptyTable } from '../table/table'
import { KeyIndex } from './key-index'

export interface FileInfo {
  name: string
  bytes: number
  sha256: string
  table: TableName | null
  recognisedBy: TableLoadResult['recognisedBy']
  encoding?: string
  goodRows: number
  badRows: number
  loadedAt: string
}

/** One table read from a file (a workbook gives one per sheet), ready for assembleDataset. */
export interface LoadedFile {
  result: TableLoadResult
  file: Omit<FileInfo, 'table' | 'recognisedBy' | 'goodRows' | 'badRows'>
}

/** Everything loaded for one analysis: canonical rows per table, the files, the problems. */
export interface Dataset {
  tables: Record<TableName, TableRows>
  files: FileInfo[]
  issues: LoadIssue[]
  /**
   * Plan metadata (plan.json of a seed folder), used for the plan year of tasks; `as_of`, the
   * last day an embedded data set declares it covers (its dataset.json).
   */
  plan?: { id?: string, title?: string, issuer?: string, date?: string, plan_year?: number, as_of?: string }
}

export function emptyDataset(): Dataset {
  const tables = Object.fromEntries(TABLES.map(t => [t.name, emptyTable(t.name)])) as Record<TableName, TableRows>
  return { tables, files: [], issues: [] }
}

/** References checked after all files are in: [table, column, target table, target column, severity]. */
const REFERENCES: Array<[TableName, string, TableName, string, 'error' | 'warning']> = [
  ['task_progress', 'task_id', 'tasks', 'task_id', 'warning'],
  ['rectifications', 'eval_id', 'evaluations', 'eval_id', 'error'],
  ['evaluations', 'app_id', 'applications', 'app_id', 'warning'],
]

/**
 * Merges per-file results into one data set. Duplicate keys keep their first row; a
 * rectification that names no loaded evaluation is dropped — both with a message.
 */
export function assembleDataset(results: LoadedFile[], plan?: Dataset['plan']): Dataset {
  const ds = emptyDataset()
  if (plan)
    ds.plan = plan
  for (const { result, file } of results) {
    ds.files.push({ ...file, table: result.table, recognisedBy: result.recognisedBy, goodRows: result.goodRows, badRows: result.badRows })
    // Plain loops: spreading a million rows into push() overflows the call stack.
    for (const issue of result.issues)
      ds.issues.push(issue)
    // Never alias a file's own row array: callers keep results and assemble them again.
    for (const t of result.tables) {
      const target = ds.tables[t.name].rows
      for (const row of t.rows)
        target.push(row)
    }
  }
  checkReferences(ds, dedupeKeys(ds))
  return ds
}

function rowLocation(t: TableRows, row: Array<string | null>): { file: string, row?: number } {
  const file = row[t.columns.indexOf('_file')] ?? t.name
  const r = row[t.columns.indexOf('_row')]
  return r ? { file, row: Number(r) } : { file }
}

function headerOf(table: TableName, column: string): string {
  const col = TABLE_BY_NAME[table].columns.find(c => c.name === column)
  return col?.aliases[0] ?? column
}

type Row = TableRows['rows'][number]

/** Each keyed table's kept rows (the array itself) and the keys among them. */
type KeptKeys = Map<TableName, { rows: Row[], keys: KeyIndex }>

function dedupeKeys(ds: Dataset): KeptKeys {
  const kept: KeptKeys = new Map()
  for (const spec of TABLES) {
    if (!spec.key)
      continue
    const t = ds.tables[spec.name]
    const k = t.columns.indexOf(spec.key)
    const rows = t.rows
    const keys = new KeyIndex(rows, k)
    const fields = spec.columns.map(c => t.columns.indexOf(c.name))
    // Found first, dropped after: a table with no duplicate (the usual case) keeps its array.
    const later: number[] = []
    const firstOf: number[] = []
    for (let i = 0; i < rows.length; i++) {
      const key = rows[i]![k]
      if (key === null || key === undefined)
        continue
      const first = keys.add(i)
      if (first >= 0) {
        later.push(i)
        firstOf.push(first)
      }
    }
    for (const [n, at] of later.entries()) {
      const row = rows[at]!
      const key = row[k]!
      const seen = rows[firstOf[n]!]!
      // The same record in a second file (a 整改台账 repeating its evaluations) is no conflict:
      // kept once, with a warning. Any differing value is an error.
      const first = rowLocation(t, seen)
      const here = rowLocation(t, row)
      const same = first.file !== here.file && fields.every(i => row[i] === null || row[i] === seen[i])
      const detail = first.file === here.file ? String(first.row ?? 0) : `${first.row ?? 0}@${first.file}`
      ds.issues.push({ severity: same ? 'warning' : 'error', code: 'duplicate_id', ...here, column: headerOf(spec.name, spec.key), value: key, detail })
    }
    if (later.length > 0) {
      const drop = new Set(later)
      t.rows = t.rows.filter((_, i) => !drop.has(i))
    }
    kept.set(spec.name, { rows: t.rows, keys })
  }
  return kept
}

function checkReferences(ds: Dataset, kept: KeptKeys): void {
  for (const [from, col, to, toCol, severity] of REFERENCES) {
    const target = ds.tables[to]
    if (target.rows.length === 0 && severity === 'warning')
      continue
    // A reference to a table's key reads the keys dedupeKeys already holds, while the table
    // still has the rows it kept (a million ids are not hashed a second time).
    const own = kept.get(to)
    const keys = own && own.rows === target.rows && toCol === TABLE_BY_NAME[to].key ? own.keys : null
    const ti = target.columns.indexOf(toCol)
    const known = keys ?? new Set(target.rows.map(r => r[ti]))
    // Bundles with a deadline are supervised as tasks too, under a derived id.
    const derived = to === 'tasks' ? new Set(bundleTaskIds(ds)) : null
    const t = ds.tables[from]
    const fi = t.columns.indexOf(col)
    const dangling = (row: Row) => {
      const v = row[fi]
      if (v === null || v === undefined || known.has(v) || derived?.has(v))
        return false
      ds.issues.push({ severity, code: 'dangling_ref', ...rowLocation(t, row), column: headerOf(from, col), value: v, detail: TABLE_BY_NAME[to].title.zh })
      return true
    }
    // A warning keeps the row: the table keeps its array too.
    if (severity === 'warning')
      t.rows.forEach(dangling)
    else
      t.rows = t.rows.filter(row => !dangling(row))
  }
}

/** The task id a bundle with a deadline gets in the schedule: stable, readable, unique per lead department. */
export function bundleTaskId(bundleName: string, leadDept: string | null): string {
  return `一件事:${bundleName}${leadDept ? `@${leadDept}` : ''}`
}

export function bundleTaskIds(ds: Dataset): string[] {
  const b = ds.tables.bundles
  const n = b.columns.indexOf('bundle_name')
  const d = b.columns.indexOf('lead_dept')
  const dl = b.columns.indexOf('deadline_text')
  return [...new Set(b.rows.filter(r => r[dl]).map(r => bundleTaskId(r[n]!, r[d] ?? null)))]
}
