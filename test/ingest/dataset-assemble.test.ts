// assembleDataset's duplicate ids and references, held to the plain reading of the rules: the
// first row of a key is kept (earlier files first), a later one is an issue (a warning when it
// repeats the record from another file); a reference to nothing loaded is an issue, and drops
// the row where it is an error. The reference below is the rule as first written.

import type { Dataset, LoadedFile } from '../../src/ingest/dataset/dataset'
import type { TableName } from '../../src/domain/contract/tables'
import type { LoadIssue } from '../../src/ingest/table/issues'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { TABLE_BY_NAME, TABLES } from '../../src/domain/contract/tables'
import { assembleDataset, bundleTaskIds } from '../../src/ingest/dataset/dataset'
import { emptyTable } from '../../src/ingest/table/table'

type Row = Array<string | null>

const REFERENCES: Array<[TableName, string, TableName, string, 'error' | 'warning']> = [
  ['task_progress', 'task_id', 'tasks', 'task_id', 'warning'],
  ['rectifications', 'eval_id', 'evaluations', 'eval_id', 'error'],
  ['evaluations', 'app_id', 'applications', 'app_id', 'warning'],
]

function where(t: { columns: string[] }, row: Row) {
  const file = row[t.columns.indexOf('_file')] ?? ''
  const r = row[t.columns.indexOf('_row')]
  return r ? { file, row: Number(r) } : { file }
}

const headerOf = (table: TableName, column: string) => TABLE_BY_NAME[table].columns.find(c => c.name === column)?.aliases[0] ?? column

/** The rules read plainly, on a data set whose rows are all in. */
function reference(ds: Dataset): void {
  for (const spec of TABLES) {
    if (!spec.key)
      continue
    const t = ds.tables[spec.name]
    const k = t.columns.indexOf(spec.key)
    const first = new Map<string, Row>()
    const fields = spec.columns.map(c => t.columns.indexOf(c.name))
    t.rows = t.rows.filter((row) => {
      const key = row[k]
      if (key === null || key === undefined)
        return true
      const seen = first.get(key)
      if (!seen) {
        first.set(key, row)
        return true
      }
      const a = where(t, seen)
      const b = where(t, row)
      const same = a.file !== b.file && fields.every(i => row[i] === null || row[i] === seen[i])
      ds.issues.push({ severity: same ? 'warning' : 'error', code: 'duplicate_id', ...b, column: headerOf(spec.name, spec.key!), value: key, detail: a.file === b.file ? String(a.row ?? 0) : `${a.row ?? 0}@${a.file}` })
      return false
    })
  }
  for (const [from, col, to, toCol, severity] of REFERENCES) {
    const target = ds.tables[to]
    if (target.rows.length === 0 && severity === 'warning')
      continue
    const known = new Set(target.rows.map(r => r[target.columns.indexOf(toCol)]))
    if (to === 'tasks')
      bundleTaskIds(ds).forEach(id => known.add(id))
    const t = ds.tables[from]
    const fi = t.columns.indexOf(col)
    t.rows = t.rows.filter((row) => {
      const v = row[fi]
      if (v === null || v === undefined || known.has(v))
        return true
      ds.issues.push({ severity, code: 'dangling_ref', ...where(t, row), column: headerOf(from, col), value: v, detail: TABLE_BY_NAME[to].title.zh })
      return severity === 'warning'
    })
  }
}

const maybe = (values: string[]) => fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...values) }, { weight: 1, arbitrary: fc.constant(null) })

/** A table of random rows, each cell named by its column and drawn from a small pool (so keys repeat). */
function tableArb(name: TableName, cells: Record<string, fc.Arbitrary<string | null>>, file: string) {
  return fc.array(fc.record(cells), { maxLength: 12 }).map((rows) => {
    const t = emptyTable(name)
    t.rows = rows.map((cellsOf, i) => {
      const row: Row = t.columns.map(c => (cellsOf as Record<string, string | null>)[c] ?? null)
      row[t.columns.indexOf('_file')] = file
      row[t.columns.indexOf('_row')] = String(i + 2)
      return row
    })
    return t
  })
}

const filesArb = fc.tuple(
  tableArb('applications', { app_id: maybe(['A1', 'A2', 'A3']), dept: maybe(['东区', '西区']) }, '办件-1.csv'),
  tableArb('applications', { app_id: maybe(['A2', 'A3', 'A4']), dept: maybe(['东区', '西区']) }, '办件-2.csv'),
  tableArb('evaluations', { eval_id: maybe(['E1', 'E2', 'E3']), app_id: maybe(['A1', 'A4', 'A9']), level: maybe(['1', '5']) }, '好差评.csv'),
  tableArb('rectifications', { eval_id: maybe(['E1', 'E3', 'E8']) }, '整改.csv'),
  tableArb('bundles', { bundle_name: maybe(['开店', '出生']), lead_dept: maybe(['东区']), deadline_text: maybe(['6月底前']) }, '一件事.csv'),
  tableArb('tasks', { task_id: maybe(['T1', 'T2']) }, '配档表.csv'),
  tableArb('task_progress', { task_id: maybe(['T1', 'T7', '一件事:开店@东区', '一件事:出生']) }, '进展.csv'),
)

const loaded = (t: Dataset['tables'][TableName]): LoadedFile => ({
  result: { table: t.name, recognisedBy: 'columns', tables: [{ ...t, rows: t.rows.map(r => [...r]) }], issues: [], goodRows: t.rows.length, badRows: 0 },
  file: { name: t.rows[0]?.[t.columns.indexOf('_file')] ?? t.name, bytes: 1, sha256: 'x', loadedAt: 'x' },
})

describe('assembleDataset', () => {
  it('keeps and reports duplicate ids and references as the rules read plainly', () => {
    let dup = 0
    let dangling = 0
    fc.assert(fc.property(filesArb, (tables) => {
      const got = assembleDataset(tables.map(loaded))
      const want = assembleDataset([])
      for (const t of tables)
        want.tables[t.name].rows.push(...t.rows.map(r => [...r]))
      want.files = got.files
      reference(want)
      expect(got.issues).toEqual(want.issues)
      for (const t of TABLES)
        expect(got.tables[t.name].rows).toEqual(want.tables[t.name].rows)
      dup += got.issues.filter((i: LoadIssue) => i.code === 'duplicate_id').length
      dangling += got.issues.filter((i: LoadIssue) => i.code === 'dangling_ref').length
    }), { numRuns: 300, seed: 17 })
    expect(dup).toBeGreaterThan(50)
    expect(dangling).toBeGreaterThan(50)
  })
})
